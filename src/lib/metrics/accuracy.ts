import { checkClasses } from './check-inputs';

/**
 * Share of predictions equal to the true class (scikit-learn `accuracy_score`).
 * @param yTrue true class indices
 * @param yPred predicted class indices
 * @returns accuracy in [0, 1]
 * @throws InvalidArgumentError for empty or unequal-length inputs or non-integer classes
 * @example
 * accuracy([0, 1, 2, 2], [0, 2, 2, 2]) // 0.75
 */
export function accuracy(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  checkClasses(yTrue, yPred);
  let hits = 0;
  for (let i = 0; i < yTrue.length; i++) if (yTrue[i] === yPred[i]) hits++;
  return hits / yTrue.length;
}
