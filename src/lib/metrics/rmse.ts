import { checkValues } from './check-inputs';

/**
 * Root mean squared error (scikit-learn `mean_squared_error(..., squared=False)`).
 * @param yTrue true values
 * @param yPred predicted values
 * @returns sqrt of the mean of (yTrue − yPred)²
 * @throws InvalidArgumentError for empty, unequal-length or non-finite inputs
 * @example
 * rmse([3, -0.5, 2, 7], [2.5, 0, 2, 8]) // 0.6124
 */
export function rmse(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  checkValues(yTrue, yPred);
  let sum = 0;
  for (let i = 0; i < yTrue.length; i++) sum += (yTrue[i]! - yPred[i]!) ** 2;
  return Math.sqrt(sum / yTrue.length);
}
