import type { RegressionMetrics } from '../contracts/entities';
import { mae } from './mae';
import { r2 } from './r2';
import { rmse } from './rmse';

/**
 * The regression metrics stored on a run: MAE, RMSE and R² (scikit-learn definitions).
 * @param yTrue true values
 * @param yPred predicted values
 * @returns a {@link RegressionMetrics} record
 * @throws InvalidArgumentError for empty, unequal-length or non-finite inputs
 * @example
 * regressionMetrics([3, -0.5, 2, 7], [2.5, 0, 2, 8])
 * // { task: 'regression', mae: 0.5, rmse: 0.6124, r2: 0.9486, n: 4 }
 */
export function regressionMetrics(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
): RegressionMetrics {
  return {
    task: 'regression',
    mae: mae(yTrue, yPred),
    rmse: rmse(yTrue, yPred),
    r2: r2(yTrue, yPred),
    n: yTrue.length,
  };
}
