/**
 * Exact null distribution of the two-sample two-sided KS statistic by lattice-path counting,
 * as in `scipy.stats.ks_2samp(method='exact')` (Hodges 1958; Viehmann 2021 for the stable
 * recursion). Ports of SciPy's `_compute_prob_outside_square` and the Pythran
 * `_compute_outer_prob_inside_method`.
 */

/**
 * P(D_{n,n} >= h/n) for equal sample sizes, by SciPy's Horner-like alternating sum
 * 2·(A0·(1 − A1·(1 − A2·(1 − ...)))) that avoids subtractive cancellation.
 * @param n the common sample size, > 0
 * @param h integer numerator of the statistic, 0 < h <= n
 * @returns the two-sided p-value
 * @example
 * probOutsideSquare(5, 3) // 0.35714285714285715
 */
export function probOutsideSquare(n: number, h: number): number {
  let P = 0;
  let k = Math.floor(n / h);
  while (k >= 0) {
    let p1 = 1;
    for (let j = 0; j < h; j++) p1 = ((n - k * h - j) * p1) / (n + k * h + j + 1);
    P = p1 * (1 - P);
    k -= 1;
  }
  return 2 * P;
}

/**
 * Proportion of lattice paths from (0,0) to (m,n) that leave the band |x/m − y/n| < h/lcm(m,n),
 * i.e. the exact two-sided p-value P(D_{m,n} >= h/lcm) for unequal sizes. Computes 1 − p
 * directly with Viehmann's recursion on a sliding window of one column, O(m · window).
 * @param m a sample size, > 0
 * @param n the other sample size, > 0
 * @param g gcd(m, n)
 * @param h integer numerator of the statistic on the lcm grid
 * @returns the two-sided p-value
 * @example
 * outerProbInsideMethod(4, 6, 2, 6) // 0.5523809523809524
 */
export function outerProbInsideMethod(m: number, n: number, g: number, h: number): number {
  if (m < n) [m, n] = [n, m];
  const mg = m / g;
  const ng = n / g;
  let minj = 0;
  let maxj = Math.min(Math.ceil(h / mg), n + 1);
  let curlen = maxj - minj;
  const lenA = Math.min(2 * maxj + 2, n + 1);
  const A = new Float64Array(lenA).fill(1);
  for (let j = minj; j < maxj; j++) A[j] = 0;
  for (let i = 1; i <= m; i++) {
    const lastminj = minj;
    const lastlen = curlen;
    minj = Math.max(Math.floor((ng * i - h) / mg) + 1, 0);
    minj = Math.min(minj, n);
    maxj = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
    if (maxj <= minj) return 1;
    let val = minj === 0 ? 0 : 1;
    for (let jj = 0; jj < maxj - minj; jj++) {
      const j = jj + minj;
      val = (A[jj + minj - lastminj]! * i + val * j) / (i + j);
      A[jj] = val;
    }
    curlen = maxj - minj;
    if (lastlen > curlen) A.fill(1, maxj - minj, maxj - minj + (lastlen - curlen));
  }
  return A[maxj - minj - 1]!;
}
