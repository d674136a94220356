/**
 * Mean and population standard deviation (ddof 0), two-pass as NumPy's `np.std`.
 */

/**
 * Mean and standard deviation with ddof 0 (`np.mean(x)`, `np.std(x)`).
 * @param x a non-empty array
 * @returns `{ mean, std }`
 * @example
 * meanStd([1, 2, 3, 4]) // { mean: 2.5, std: 1.118033988749895 }
 */
export function meanStd(x: ArrayLike<number>): { mean: number; std: number } {
  const n = x.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i]!;
  const mean = s / n;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i]! - mean;
    ss += d * d;
  }
  return { mean, std: Math.sqrt(ss / n) };
}

/**
 * Mean and unbiased variance (ddof 1), as used by Welch's t-test.
 * @param x an array with at least two values
 * @returns `{ mean, variance, n }`
 * @example
 * meanVariance([1, 2, 3, 4]) // { mean: 2.5, variance: 1.6666666666666667, n: 4 }
 */
export function meanVariance(x: ArrayLike<number>): { mean: number; variance: number; n: number } {
  const n = x.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i]!;
  const mean = s / n;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i]! - mean;
    ss += d * d;
  }
  return { mean, variance: ss / (n - 1), n };
}
