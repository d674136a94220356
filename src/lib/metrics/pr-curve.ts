import type { PrCurve } from '../contracts/entities';
import { binaryClfCurve } from './binary-clf-curve';

/**
 * Precision-recall curve of a binary problem, as scikit-learn 1.2.1
 * `precision_recall_curve(y_true, scores, sample_weight=w)`: one point per distinct score,
 * ordered by increasing threshold (recall decreasing), then a last point (recall 0,
 * precision 1) without a threshold. Precision at a threshold with nothing predicted positive is
 * 0; with no positive rows, recall is 1 everywhere (scikit-learn warns and does the same).
 * For a multiclass model, call it per class with `yTrue == c` and column c.
 * @param yTrue 1 (positive) or 0 (negative) per row
 * @param scores one score per row
 * @param sampleWeight optional per-row weights (≥ 0)
 * @returns precision and recall (one longer than thresholds), thresholds increasing
 * @throws InvalidArgumentError for empty or unequal-length inputs, labels other than 0/1,
 *   non-finite scores or bad weights
 * @example
 * prCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
 * // { precision: [0.5, 0.6667, 0.5, 1, 1], recall: [1, 1, 0.5, 0.5, 0],
 * //   thresholds: [0.1, 0.35, 0.4, 0.8] }
 */
export function prCurve(
  yTrue: ArrayLike<number>,
  scores: ArrayLike<number>,
  sampleWeight?: ArrayLike<number>,
): PrCurve {
  const { fps, tps, thresholds } = binaryClfCurve(yTrue, scores, sampleWeight);
  const lastTp = tps[tps.length - 1]!;
  const precision = tps.map((tp, j) => (tp + fps[j]! !== 0 ? tp / (tp + fps[j]!) : 0));
  const recall = tps.map((tp) => (lastTp === 0 ? 1 : tp / lastTp));
  return {
    precision: [...precision.reverse(), 1],
    recall: [...recall.reverse(), 0],
    thresholds: thresholds.reverse(),
  };
}
