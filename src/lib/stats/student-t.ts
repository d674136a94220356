/**
 * Student t distribution survival function via the stdlib regularized incomplete beta:
 * for t >= 0, sf(t; ν) = I_{ν/(ν+t²)}(ν/2, 1/2) / 2 (the identity behind cephes `stdtr`).
 */
import betainc from '@stdlib/math-base-special-betainc';
import { InvalidArgumentError } from '../contracts/errors';

/**
 * `scipy.stats.t.sf(t, df)`.
 * @param t the point
 * @param df degrees of freedom, > 0 (need not be an integer)
 * @returns P(T > t)
 * @throws {InvalidArgumentError} when df <= 0 or an argument is NaN
 * @example
 * studentTSf(2.0, 10) // 0.036694017385370196
 */
export function studentTSf(t: number, df: number): number {
  if (!(df > 0)) throw new InvalidArgumentError('df', df, 'must be > 0');
  if (Number.isNaN(t)) throw new InvalidArgumentError('t', t, 'must be a number');
  if (t === Infinity) return 0;
  if (t === -Infinity) return 1;
  const half = upperHalf(Math.abs(t), df);
  return t >= 0 ? half : 1 - half;
}

/**
 * Two-sided p-value `2 * scipy.stats.t.sf(abs(t), df)`.
 * @param t the statistic
 * @param df degrees of freedom, > 0
 * @returns the p-value in [0, 1]
 * @throws {InvalidArgumentError} when df <= 0 or an argument is NaN
 * @example
 * studentTTwoSidedP(2.0, 10) // 0.07338803477074039
 */
export function studentTTwoSidedP(t: number, df: number): number {
  if (!(df > 0)) throw new InvalidArgumentError('df', df, 'must be > 0');
  if (Number.isNaN(t)) throw new InvalidArgumentError('t', t, 'must be a number');
  if (!Number.isFinite(t)) return 0;
  return Math.min(1, 2 * upperHalf(Math.abs(t), df));
}

function upperHalf(t: number, df: number): number {
  const t2 = t * t;
  // I_x(ν/2, 1/2) with x = ν/(ν+t²); when x is near 1 use the complement 1-x = t²/(ν+t²)
  // directly, so no precision is lost forming it.
  if (t2 < df) return 0.5 - 0.5 * betainc(t2 / (df + t2), 0.5, df / 2, true, false);
  return 0.5 * betainc(df / (df + t2), df / 2, 0.5, true, false);
}
