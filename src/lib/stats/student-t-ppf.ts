/**
 * Quantile function of Student's t distribution, by inverting {@link studentTSf} (bisection on
 * a bracket, then Newton-free refinement to double precision), `scipy.stats.t.ppf(q, df)`.
 */
import { InvalidArgumentError } from '../contracts/errors';
import { normalPpf } from './normal';
import { studentTSf } from './student-t';

/**
 * The q-quantile of Student's t with `df` degrees of freedom.
 * @param q probability, in (0, 1)
 * @param df degrees of freedom, > 0 (fractional allowed, as Welch–Satterthwaite gives)
 * @returns x with P(T ≤ x) = q
 * @throws {InvalidArgumentError} when q is outside (0, 1) or df ≤ 0
 * @example
 * studentTPpf(0.975, 10) // 2.2281388519649385
 */
export function studentTPpf(q: number, df: number): number {
  if (!(q > 0 && q < 1)) throw new InvalidArgumentError('q', q, 'must be between 0 and 1');
  if (!(df > 0)) throw new InvalidArgumentError('df', df, 'must be greater than 0');
  if (q === 0.5) return 0;
  if (q < 0.5) return -studentTPpf(1 - q, df);
  // Upper tail: find x > 0 with sf(x) = 1 − q. The t quantile is at least the normal one.
  const target = 1 - q;
  let lo = Math.max(0, normalPpf(q) * 0.5);
  let hi = Math.max(1, normalPpf(q));
  while (studentTSf(hi, df) > target) {
    lo = hi;
    hi *= 2;
    if (!Number.isFinite(hi)) return Infinity;
  }
  for (let i = 0; i < 200 && hi - lo > 1e-15 * Math.max(1, hi); i++) {
    const mid = (lo + hi) / 2;
    if (studentTSf(mid, df) > target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
