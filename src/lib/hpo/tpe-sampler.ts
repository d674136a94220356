/**
 * Bayesian search with the Tree-structured Parzen Estimator, following Optuna's `TPESampler`
 * (Bergstra et al. 2011; Watanabe 2023, "Tree-structured Parzen estimator: understanding its
 * algorithm components"; code: optuna 5.0 `samplers/_tpe/sampler.py`):
 *
 * 1. Until `nStartupTrials` (10) trials are complete or pruned, sample at random.
 * 2. Split the n complete + pruned trials: the best `gamma(n) = min(ceil(0.1 n), 25)` form the
 *    "good" group, the rest the "bad" group. Complete trials rank by value; if fewer than
 *    gamma(n) are complete, pruned trials fill the good group, ranked by the last step they
 *    reached (later is better) then their value there (NaN worst). Failed trials are ignored;
 *    running ones too, unless `constantLiar`, which puts them in the bad group.
 * 3. Fit Parzen estimators l(x) to the good group and g(x) to the bad one
 *    (src/lib/hpo/parzen-estimator.ts), draw `nEiCandidates` (24) configurations from l, keep
 *    the one maximising log l(x) - log g(x) (the first on ties). By default each parameter is
 *    modelled and chosen on its own (`multivariate: false`); with `multivariate: true` they are
 *    modelled jointly.
 *
 * Defaults are Optuna 4's (`multivariate=False`, `constant_liar=False`), as the issue asks;
 * Optuna 5.0 changed both defaults to true, and both are options here.
 *
 * Other differences from Optuna: the generator is Benchtop's sfc32, so the numbers differ from
 * Optuna's for the same seed, and each trial gets its own generator derived from the study seed
 * and the trial number; candidates are drawn kernel then values, one at a time; rounding half
 * way to the step grid goes up, where NumPy rounds half to even; a space is fixed for a whole
 * study, so there is no fallback for parameters missing from some trials.
 */
import type { Direction, Params, SearchSpace, Trial } from '../contracts/hpo';
import type { Rng } from '../stats/rng';
import { buildParzenEstimator, parzenLogPdf, sampleParzen } from './parzen-estimator';
import { sampleRandomParams } from './random-sampler';
import type { SamplerDescriptor } from './sampler';

/**
 * The TPE options' defaults: Optuna's `TPESampler` defaults, with Optuna 4's `multivariate` and
 * `constant_liar` (both false).
 * @example
 * TPE_DEFAULTS.nEiCandidates // 24
 */
export const TPE_DEFAULTS = {
  nStartupTrials: 10,
  nEiCandidates: 24,
  priorWeight: 1,
  multivariate: false,
  constantLiar: false,
} as const;

/**
 * Optuna's `default_gamma`: how many of n finished trials form the good group.
 * @param n complete + pruned trials
 * @returns min(ceil(0.1 n), 25)
 * @example
 * tpeGamma(10) // 1
 * tpeGamma(11) // 2
 * tpeGamma(1000) // 25
 */
export function tpeGamma(n: number): number {
  return Math.min(Math.ceil(0.1 * n), 25);
}

function lastIntermediate(t: Trial): { step: number; value: number } | null {
  let last: { step: number; value: number } | null = null;
  for (const iv of t.intermediate) if (last === null || iv.step > last.step) last = iv;
  return last;
}

/** Optuna's `_get_pruned_trial_score`: lexicographic, smaller is better. */
function prunedScore(t: Trial, direction: Direction): [number, number] {
  const last = lastIntermediate(t);
  if (last === null) return [1, 0];
  if (Number.isNaN(last.value)) return [-last.step, Infinity];
  return [-last.step, direction === 'minimize' ? last.value : -last.value];
}

/**
 * Splits finished trials into TPE's good and bad groups (Optuna `_split_trials`), each in
 * trial-number order.
 * @param trials trials of any state (only complete and pruned ones are used)
 * @param nBelow size of the good group, normally `tpeGamma(n)`
 * @param direction the objective's direction
 * @returns `[good, bad]`
 * @example
 * splitTrials(trials, 2, 'minimize')[0].map((t) => t.value) // the two lowest values, by trial number
 */
export function splitTrials(
  trials: readonly Trial[],
  nBelow: number,
  direction: Direction,
): [Trial[], Trial[]] {
  const sign = direction === 'minimize' ? 1 : -1;
  // Array.prototype.sort is stable, as Python's sorted is.
  const complete = trials
    .filter((t) => t.state === 'complete')
    .sort((a, b) => sign * ((a.value ?? NaN) - (b.value ?? NaN)) || 0);
  const pruned = trials
    .filter((t) => t.state === 'pruned')
    .sort((a, b) => {
      const [sa, va] = prunedScore(a, direction);
      const [sb, vb] = prunedScore(b, direction);
      return sa - sb || (va === vb ? 0 : va < vb ? -1 : 1);
    });
  const nComplete = Math.min(nBelow, complete.length);
  const nPruned = Math.min(Math.max(0, nBelow - nComplete), pruned.length);
  const byNumber = (a: Trial, b: Trial): number => a.number - b.number;
  const good = [...complete.slice(0, nComplete), ...pruned.slice(0, nPruned)].sort(byNumber);
  const bad = [...complete.slice(nComplete), ...pruned.slice(nPruned)].sort(byNumber);
  return [good, bad];
}

function chooseBest(
  space: SearchSpace,
  good: readonly Trial[],
  bad: readonly Trial[],
  rng: Rng,
  nCandidates: number,
  priorWeight: number,
): Params {
  const l = buildParzenEstimator(
    space,
    good.map((t) => t.params),
    priorWeight,
  );
  const g = buildParzenEstimator(
    space,
    bad.map((t) => t.params),
    priorWeight,
  );
  const candidates = sampleParzen(l, rng, nCandidates);
  let best = 0;
  let bestScore = -Infinity;
  candidates.forEach((c, i) => {
    const score = parzenLogPdf(l, c) - parzenLogPdf(g, c);
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  return candidates[best]!;
}

/**
 * The TPE sampler's descriptor (options: `nStartupTrials`, `nEiCandidates`, `priorWeight`,
 * `multivariate`, `constantLiar`).
 * @example
 * tpeSampler.sample(space, trials, createRng(5), 'minimize') // random for the first 10, then TPE
 */
export const tpeSampler: SamplerDescriptor = {
  id: 'tpe',
  label: 'Bayesian (TPE)',
  size: () => Infinity,
  // Proposals learn from finished trials. Optuna ignores running trials unless `constant_liar`,
  // which its docs recommend for parallel optimisation; without it concurrent proposals would
  // come from the same history and crowd one region, so TPE runs trials one at a time.
  parallel: (options) => options.constantLiar === true,
  sample: (space, trials, rng, direction, context) => {
    const o = { ...TPE_DEFAULTS, ...context };
    const finished = trials.filter((t) => t.state === 'complete' || t.state === 'pruned');
    if (finished.length < o.nStartupTrials || finished.length === 0) {
      return sampleRandomParams(space, rng);
    }
    const [good, bad] = splitTrials(finished, tpeGamma(finished.length), direction);
    if (o.constantLiar) bad.push(...trials.filter((t) => t.state === 'running'));
    bad.sort((a, b) => a.number - b.number);
    if (o.multivariate) return chooseBest(space, good, bad, rng, o.nEiCandidates, o.priorWeight);
    const params: Params = {};
    for (const p of space) {
      Object.assign(params, chooseBest([p], good, bad, rng, o.nEiCandidates, o.priorWeight));
    }
    return params;
  },
};
