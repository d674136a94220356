/**
 * Per-arm summary of one metric (count, sum, mean, ddof-1 variance) by Welford's update, so a
 * prefix of the units (a look) can be summarised in one pass.
 */
import type { AbArmStats } from '../contracts/ab';

/**
 * Summarises values.
 * @param arm the arm's name
 * @param values the values (nulls skipped)
 * @returns n, sum, mean, variance (ddof 1; 0 below 2 values); mean is NaN with no values
 * @example
 * armStats('A', [1, 0, 1, 1]) // { arm: 'A', n: 4, sum: 3, mean: 0.75, variance: 0.25 }
 */
export function armStats(arm: string, values: Iterable<number | null>): AbArmStats {
  let n = 0;
  let mean = 0;
  let m2 = 0;
  let sum = 0;
  for (const v of values) {
    if (v === null || !Number.isFinite(v)) continue;
    n++;
    sum += v;
    const d = v - mean;
    mean += d / n;
    m2 += d * (v - mean);
  }
  return { arm, n, sum, mean: n > 0 ? mean : NaN, variance: n > 1 ? m2 / (n - 1) : 0 };
}
