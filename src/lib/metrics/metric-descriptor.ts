import type { Task } from '../contracts/entities';

/**
 * A metric bound to one data set, as a function of per-row weights. Called with no weights it is
 * the metric on all rows; called with the counts of a bootstrap resample (row i drawn `w[i]`
 * times) it is the metric on that resample, without copying rows. Returns NaN when the metric is
 * undefined on the (re)sample, e.g. ROC AUC when only one class is present.
 */
export type WeightedMetric = (sampleWeight?: ArrayLike<number>) => number;

/**
 * A metric as the UI, promotion gates, slices and the bootstrap see it. Classification metrics
 * take `(yTrue, probs)` with `probs` the n × k class probabilities (row-major); regression
 * metrics take `(yTrue, yPred)`.
 */
export interface MetricDescriptor {
  /** Stable id, also the key in stored evaluations (`accuracy`, `rocAuc`, `mae`, ...). */
  readonly id: string;
  /** Human-readable name for tables and charts. */
  readonly label: string;
  /** Tasks the metric applies to. */
  readonly tasks: readonly Task[];
  /** Whether a larger value is better (false for losses and errors). */
  readonly greaterIsBetter: boolean;
  /** The metric on all rows; NaN when undefined on this sample. */
  compute(yTrue: ArrayLike<number>, pred: ArrayLike<number>): number;
  /**
   * Checks the inputs and precomputes everything that does not depend on row weights (argmax,
   * sort orders, per-row losses), so each bootstrap resample costs one pass over the rows.
   */
  prepare(yTrue: ArrayLike<number>, pred: ArrayLike<number>): WeightedMetric;
}

/** What a metric module declares; {@link defineMetric} derives `compute` from `prepare`. */
export type MetricSpec = Omit<MetricDescriptor, 'compute'>;

/**
 * Task list of the classification descriptors.
 * @example
 * accuracyMetric.tasks === CLASSIFICATION_TASKS // true
 */
export const CLASSIFICATION_TASKS: readonly Task[] = ['binary', 'multiclass'];
/**
 * Task list of the regression descriptors.
 * @example
 * maeMetric.tasks === REGRESSION_TASKS // true
 */
export const REGRESSION_TASKS: readonly Task[] = ['regression'];

/**
 * Builds a {@link MetricDescriptor} whose `compute(y, p)` is `prepare(y, p)()`, so the value on
 * all rows and the value on a resample come from the same code.
 * @param spec id, label, tasks, direction and `prepare`
 * @returns the frozen descriptor
 * @throws never
 * @example
 * const m = defineMetric({ id: 'hits', label: 'Hits', tasks: ['binary'], greaterIsBetter: true,
 *   prepare: (y, p) => () => y.length });
 * m.compute([0, 1], [0.3, 0.7, 0.6, 0.4]) // 2
 */
export function defineMetric(spec: MetricSpec): MetricDescriptor {
  return Object.freeze({
    ...spec,
    compute: (yTrue: ArrayLike<number>, pred: ArrayLike<number>) => spec.prepare(yTrue, pred)(),
  });
}

/**
 * Weighted mean of per-row values: `Σ w·x / Σ w` (numpy `average(x, weights=w)`), or the plain
 * mean without weights.
 * @param values per-row values
 * @param sampleWeight per-row weights, or undefined for all ones
 * @returns the (weighted) mean; NaN for a zero total weight
 * @throws never
 * @example
 * weightedMean(Float64Array.of(1, 3), [3, 1]) // 1.5
 */
export function weightedMean(values: ArrayLike<number>, sampleWeight?: ArrayLike<number>): number {
  const n = values.length;
  let sum = 0;
  if (sampleWeight === undefined) {
    for (let i = 0; i < n; i++) sum += values[i]!;
    return sum / n;
  }
  let total = 0;
  for (let i = 0; i < n; i++) {
    const w = sampleWeight[i]!;
    sum += w * values[i]!;
    total += w;
  }
  return total > 0 ? sum / total : NaN;
}
