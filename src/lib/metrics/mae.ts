import { checkValues, checkWeights } from './check-inputs';
import { defineMetric, REGRESSION_TASKS, weightedMean } from './metric-descriptor';

function absErrors(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): Float64Array {
  const out = new Float64Array(yTrue.length);
  for (let i = 0; i < yTrue.length; i++) out[i] = Math.abs(yTrue[i]! - yPred[i]!);
  return out;
}

/**
 * Mean absolute error (scikit-learn `mean_absolute_error`, with optional `sample_weight`).
 * @param yTrue true values
 * @param yPred predicted values
 * @param sampleWeight optional per-row weights (≥ 0)
 * @returns mean of |yTrue − yPred|
 * @throws InvalidArgumentError for empty, unequal-length or non-finite inputs or bad weights
 * @example
 * mae([3, -0.5, 2, 7], [2.5, 0, 2, 8]) // 0.5
 */
export function mae(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  sampleWeight?: ArrayLike<number>,
): number {
  checkValues(yTrue, yPred);
  checkWeights(sampleWeight, yTrue.length);
  return weightedMean(absErrors(yTrue, yPred), sampleWeight);
}

/**
 * Descriptor of {@link mae} (id `mae`, lower is better).
 * @example
 * maeMetric.compute([1, 2], [2, 2]) // 0.5
 */
export const maeMetric = defineMetric({
  id: 'mae',
  label: 'MAE',
  tasks: REGRESSION_TASKS,
  greaterIsBetter: false,
  prepare: (yTrue, yPred) => {
    checkValues(yTrue, yPred);
    const errors = absErrors(yTrue, yPred);
    return (w) => weightedMean(errors, w);
  },
});
