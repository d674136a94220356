/**
 * Two-proportion z-test for A/B conversion rates,
 * `statsmodels.stats.proportion.proportions_ztest([xB, xA], [nB, nA])` (pooled, two-sided),
 * with the unpooled Wald 95% interval for the difference (STATS.md).
 */
import { InvalidArgumentError } from '../contracts/errors';
import { requireCount } from './clean';
import { normalPpf, normalTwoSidedP } from './normal';

/** z_{0.975}, the 95% two-sided normal quantile. */
export const Z_975 = normalPpf(0.975);

/** Result of {@link proportionsZTest}. */
export interface ProportionsZTestResult {
  /** (p_B − p_A) / pooled standard error. */
  z: number;
  pValue: number;
  /** p_B − p_A. */
  diff: number;
  /** Unpooled Wald 95% interval for p_B − p_A. */
  ci95: [number, number];
}

/**
 * Pooled two-proportion z-test of B against A.
 *
 * When the pooled rate is 0 or 1 (no variation at all) statsmodels returns NaN; this returns
 * z = 0 and p = 1 instead (there is no evidence of a difference).
 * @param xA conversions in A
 * @param nA units in A
 * @param xB conversions in B
 * @param nB units in B
 * @returns `{ z, pValue, diff, ci95 }`
 * @throws {InvalidArgumentError} when a count is negative or fractional, n is 0, or x > n
 * @example
 * proportionsZTest(100, 1000, 130, 1000)
 * // { z: 2.1027..., pValue: 0.03548..., diff: 0.03, ci95: [0.0021..., 0.0579...] }
 */
export function proportionsZTest(
  xA: number,
  nA: number,
  xB: number,
  nB: number,
): ProportionsZTestResult {
  checkArm(xA, nA, 'A');
  checkArm(xB, nB, 'B');
  const pA = xA / nA;
  const pB = xB / nB;
  const diff = pB - pA;
  const pooled = (xA + xB) / (nA + nB);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / nA + 1 / nB));
  const z = se > 0 ? diff / se : 0;
  const half = Z_975 * Math.sqrt((pA * (1 - pA)) / nA + (pB * (1 - pB)) / nB);
  return { z, pValue: se > 0 ? normalTwoSidedP(z) : 1, diff, ci95: [diff - half, diff + half] };
}

/**
 * Validates one arm's counts.
 * @param x conversions
 * @param n units
 * @param arm arm label for the error ('A' or 'B')
 * @returns nothing; it only throws
 * @throws {InvalidArgumentError} when a count is negative or fractional, n is 0, or x > n
 * @example
 * checkArm(3, 10, 'A') // ok
 */
export function checkArm(x: number, n: number, arm: string): void {
  requireCount(x, `x${arm}`);
  requireCount(n, `n${arm}`);
  if (n === 0) throw new InvalidArgumentError(`n${arm}`, n, 'must be at least 1');
  if (x > n) throw new InvalidArgumentError(`x${arm}`, x, `cannot exceed n${arm} = ${n}`);
}
