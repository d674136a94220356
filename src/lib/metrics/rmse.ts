import { checkValues, checkWeights } from './check-inputs';
import { defineMetric, REGRESSION_TASKS, weightedMean } from './metric-descriptor';

function squaredErrors(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): Float64Array {
  const out = new Float64Array(yTrue.length);
  for (let i = 0; i < yTrue.length; i++) out[i] = (yTrue[i]! - yPred[i]!) ** 2;
  return out;
}

/**
 * Root mean squared error (scikit-learn `mean_squared_error(..., squared=False)`, with optional
 * `sample_weight`).
 * @param yTrue true values
 * @param yPred predicted values
 * @param sampleWeight optional per-row weights (≥ 0)
 * @returns sqrt of the mean of (yTrue − yPred)²
 * @throws InvalidArgumentError for empty, unequal-length or non-finite inputs or bad weights
 * @example
 * rmse([3, -0.5, 2, 7], [2.5, 0, 2, 8]) // 0.6124
 */
export function rmse(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  sampleWeight?: ArrayLike<number>,
): number {
  checkValues(yTrue, yPred);
  checkWeights(sampleWeight, yTrue.length);
  return Math.sqrt(weightedMean(squaredErrors(yTrue, yPred), sampleWeight));
}

/**
 * Descriptor of {@link rmse} (id `rmse`, lower is better).
 * @example
 * rmseMetric.compute([1, 2], [3, 2]) // 1.4142
 */
export const rmseMetric = defineMetric({
  id: 'rmse',
  label: 'RMSE',
  tasks: REGRESSION_TASKS,
  greaterIsBetter: false,
  prepare: (yTrue, yPred) => {
    checkValues(yTrue, yPred);
    const errors = squaredErrors(yTrue, yPred);
    return (w) => Math.sqrt(weightedMean(errors, w));
  },
});
