/**
 * Optuna's `MedianPruner` (a `PercentilePruner` at 50), rule for rule:
 *
 * - Never prune before `nStartupTrials` (5) trials are complete. Only complete trials count;
 *   pruned ones neither count nor contribute to medians.
 * - Never prune at a step below `nWarmupSteps` (0), nor when the step is not the first reported
 *   in its interval of `intervalSteps` (1) steps after the warm-up.
 * - The trial's own figure is its best intermediate value over all steps so far (NaNs skipped;
 *   all NaN → prune). Note: the best over steps, not the value at the step.
 * - The reference is the median (NumPy `nanpercentile`, linear) of the complete trials' values
 *   at exactly this step, over those that reported it, NaNs skipped. With fewer than
 *   `nMinTrials` (1) such trials, or only NaNs, do not prune.
 * - Prune when the trial's figure is strictly worse than the median (minimize: greater).
 */
import { InvalidArgumentError } from '../contracts/errors';
import type { Direction, PrunerSpec, Trial } from '../contracts/hpo';
import type { PrunerDescriptor } from './pruner';

/**
 * Optuna's `MedianPruner` defaults.
 * @example
 * MEDIAN_PRUNER_DEFAULTS.nStartupTrials // 5
 */
export const MEDIAN_PRUNER_DEFAULTS = {
  nStartupTrials: 5,
  nWarmupSteps: 0,
  intervalSteps: 1,
  nMinTrials: 1,
} as const;

/**
 * NumPy's `nanpercentile(values, 50)`: the median of the non-NaN values, NaN when none.
 * @param values the values
 * @returns the median (mean of the middle two for an even count); NaN where NumPy gives NaN
 * @example
 * nanMedian([3, NaN, 1, 2, 10]) // 2.5
 */
export function nanMedian(values: readonly number[]): number {
  const v = values.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  // NumPy's `_lerp` between the element at floor((n - 1) / 2) and the next one (itself when
  // n = 1), including its infinity arithmetic: an infinity there usually gives NaN, which the
  // pruner reads as "no median, do not prune", as Optuna does.
  const mid = (v.length - 1) / 2;
  const i = Math.floor(mid);
  const a = v[i]!;
  const b = v[Math.min(i + 1, v.length - 1)]!;
  const t = mid - i;
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/** Optuna's `_is_first_in_interval_step`. */
function isFirstInInterval(
  step: number,
  steps: readonly number[],
  warmup: number,
  interval: number,
): boolean {
  const nearestLowerPruningStep = Math.floor((step - warmup) / interval) * interval + warmup;
  let secondLast = -1;
  for (const s of steps) if (s > secondLast && s !== step) secondLast = s;
  return secondLast < nearestLowerPruningStep;
}

function best(values: readonly number[], direction: Direction): number {
  const v = values.filter((x) => !Number.isNaN(x));
  if (v.length === 0) return NaN;
  return direction === 'minimize' ? Math.min(...v) : Math.max(...v);
}

/**
 * Optuna's median pruning decision.
 * @param trial the running trial, with its intermediate values (including `step`)
 * @param step the step just reported
 * @param trials the study's trials, any state (only complete ones are used)
 * @param direction the objective's direction
 * @param spec options (defaults: 5 startup trials, 0 warm-up steps, interval 1, 1 min trial)
 * @returns true when the trial should be pruned
 * @example
 * // five complete trials reported 1, 2, 3, 4, 5 at step 0; a trial at 3.5 is worse than 3
 * shouldPruneMedian({ ...trial, intermediate: [{ step: 0, value: 3.5 }] }, 0, done, 'minimize') // true
 */
export function shouldPruneMedian(
  trial: Trial,
  step: number,
  trials: readonly Trial[],
  direction: Direction,
  spec?: PrunerSpec,
): boolean {
  const nStartup = spec?.nStartupTrials ?? MEDIAN_PRUNER_DEFAULTS.nStartupTrials;
  const warmup = spec?.nWarmupSteps ?? MEDIAN_PRUNER_DEFAULTS.nWarmupSteps;
  const interval = spec?.intervalSteps ?? MEDIAN_PRUNER_DEFAULTS.intervalSteps;
  const nMin = spec?.nMinTrials ?? MEDIAN_PRUNER_DEFAULTS.nMinTrials;
  const complete = trials.filter((t) => t.state === 'complete' && t.number !== trial.number);
  if (complete.length === 0 || complete.length < nStartup) return false;
  if (trial.intermediate.length === 0 || step < warmup) return false;
  const steps = trial.intermediate.map((iv) => iv.step);
  if (!isFirstInInterval(step, steps, warmup, interval)) return false;
  const own = best(
    trial.intermediate.map((iv) => iv.value),
    direction,
  );
  if (Number.isNaN(own)) return true;
  const atStep = complete.flatMap((t) =>
    t.intermediate.filter((iv) => iv.step === step).map((iv) => iv.value),
  );
  if (atStep.length < nMin) return false;
  const median = nanMedian(atStep);
  if (Number.isNaN(median)) return false;
  return direction === 'maximize' ? own < median : own > median;
}

function checkCount(spec: PrunerSpec, field: keyof PrunerSpec, min: number): void {
  const v = spec[field];
  if (v !== undefined && !(Number.isSafeInteger(v) && (v as number) >= min)) {
    throw new InvalidArgumentError(`pruner.${field}`, v, `must be an integer of at least ${min}`);
  }
}

/**
 * The median pruner's descriptor.
 * @example
 * medianPruner.shouldPrune(trial, 3, study.trials(), 'minimize', { id: 'median', nWarmupSteps: 2 }) // boolean
 */
export const medianPruner: PrunerDescriptor = {
  id: 'median',
  label: 'Median pruner',
  shouldPrune: shouldPruneMedian,
  checkSpec: (spec) => {
    checkCount(spec, 'nStartupTrials', 0);
    checkCount(spec, 'nWarmupSteps', 0);
    checkCount(spec, 'intervalSteps', 1);
    checkCount(spec, 'nMinTrials', 1);
  },
};
