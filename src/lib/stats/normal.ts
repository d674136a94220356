/**
 * Standard normal distribution: CDF, survival function and quantile, built on the stdlib
 * complementary error function and its inverse (the same route SciPy's `ndtr` takes).
 */
import erfc from '@stdlib/math-base-special-erfc';
import erfcinv from '@stdlib/math-base-special-erfcinv';
import { InvalidArgumentError } from '../contracts/errors';

/**
 * Standard normal CDF, `scipy.stats.norm.cdf(x)`.
 * @param x the point
 * @returns P(Z <= x)
 * @throws {InvalidArgumentError} when x is NaN
 * @example
 * normalCdf(1.96) // 0.9750021048517795
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) throw new InvalidArgumentError('x', x, 'must be a number');
  return 0.5 * erfc(-x / Math.SQRT2);
}

/**
 * Standard normal survival function, `scipy.stats.norm.sf(x)`; accurate far in the upper tail.
 * @param x the point
 * @returns P(Z > x)
 * @throws {InvalidArgumentError} when x is NaN
 * @example
 * normalSf(1.96) // 0.024997895148220435
 */
export function normalSf(x: number): number {
  if (Number.isNaN(x)) throw new InvalidArgumentError('x', x, 'must be a number');
  return 0.5 * erfc(x / Math.SQRT2);
}

/**
 * Standard normal quantile, `scipy.stats.norm.ppf(p)`; ppf(0) = -Infinity, ppf(1) = Infinity.
 * @param p a probability in [0, 1]
 * @returns z with P(Z <= z) = p
 * @throws {InvalidArgumentError} when p is outside [0, 1] or NaN
 * @example
 * normalPpf(0.975) // 1.959963984540054
 */
export function normalPpf(p: number): number {
  if (!(p >= 0 && p <= 1)) throw new InvalidArgumentError('p', p, 'must be in [0, 1]');
  return -Math.SQRT2 * erfcinv(2 * p);
}

/**
 * Two-sided p-value of a standard normal statistic, `2 * scipy.stats.norm.sf(abs(z))`.
 * @param z the statistic
 * @returns the two-sided p-value in [0, 1]
 * @throws {InvalidArgumentError} when z is NaN
 * @example
 * normalTwoSidedP(1.96) // 0.04999579029644087
 */
export function normalTwoSidedP(z: number): number {
  return Math.min(1, 2 * normalSf(Math.abs(z)));
}
