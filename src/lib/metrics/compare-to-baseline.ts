import type { Evaluation, Task } from '../contracts/entities';
import { InvalidArgumentError } from '../contracts/errors';
import { finiteOrNull } from './bootstrap-metrics';
import { metricsForTask } from './metric-registry';
import { percentileInterval } from './resample';

/** One metric of a model next to the baseline's. */
export interface MetricComparison {
  id: string;
  label: string;
  greaterIsBetter: boolean;
  model: number | null;
  baseline: number | null;
  /** model − baseline (null when either is undefined). */
  difference: number | null;
  /** Paired percentile-bootstrap interval of the difference; null when not paired. */
  low: number | null;
  high: number | null;
  /** Paired resamples left out because the metric was undefined for either model. */
  skipped: number;
  /**
   * From the paired interval: `better`/`worse` when it excludes 0 (in the metric's direction),
   * `inconclusive` when it contains 0; null without a paired interval.
   */
  verdict: 'better' | 'worse' | 'inconclusive' | null;
}

/** A model's evaluation against a baseline's, metric by metric. */
export interface BaselineComparison {
  task: Task;
  /** Whether the intervals are paired (both evaluations used identical resamples). */
  paired: boolean;
  level: number;
  metrics: MetricComparison[];
}

/**
 * Compares a model's evaluation with a baseline's (e.g. the majority-class or mean predictor)
 * metric by metric, in registry order. The difference is model − baseline. When both
 * evaluations kept their bootstrap replicates and have the same fingerprint (same rows, same
 * seed and iterations, hence identical resamples), the interval of the difference is the paired
 * percentile bootstrap: the level-quantiles of `model_b − baseline_b` over resamples b where
 * both are defined. Pairing removes the variation the two models share (which rows were drawn),
 * so the interval is much narrower than comparing two separate intervals. Otherwise only point
 * differences are given.
 * @param model the model's evaluation
 * @param baseline the baseline's evaluation on the same rows
 * @returns per-metric differences, paired intervals and verdicts
 * @throws InvalidArgumentError when the tasks, row counts or labels differ
 * @example
 * const opts = () => ({ rng: createRng(7) });
 * compareToBaseline(evaluateClassifier(y, p, labels, opts()),
 *   evaluateClassifier(y, majority, labels, opts())).metrics[0]
 * // { id: 'accuracy', model: 0.86, baseline: 0.61, difference: 0.25, low: 0.21, high: 0.29,
 * //   verdict: 'better', ... }
 */
export function compareToBaseline(model: Evaluation, baseline: Evaluation): BaselineComparison {
  if (model.task !== baseline.task) {
    throw new InvalidArgumentError('baseline.task', baseline.task, `must be ${model.task}`);
  }
  if (model.n !== baseline.n) {
    throw new InvalidArgumentError('baseline.n', baseline.n, `must be ${model.n} (same rows)`);
  }
  if (
    model.task !== 'regression' &&
    baseline.task !== 'regression' &&
    model.labels.join('\u0000') !== baseline.labels.join('\u0000')
  ) {
    throw new InvalidArgumentError(
      'baseline.labels',
      baseline.labels,
      'must equal the model labels',
    );
  }
  const mb = model.bootstrap;
  const bb = baseline.bootstrap;
  const paired =
    mb.replicates !== undefined &&
    bb.replicates !== undefined &&
    mb.fingerprint === bb.fingerprint &&
    mb.iterations === bb.iterations;
  const level = mb.level;
  const metrics: MetricComparison[] = [];
  for (const d of metricsForTask(model.task)) {
    const m = model.metrics[d.id];
    const b = baseline.metrics[d.id];
    if (!m || !b) continue;
    const difference = m.estimate !== null && b.estimate !== null ? m.estimate - b.estimate : null;
    let low: number | null = null;
    let high: number | null = null;
    let skipped = 0;
    const mr = mb.replicates?.[d.id];
    const br = bb.replicates?.[d.id];
    if (paired && mr && br) {
      const diffs = new Float64Array(mr.length);
      for (let i = 0; i < mr.length; i++) {
        const x = mr[i];
        const y = br[i];
        diffs[i] = x === null || x === undefined || y === null || y === undefined ? NaN : x - y;
      }
      const ci = percentileInterval(diffs, level);
      low = finiteOrNull(ci.low);
      high = finiteOrNull(ci.high);
      skipped = ci.skipped;
    }
    let verdict: MetricComparison['verdict'] = null;
    if (low !== null && high !== null) {
      const sign = d.greaterIsBetter ? 1 : -1;
      if (low > 0 || high < 0) verdict = sign * (low > 0 ? 1 : -1) > 0 ? 'better' : 'worse';
      else verdict = 'inconclusive';
    }
    metrics.push({
      id: d.id,
      label: d.label,
      greaterIsBetter: d.greaterIsBetter,
      model: m.estimate,
      baseline: b.estimate,
      difference,
      low,
      high,
      skipped,
      verdict,
    });
  }
  return { task: model.task, paired, level, metrics };
}
