/**
 * The truncated normal distribution in log space, as the TPE sampler needs it: log density, log
 * of a normal's mass over an interval, and inverse-CDF sampling. Follows Optuna's
 * `optuna/samplers/_tpe/_truncnorm.py` (itself after SciPy's `truncnorm`), which works with
 * `log_ndtr` so that kernels far from a point still give finite log densities.
 */
import erfc from '@stdlib/math-base-special-erfc';
import { normalPpf } from '../stats/normal';

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * `log Φ(x)` for the standard normal CDF Φ, accurate in both tails (SciPy's `log_ndtr`).
 * @param x the point
 * @returns log P(Z ≤ x)
 * @example
 * logNdtr(0) // -0.6931471805599453
 * logNdtr(-40) // -804.6084420137538
 */
export function logNdtr(x: number): number {
  if (x > 6) return Math.log1p(-0.5 * erfc(x / Math.SQRT2));
  if (x > -20) return Math.log(0.5 * erfc(-x / Math.SQRT2));
  // Asymptotic series of the Mills ratio (Abramowitz & Stegun 26.2.12); beyond -20 its first
  // terms are exact to double precision.
  const x2 = x * x;
  const series = 1 - 1 / x2 + 3 / (x2 * x2) - 15 / (x2 * x2 * x2) + 105 / (x2 * x2 * x2 * x2);
  return -0.5 * x2 - Math.log(-x) - LOG_SQRT_2PI + Math.log(series);
}

/** log(exp(a) - exp(b)) for a ≥ b. */
function logDiff(a: number, b: number): number {
  if (b === -Infinity) return a;
  return a + Math.log1p(-Math.exp(b - a));
}

/**
 * `log(Φ(b) - Φ(a))`: the log of the standard normal's mass on `[a, b]` (Optuna's
 * `_log_gauss_mass`), computed in whichever tail keeps precision.
 * @param a lower end
 * @param b upper end, `b ≥ a`
 * @returns the log mass (−Infinity when a = b)
 * @example
 * logGaussMass(-1, 1) // -0.3816... (log 0.6827)
 */
export function logGaussMass(a: number, b: number): number {
  if (b <= 0) return logDiff(logNdtr(b), logNdtr(a));
  if (a > 0) return logDiff(logNdtr(-a), logNdtr(-b));
  // The interval straddles 0: 1 - Φ(a) - Φ(-b), neither term near 1.
  return Math.log1p(-0.5 * erfc(-a / Math.SQRT2) - 0.5 * erfc(b / Math.SQRT2));
}

/**
 * Log density of a normal(`mu`, `sigma`) truncated to `[low, high]`, at `x`.
 * @param x the point
 * @param mu the location
 * @param sigma the scale, > 0
 * @param low lower truncation point
 * @param high upper truncation point
 * @returns the log density (−Infinity outside `[low, high]`)
 * @example
 * truncnormLogPdf(0, 0, 1, -1, 1) // -0.5372... (log of 0.3989 / 0.6827)
 */
export function truncnormLogPdf(
  x: number,
  mu: number,
  sigma: number,
  low: number,
  high: number,
): number {
  if (x < low || x > high) return -Infinity;
  const z = (x - mu) / sigma;
  return (
    -0.5 * z * z -
    LOG_SQRT_2PI -
    Math.log(sigma) -
    logGaussMass((low - mu) / sigma, (high - mu) / sigma)
  );
}

/**
 * The quantile of a normal(`mu`, `sigma`) truncated to `[low, high]` at probability `q`; with a
 * uniform `q` this samples the distribution (Optuna's `_truncnorm.rvs`).
 * @param q a probability in [0, 1]
 * @param mu the location
 * @param sigma the scale, > 0
 * @param low lower truncation point
 * @param high upper truncation point
 * @returns x in `[low, high]` with P(X ≤ x) = q
 * @example
 * truncnormPpf(0.5, 0, 1, -1, 1) // 0
 */
export function truncnormPpf(
  q: number,
  mu: number,
  sigma: number,
  low: number,
  high: number,
): number {
  const a = (low - mu) / sigma;
  const b = (high - mu) / sigma;
  // Work in the tail whose CDF values are small, where they are exact (Optuna: ppf_left/right).
  let z: number;
  if (a < 0) {
    const pa = Math.exp(logNdtr(a));
    z = normalPpf(Math.min(1, pa + q * Math.exp(logGaussMass(a, b))));
  } else {
    const pb = Math.exp(logNdtr(-b));
    z = -normalPpf(Math.min(1, pb + (1 - q) * Math.exp(logGaussMass(a, b))));
  }
  return Math.min(high, Math.max(low, mu + sigma * Math.min(b, Math.max(a, z))));
}
