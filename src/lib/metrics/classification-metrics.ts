import type { ClassificationMetrics } from '../contracts/entities';
import { InvalidArgumentError } from '../contracts/errors';
import { accuracy } from './accuracy';
import { confusionMatrix } from './confusion-matrix';
import { macroF1 } from './macro-f1';

/**
 * The classification metrics stored on a run: accuracy, macro F1 (zero_division=0) and the
 * confusion matrix over `labels` (class i = labels[i]), as scikit-learn computes them with
 * `labels=range(len(labels))`.
 * @param yTrue true class indices into `labels`
 * @param yPred predicted class indices into `labels`
 * @param labels class names; 2 → `binary`, more → `multiclass`
 * @returns a {@link ClassificationMetrics} record
 * @throws InvalidArgumentError for fewer than 2 labels, empty or unequal-length inputs, or class
 *   indices outside the labels
 * @example
 * classificationMetrics(Int32Array.of(0, 1, 1), Int32Array.of(0, 0, 1), ['no', 'yes'])
 * // { task: 'binary', accuracy: 0.6667, macroF1: 0.6667, labels: ['no', 'yes'],
 * //   confusion: [[1, 0], [1, 1]], n: 3 }
 */
export function classificationMetrics(
  yTrue: Int32Array,
  yPred: Int32Array,
  labels: readonly string[],
): ClassificationMetrics {
  if (labels.length < 2) {
    throw new InvalidArgumentError('labels', labels, 'classification needs at least 2 labels');
  }
  const n = labels.length;
  const confusion = confusionMatrix(yTrue, yPred, n);
  return {
    task: n === 2 ? 'binary' : 'multiclass',
    accuracy: accuracy(yTrue, yPred),
    macroF1: macroF1(yTrue, yPred, n),
    labels: [...labels],
    confusion,
    n: yTrue.length,
  };
}
