/**
 * Confusion counts as a flat row-major `k × k` array, optionally weighted: entry `t·k + p` sums
 * the weights of rows with true class t predicted as p (scikit-learn `confusion_matrix(...,
 * sample_weight=w)`). No checks: the hot path of the bootstrap, called after the inputs were
 * validated once.
 * @param yTrue true class indices in 0..k−1
 * @param yPred predicted class indices in 0..k−1
 * @param k number of classes
 * @param sampleWeight per-row weights, or undefined for counts
 * @returns the flat matrix
 * @throws never
 * @example
 * weightedConfusion([0, 1, 1], [0, 0, 1], 2) // Float64Array [1, 0, 1, 1]
 */
export function weightedConfusion(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  k: number,
  sampleWeight?: ArrayLike<number>,
): Float64Array {
  const m = new Float64Array(k * k);
  const n = yTrue.length;
  if (sampleWeight === undefined) {
    for (let i = 0; i < n; i++) m[yTrue[i]! * k + yPred[i]!]! += 1;
  } else {
    for (let i = 0; i < n; i++) m[yTrue[i]! * k + yPred[i]!]! += sampleWeight[i]!;
  }
  return m;
}
