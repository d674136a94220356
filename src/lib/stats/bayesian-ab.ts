/**
 * Bayesian A/B comparison of conversion rates with Beta(1, 1) priors (STATS.md): the
 * posterior of each arm is Beta(1 + x, 1 + n − x).
 */
import { betaProbGreater } from './beta-comparison';
import { checkArm } from './proportions-z-test';

/**
 * Posterior probability that B's conversion rate exceeds A's, exactly (closed form).
 * @param xA conversions in A
 * @param nA units in A
 * @param xB conversions in B
 * @param nB units in B
 * @returns P(p_B > p_A | data)
 * @throws {InvalidArgumentError} when a count is negative or fractional, n is 0, or x > n
 * @example
 * probabilityBBeatsA(100, 1000, 130, 1000) // 0.98216...
 */
export function probabilityBBeatsA(xA: number, nA: number, xB: number, nB: number): number {
  checkArm(xA, nA, 'A');
  checkArm(xB, nB, 'B');
  return betaProbGreater(1 + xA, 1 + nA - xA, 1 + xB, 1 + nB - xB);
}

/** Expected loss of shipping each arm. */
export interface ExpectedLoss {
  /** E[max(p_B − p_A, 0)]: conversion rate given up, on average, by choosing A. */
  a: number;
  /** E[max(p_A − p_B, 0)]: conversion rate given up, on average, by choosing B. */
  b: number;
}

/**
 * Expected loss of choosing each arm under the Beta(1, 1)-prior posteriors, exactly:
 * E[max(p_B − p_A, 0)] = E[p_B]·P(Y⁺ > X) − E[p_A]·P(Y > X⁺), where X⁺, Y⁺ raise the first
 * shape by one (the size-biased posteriors), each probability in closed form.
 * @param xA conversions in A
 * @param nA units in A
 * @param xB conversions in B
 * @param nB units in B
 * @returns `{ a, b }`
 * @throws {InvalidArgumentError} when a count is negative or fractional, n is 0, or x > n
 * @example
 * expectedLoss(100, 1000, 130, 1000) // { a: 0.030032..., b: 0.0000923... }
 */
export function expectedLoss(xA: number, nA: number, xB: number, nB: number): ExpectedLoss {
  checkArm(xA, nA, 'A');
  checkArm(xB, nB, 'B');
  const aA = 1 + xA;
  const bA = 1 + nA - xA;
  const aB = 1 + xB;
  const bB = 1 + nB - xB;
  const meanA = aA / (aA + bA);
  const meanB = aB / (aB + bB);
  const lossA =
    meanB * betaProbGreater(aA, bA, aB + 1, bB) - meanA * betaProbGreater(aA + 1, bA, aB, bB);
  const lossB =
    meanA * betaProbGreater(aB, bB, aA + 1, bA) - meanB * betaProbGreater(aB + 1, bB, aA, bA);
  return { a: Math.max(0, lossA), b: Math.max(0, lossB) };
}
