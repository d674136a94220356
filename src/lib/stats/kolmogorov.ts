/**
 * The limiting Kolmogorov distribution (SciPy `kstwobign`, `scipy.special.kolmogorov`): the
 * asymptotic distribution of sqrt(n)·D_n. Port of the two series in SciPy's cephes
 * `kolmogorov.c` (van Mulbregt 2018), switching at x = 0.82.
 */
import { InvalidArgumentError } from '../contracts/errors';

const CUTOVER = 0.82;
// exp() of anything below -708-38 is 0 in doubles; below this x the CDF underflows.
const X_MIN = Math.PI / Math.sqrt((708 + 38) * 8);

/**
 * Survival function of the Kolmogorov distribution, `scipy.special.kolmogorov(x)` =
 * `scipy.stats.kstwobign.sf(x)` = 2 Σ_{k>=1} (-1)^(k-1) e^(-2k²x²).
 * @param x the point
 * @returns P(K > x)
 * @throws {InvalidArgumentError} when x is NaN
 * @example
 * kolmogorovSf(1.0) // 0.26999967167735456
 */
export function kolmogorovSf(x: number): number {
  return kolmogorovBoth(x).sf;
}

/**
 * CDF of the Kolmogorov distribution, `scipy.special.kolmogc(x)` = `kstwobign.cdf(x)`.
 * @param x the point
 * @returns P(K <= x)
 * @throws {InvalidArgumentError} when x is NaN
 * @example
 * kolmogorovCdf(1.0) // 0.7300003283226455
 */
export function kolmogorovCdf(x: number): number {
  return kolmogorovBoth(x).cdf;
}

function kolmogorovBoth(x: number): { sf: number; cdf: number } {
  if (Number.isNaN(x)) throw new InvalidArgumentError('x', x, 'must be a number');
  if (x <= X_MIN) return { sf: 1, cdf: 0 };
  let sf: number;
  let cdf: number;
  if (x <= CUTOVER) {
    // Small x: the Jacobi-theta form P = w·u·(1 + u^8 + u^24 + u^48 + ...), u = e^(-π²/8x²).
    const w = Math.sqrt(2 * Math.PI) / x;
    const logu8 = (-Math.PI * Math.PI) / (x * x);
    const u = Math.exp(logu8 / 8);
    let p: number;
    if (u === 0) {
      p = Math.exp(logu8 / 8 + Math.log(w));
    } else {
      const u8 = Math.exp(logu8);
      const u8cub = u8 ** 3;
      p = 1 + u8cub;
      p = 1 + u8 * u8 * p;
      p = 1 + u8 * p;
      p = w * u * p;
    }
    cdf = p;
    sf = 1 - p;
  } else {
    // Large x: the alternating series 2(v - v^4 + v^9 - ...), v = e^(-2x²), 4 terms suffice.
    const v = Math.exp(-2 * x * x);
    const vsq = v * v;
    const v3 = v ** 3;
    let p = 1 - v3 * v3 * v;
    p = 1 - v3 * vsq * p;
    p = 1 - v3 * p;
    sf = 2 * v * p;
    cdf = 1 - sf;
  }
  return { sf: clip01(sf), cdf: clip01(cdf) };
}

function clip01(p: number): number {
  return p < 0 ? 0 : p > 1 ? 1 : p;
}
