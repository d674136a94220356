import { checkValues } from './check-inputs';

/**
 * Mean absolute error (scikit-learn `mean_absolute_error`).
 * @param yTrue true values
 * @param yPred predicted values
 * @returns mean of |yTrue − yPred|
 * @throws InvalidArgumentError for empty, unequal-length or non-finite inputs
 * @example
 * mae([3, -0.5, 2, 7], [2.5, 0, 2, 8]) // 0.5
 */
export function mae(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  checkValues(yTrue, yPred);
  let sum = 0;
  for (let i = 0; i < yTrue.length; i++) sum += Math.abs(yTrue[i]! - yPred[i]!);
  return sum / yTrue.length;
}
