/**
 * Sample ratio mismatch over any number of arms (STATS.md): chi-square goodness of fit of the
 * observed unit counts against the configured split, `scipy.stats.chisquare(counts, N · weights)`
 * with k − 1 degrees of freedom, flagged when p < 0.001 (GrowthBook's default
 * `srmThreshold`). With two arms it equals `sampleRatioMismatch` of src/lib/stats.
 */
import { InvalidArgumentError } from '../contracts/errors';
import { chiSquareSf } from '../stats';
import { checkWeights } from './assign-arm';

/** GrowthBook's (and Eppo's) default SRM threshold: flag when p < 0.001. */
export const SRM_THRESHOLD = 0.001;

/**
 * @param counts units observed per arm
 * @param weights configured share per arm (sums to 1)
 * @param threshold flag when p < threshold (default 0.001)
 * @returns chi², p-value and whether it fires
 * @throws {InvalidArgumentError} for a negative or fractional count, no units, or bad weights
 * @example
 * srmTest([5000, 2400, 2600], [0.5, 0.25, 0.25]) // { chi2: 8, pValue: 0.0183..., mismatch: false }
 */
export function srmTest(
  counts: readonly number[],
  weights: readonly number[],
  threshold = SRM_THRESHOLD,
): { chi2: number; pValue: number; mismatch: boolean } {
  checkWeights(weights);
  if (counts.length !== weights.length) {
    throw new InvalidArgumentError('counts', counts, `needs one count per arm (${weights.length})`);
  }
  counts.forEach((c, i) => {
    if (!(Number.isInteger(c) && c >= 0)) {
      throw new InvalidArgumentError(`counts[${i}]`, c, 'must be a whole number ≥ 0');
    }
  });
  const total = counts.reduce((s, c) => s + c, 0);
  if (total === 0) throw new InvalidArgumentError('counts', counts, 'no units observed yet');
  let chi2 = 0;
  counts.forEach((c, i) => {
    const e = total * weights[i]!;
    chi2 += (c - e) ** 2 / e;
  });
  const pValue = chiSquareSf(chi2, counts.length - 1);
  return { chi2, pValue, mismatch: pValue < threshold };
}
