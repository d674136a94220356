/**
 * Sample ratio mismatch check: chi-square goodness of fit of the observed arm counts against
 * the configured split, `scipy.stats.chisquare([nA, nB], [N·splitA, N·(1 − splitA)])`, flagged at
 * p < 0.001 (GrowthBook / Eppo default).
 */
import { InvalidArgumentError } from '../contracts/errors';
import { chiSquareSf } from './chi-square-distribution';
import { requireCount, requireOpenUnit } from './clean';

/** Default p-value below which a mismatch is flagged. */
export const SRM_ALPHA = 0.001;

/** Result of {@link sampleRatioMismatch}. */
export interface SampleRatioMismatchResult {
  chi2: number;
  pValue: number;
  mismatch: boolean;
}

/**
 * Tests whether the observed split of units between arms matches the configured one.
 * @param nA units assigned to A
 * @param nB units assigned to B
 * @param splitA configured share of A, strictly between 0 and 1
 * @param options `alpha`: flag when p < alpha (default 0.001)
 * @returns `{ chi2, pValue, mismatch }`
 * @throws {InvalidArgumentError} when a count is negative or fractional, both are 0, or splitA
 *   (or alpha) is outside (0, 1)
 * @example
 * sampleRatioMismatch(5000, 5200, 0.5) // { chi2: 3.9215..., pValue: 0.04767..., mismatch: false }
 */
export function sampleRatioMismatch(
  nA: number,
  nB: number,
  splitA: number,
  options: { alpha?: number } = {},
): SampleRatioMismatchResult {
  requireCount(nA, 'nA');
  requireCount(nB, 'nB');
  requireOpenUnit(splitA, 'splitA');
  const alpha = requireOpenUnit(options.alpha ?? SRM_ALPHA, 'options.alpha');
  const total = nA + nB;
  if (total === 0) throw new InvalidArgumentError('nA + nB', total, 'no units observed yet');
  const eA = total * splitA;
  const eB = total * (1 - splitA);
  const chi2 = (nA - eA) ** 2 / eA + (nB - eB) ** 2 / eB;
  const pValue = chiSquareSf(chi2, 1);
  return { chi2, pValue, mismatch: pValue < alpha };
}
