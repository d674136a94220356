import { checkClasses } from './check-inputs';

/**
 * Confusion matrix: `m[i][j]` counts rows of true class i predicted as class j (scikit-learn
 * `confusion_matrix(y_true, y_pred, labels=range(nClasses))`).
 * @param yTrue true class indices
 * @param yPred predicted class indices
 * @param nClasses number of classes
 * @returns an nClasses × nClasses matrix of counts
 * @throws InvalidArgumentError for empty or unequal-length inputs or classes outside 0..n-1
 * @example
 * confusionMatrix([0, 1, 1], [0, 0, 1], 2) // [[1, 0], [1, 1]]
 */
export function confusionMatrix(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  nClasses: number,
): number[][] {
  checkClasses(yTrue, yPred, nClasses);
  const m = Array.from({ length: nClasses }, () => new Array<number>(nClasses).fill(0));
  for (let i = 0; i < yTrue.length; i++) m[yTrue[i]!]![yPred[i]!]!++;
  return m;
}
