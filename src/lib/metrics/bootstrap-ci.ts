import { InvalidArgumentError } from '../contracts/errors';
import {
  bootstrapSettings,
  drawResample,
  percentileInterval,
  type BootstrapOptions,
} from './resample';

/** A metric's value on all rows and its bootstrap interval. */
export interface BootstrapCi {
  estimate: number;
  /** Lower bound; NaN when every resample was skipped. */
  low: number;
  /** Upper bound; NaN when every resample was skipped. */
  high: number;
  iterations: number;
  /** Resamples on which the metric was not finite (e.g. one class left for ROC AUC). */
  skipped: number;
}

type Column = Int32Array | Float32Array | Float64Array;

function buffer(like: ArrayLike<number>, length: number): Column {
  if (like instanceof Int32Array) return new Int32Array(length);
  if (like instanceof Float32Array) return new Float32Array(length);
  return new Float64Array(length);
}

/**
 * Percentile bootstrap confidence interval of any metric `(yTrue, pred) → number`. Each of
 * `iterations` resamples draws n rows with replacement (seeded, {@link drawResample}), copies
 * them into preallocated typed arrays (same element type as the inputs; `pred` may hold several
 * values per row, e.g. n × k probabilities, and rows are copied whole) and evaluates the metric;
 * the interval is the ((1 − level)/2, (1 + level)/2) percentiles of the values (Efron &
 * Tibshirani 1993, §13.3). A resample on which the metric is NaN or infinite (undefined, e.g.
 * ROC AUC with one class) is skipped and counted; the metric should return NaN rather than throw
 * in that case. The percentile interval is not guaranteed to contain the estimate for very
 * skewed metrics or tiny n. For the built-in metrics, `bootstrapMetrics` computes the same
 * intervals from the same resamples faster (row weights instead of copies).
 * @param metricFn the metric; receives the resampled arrays (reused between calls: do not keep)
 * @param yTrue true values or class indices, one per row
 * @param predOrScores predictions, n values or n × k row-major values
 * @param options seeded rng, iterations (default 1,000), level (default 0.95)
 * @returns the estimate on all rows, the interval and the number of skipped resamples
 * @throws InvalidArgumentError for empty input, a pred length that is not a multiple of n, or
 *   bad options; whatever metricFn throws
 * @example
 * bootstrapCi(accuracy, yTrue, yPred, { rng: createRng(7) })
 * // { estimate: 0.82, low: 0.79, high: 0.85, iterations: 1000, skipped: 0 }
 */
export function bootstrapCi(
  metricFn: (yTrue: ArrayLike<number>, pred: ArrayLike<number>) => number,
  yTrue: ArrayLike<number>,
  predOrScores: ArrayLike<number>,
  options: BootstrapOptions,
): BootstrapCi {
  const { iterations, level } = bootstrapSettings(options);
  const n = yTrue.length;
  if (n === 0) throw new InvalidArgumentError('yTrue', [], 'needs at least one value');
  const width = predOrScores.length / n;
  if (!Number.isInteger(width) || width < 1) {
    throw new InvalidArgumentError(
      'predOrScores.length',
      predOrScores.length,
      `must be a multiple of yTrue.length (${n})`,
    );
  }
  const estimate = metricFn(yTrue, predOrScores);
  const idx = new Int32Array(n);
  const y = buffer(yTrue, n);
  const p = buffer(predOrScores, n * width);
  const values = new Float64Array(iterations);
  for (let b = 0; b < iterations; b++) {
    drawResample(n, options.rng, idx);
    for (let j = 0; j < n; j++) y[j] = yTrue[idx[j]!]!;
    if (width === 1) for (let j = 0; j < n; j++) p[j] = predOrScores[idx[j]!]!;
    else {
      for (let j = 0; j < n; j++) {
        const i = idx[j]!;
        for (let c = 0; c < width; c++) p[j * width + c] = predOrScores[i * width + c]!;
      }
    }
    values[b] = metricFn(y, p);
  }
  const { low, high, skipped } = percentileInterval(values, level);
  return { estimate, low, high, iterations, skipped };
}
