import { precisionRecallF1 } from './precision-recall-f1';

/**
 * Unweighted mean of per-class F1 (scikit-learn `f1_score(y_true, y_pred,
 * labels=range(nClasses), average='macro', zero_division=0)`).
 * @param yTrue true class indices
 * @param yPred predicted class indices
 * @param nClasses number of classes
 * @returns macro F1 in [0, 1]
 * @throws InvalidArgumentError for empty or unequal-length inputs or classes outside 0..n-1
 * @example
 * macroF1([0, 0, 1, 1], [0, 1, 1, 1], 2) // 0.7333
 */
export function macroF1(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  nClasses: number,
): number {
  return precisionRecallF1(yTrue, yPred, nClasses).macro.f1;
}
