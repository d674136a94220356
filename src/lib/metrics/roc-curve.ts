import type { RocCurve } from '../contracts/entities';
import { binaryClfCurve } from './binary-clf-curve';

/**
 * ROC curve of a binary problem, as scikit-learn 1.2.1 `roc_curve(y_true, scores,
 * sample_weight=w, drop_intermediate=True)`: one point per distinct score, minus points collinear
 * with their neighbours (they change neither the plot nor the area), plus a first point (0, 0)
 * at threshold `max score + 1` (scikit-learn ≥ 1.3 uses +∞ there; a finite value keeps the curve
 * JSON-safe). With no negatives fpr is all NaN, with no positives tpr is (scikit-learn warns).
 * For a multiclass model, call it per class with `yTrue == c` and column c.
 * @param yTrue 1 (positive) or 0 (negative) per row
 * @param scores one score per row
 * @param sampleWeight optional per-row weights (≥ 0)
 * @returns fpr and tpr increasing, thresholds decreasing
 * @throws InvalidArgumentError for empty or unequal-length inputs, labels other than 0/1,
 *   non-finite scores or bad weights
 * @example
 * rocCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
 * // { fpr: [0, 0, 0.5, 0.5, 1], tpr: [0, 0.5, 0.5, 1, 1],
 * //   thresholds: [1.8, 0.8, 0.4, 0.35, 0.1] }
 */
export function rocCurve(
  yTrue: ArrayLike<number>,
  scores: ArrayLike<number>,
  sampleWeight?: ArrayLike<number>,
): RocCurve {
  let { fps, tps, thresholds } = binaryClfCurve(yTrue, scores, sampleWeight);
  if (fps.length > 2) {
    // np.diff(x, 2) != 0 evaluated the way numpy does: (x[j+2] − x[j+1]) − (x[j+1] − x[j]).
    const keep = [0];
    for (let j = 1; j < fps.length - 1; j++) {
      const d2 = (a: number[]): number => a[j + 1]! - a[j]! - (a[j]! - a[j - 1]!);
      if (d2(fps) !== 0 || d2(tps) !== 0) keep.push(j);
    }
    keep.push(fps.length - 1);
    fps = keep.map((j) => fps[j]!);
    tps = keep.map((j) => tps[j]!);
    thresholds = keep.map((j) => thresholds[j]!);
  }
  const lastFp = fps[fps.length - 1]!;
  const lastTp = tps[tps.length - 1]!;
  return {
    fpr: [0, ...fps].map((v) => (lastFp > 0 ? v / lastFp : NaN)),
    tpr: [0, ...tps].map((v) => (lastTp > 0 ? v / lastTp : NaN)),
    thresholds: [thresholds[0]! + 1, ...thresholds],
  };
}
