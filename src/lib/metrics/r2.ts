import { checkValues } from './check-inputs';

/**
 * Coefficient of determination (scikit-learn `r2_score`, `force_finite=True`): 1 − SS_res /
 * SS_tot. When yTrue is constant (SS_tot = 0) the score is 1 for a perfect prediction and 0
 * otherwise, instead of NaN or −∞.
 * @param yTrue true values
 * @param yPred predicted values
 * @returns R², at most 1 (can be negative)
 * @throws InvalidArgumentError for empty, unequal-length or non-finite inputs
 * @example
 * r2([3, -0.5, 2, 7], [2.5, 0, 2, 8]) // 0.9486
 */
export function r2(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  checkValues(yTrue, yPred);
  const n = yTrue.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += yTrue[i]!;
  mean /= n;
  let ssRes = 0;
  let ssTot = 0;
  for (let i = 0; i < n; i++) {
    ssRes += (yTrue[i]! - yPred[i]!) ** 2;
    ssTot += (yTrue[i]! - mean) ** 2;
  }
  if (ssTot === 0) return ssRes === 0 ? 1 : 0;
  return 1 - ssRes / ssTot;
}
