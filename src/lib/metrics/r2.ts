import { checkValues, checkWeights } from './check-inputs';
import { defineMetric, REGRESSION_TASKS } from './metric-descriptor';

function weightedR2(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  sampleWeight?: ArrayLike<number>,
): number {
  const n = yTrue.length;
  const weight = (i: number): number => (sampleWeight === undefined ? 1 : sampleWeight[i]!);
  let mean = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    mean += weight(i) * yTrue[i]!;
    total += weight(i);
  }
  mean /= total;
  let ssRes = 0;
  let ssTot = 0;
  for (let i = 0; i < n; i++) {
    const w = weight(i);
    if (w === 0) continue;
    ssRes += w * (yTrue[i]! - yPred[i]!) ** 2;
    ssTot += w * (yTrue[i]! - mean) ** 2;
  }
  if (ssTot === 0) return ssRes === 0 ? 1 : 0;
  return 1 - ssRes / ssTot;
}

/**
 * Coefficient of determination (scikit-learn `r2_score`, `force_finite=True`, with optional
 * `sample_weight`): 1 − SS_res / SS_tot around the (weighted) mean. When yTrue is constant
 * (SS_tot = 0) the score is 1 for a perfect prediction and 0 otherwise, instead of NaN or −∞.
 * @param yTrue true values
 * @param yPred predicted values
 * @param sampleWeight optional per-row weights (≥ 0)
 * @returns R², at most 1 (can be negative)
 * @throws InvalidArgumentError for empty, unequal-length or non-finite inputs or bad weights
 * @example
 * r2([3, -0.5, 2, 7], [2.5, 0, 2, 8]) // 0.9486
 */
export function r2(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  sampleWeight?: ArrayLike<number>,
): number {
  checkValues(yTrue, yPred);
  checkWeights(sampleWeight, yTrue.length);
  return weightedR2(yTrue, yPred, sampleWeight);
}

/**
 * Descriptor of {@link r2} (id `r2`, higher is better).
 * @example
 * r2Metric.compute([1, 2, 3], [1, 2, 3]) // 1
 */
export const r2Metric = defineMetric({
  id: 'r2',
  label: 'R²',
  tasks: REGRESSION_TASKS,
  greaterIsBetter: true,
  prepare: (yTrue, yPred) => {
    checkValues(yTrue, yPred);
    return (w) => weightedR2(yTrue, yPred, w);
  },
});
