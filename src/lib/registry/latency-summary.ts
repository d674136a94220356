/**
 * Latency percentiles of served predictions, with NumPy's default (linear) method:
 * `numpy.percentile(samples, [50, 95, 99])`, i.e. the value at the virtual index `(n − 1)·p`
 * interpolated linearly between its two neighbouring order statistics (Hyndman & Fan type 7).
 * Linear rather than nearest-rank so the figures agree with the dataset profile's quantiles
 * (src/lib/data/profile.ts, the same routine) and with a notebook's `np.percentile`.
 */
import { InvalidArgumentError } from '../contracts/errors';
import { quantilesLinear } from '../data/profile';

/** p50/p95/p99 in the samples' unit (ms); null when there are no samples. */
export interface LatencySummary {
  p50: number | null;
  p95: number | null;
  p99: number | null;
  n: number;
}

/**
 * Summarises latencies by their 50th, 95th and 99th percentiles (NumPy linear method).
 * @param samples latencies, e.g. in ms; finite and ≥ 0
 * @returns the percentiles and the sample count; nulls for no samples
 * @throws InvalidArgumentError naming the first sample that is NaN, infinite or negative
 * @example
 * latencySummary([1, 2, 3, 4, 10])
 * // { p50: 3, p95: 8.799999999999999, p99: 9.76, n: 5 }  (= numpy.percentile(x, [50, 95, 99]))
 */
export function latencySummary(samples: readonly number[]): LatencySummary {
  const n = samples.length;
  if (n === 0) return { p50: null, p95: null, p99: null, n: 0 };
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = samples[i]!;
    if (!(Number.isFinite(x) && x >= 0)) {
      throw new InvalidArgumentError(`samples[${i}]`, x, 'a latency must be a finite number ≥ 0');
    }
    values[i] = x;
  }
  const [p50, p95, p99] = quantilesLinear(values, [0.5, 0.95, 0.99]) as [number, number, number];
  return { p50, p95, p99, n };
}
