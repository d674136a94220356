/**
 * The predicted class of each row of a score matrix: the index of its largest score, the first
 * one on ties (numpy `argmax(P, axis=1)`). A vector of n positive-class scores (k = 1) is read
 * as a binary problem: class 1 when the score is above 0.5 (scikit-learn's convention for
 * `predict` from `predict_proba[:, 1]`, 0.5 itself going to class 0 as argmax of `[0.5, 0.5]`).
 * @param scores n × k scores, row-major
 * @param k number of columns (1 for positive-class scores)
 * @returns the predicted class index of each row
 * @throws never (callers check shapes)
 * @example
 * argmaxRows([0.2, 0.8, 0.5, 0.5], 2) // Int32Array [1, 0]
 */
export function argmaxRows(scores: ArrayLike<number>, k: number): Int32Array {
  const n = scores.length / k;
  const out = new Int32Array(n);
  if (k === 1) {
    for (let i = 0; i < n; i++) out[i] = scores[i]! > 0.5 ? 1 : 0;
    return out;
  }
  for (let i = 0; i < n; i++) {
    const row = i * k;
    let best = 0;
    let max = scores[row]!;
    for (let c = 1; c < k; c++) {
      const v = scores[row + c]!;
      if (v > max) {
        max = v;
        best = c;
      }
    }
    out[i] = best;
  }
  return out;
}
