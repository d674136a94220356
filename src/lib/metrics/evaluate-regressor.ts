import type { RegressionEvaluation } from '../contracts/entities';
import { bootstrapMetrics, type BootstrapMetricsOptions } from './bootstrap-metrics';
import { checkValues } from './check-inputs';
import { metricsForTask } from './metric-registry';
import { residualSummary } from './residuals';

/** Options of {@link evaluateRegressor}. */
export interface EvaluateRegressorOptions extends BootstrapMetricsOptions {
  /** Most points in the residual plot (default 2,000; see residualSummary). */
  maxResidualPoints?: number;
}

/**
 * Full held-out evaluation of a regressor: every registered regression metric (MAE, RMSE, R²)
 * with a seeded percentile bootstrap interval over the same resamples, and the residual plot
 * summary. Evaluate a baseline on the same rows with a generator from the same seed to compare
 * pairwise ({@link compareToBaseline}).
 * @param yTrue true values
 * @param yPred predicted values
 * @param options seeded rng, iterations (default 1,000), level (default 0.95), keepReplicates
 *   (default true), maxResidualPoints (default 2,000)
 * @returns a {@link RegressionEvaluation} (plain data)
 * @throws InvalidArgumentError for empty, unequal-length or non-finite inputs or bad options
 * @example
 * evaluateRegressor(yTrue, yPred, { rng: createRng(42) }).metrics.mae
 * // { estimate: 3.1, low: 2.8, high: 3.5 }
 */
export function evaluateRegressor(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  options: EvaluateRegressorOptions,
): RegressionEvaluation {
  checkValues(yTrue, yPred);
  const prepared = metricsForTask('regression').map((d) => ({
    id: d.id,
    fn: d.prepare(yTrue, yPred),
  }));
  const { intervals, bootstrap } = bootstrapMetrics(prepared, yTrue, options);
  return {
    task: 'regression',
    n: yTrue.length,
    metrics: intervals,
    residuals: residualSummary(yTrue, yPred, options.maxResidualPoints ?? 2000),
    bootstrap,
  };
}
