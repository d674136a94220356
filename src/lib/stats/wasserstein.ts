/**
 * First Wasserstein (earth mover's) distance between two samples,
 * `scipy.stats.wasserstein_distance(ref, cur)`, and Evidently's normed variant.
 */
import { cleanNumeric } from './clean';
import type { DriftTestDescriptor } from './drift-test';
import { DRIFT_TEST_META } from './drift-test-meta';
import { mergeWalk, profileMergeWalk } from './merge-walk';
import { numericProfile, type SampleProfile } from './profile';
import { meanStd } from './moments';
import { sortFloat64 } from './sort-numeric';

/** Evidently's floor for the reference standard deviation in the normed distance. */
export const WASSERSTEIN_MIN_STD = 0.001;

/**
 * W1(ref, cur) = ∫ |F_ref(x) − F_cur(x)| dx.
 * @param ref reference sample (NaN and ±Infinity dropped)
 * @param cur current sample (NaN and ±Infinity dropped)
 * @returns the distance, >= 0, in the units of the data
 * @throws {InvalidArgumentError} when either sample has no finite value
 * @example
 * wassersteinDistance([0, 1, 3], [5, 6, 8]) // 5
 */
export function wassersteinDistance(ref: ArrayLike<number>, cur: ArrayLike<number>): number {
  const a = sortFloat64(cleanNumeric(ref, 'ref').values);
  const b = sortFloat64(cleanNumeric(cur, 'cur').values);
  return wassersteinFromSorted(a, b);
}

/**
 * Evidently's normed Wasserstein distance, `W1(ref, cur) / max(std(ref), 0.001)` with the
 * population standard deviation (ddof 0). Drift when >= 0.1.
 * @param ref reference sample (NaN and ±Infinity dropped)
 * @param cur current sample (NaN and ±Infinity dropped)
 * @returns the distance in reference standard deviations
 * @throws {InvalidArgumentError} when either sample has no finite value
 * @example
 * wassersteinNormed([0, 1, 2, 3], [1, 2, 3, 4]) // 0.8944271909999159
 */
export function wassersteinNormed(ref: ArrayLike<number>, cur: ArrayLike<number>): number {
  const a = cleanNumeric(ref, 'ref').values;
  const { std } = meanStd(a);
  const b = sortFloat64(cleanNumeric(cur, 'cur').values);
  return wassersteinFromSorted(sortFloat64(a), b) / Math.max(std, WASSERSTEIN_MIN_STD);
}

/**
 * W1 from two ascending arrays by one merge walk, O(n + m): the sum over consecutive distinct
 * values of |i/n − j/m| · gap, the same terms SciPy's `_cdf_distance` adds.
 * @param a sorted sample (non-empty, no NaN)
 * @param b sorted sample (non-empty, no NaN)
 * @returns the distance
 * @example
 * wassersteinFromSorted(Float64Array.of(0, 1), Float64Array.of(0, 2)) // 0.5
 */
export function wassersteinFromSorted(a: Float64Array, b: Float64Array): number {
  return mergeWalk(a, b).wasserstein;
}

/**
 * Normed Wasserstein distance from two numeric profiles (reference std taken from the profile).
 * @param ref reference profile
 * @param cur current profile
 * @returns `W1 / max(std(ref), 0.001)`
 * @throws {InvalidArgumentError} when a profile is not numeric
 * @example
 * wassersteinNormedFromProfiles(buildProfile([0, 1, 2, 3], 'numeric'), buildProfile([1, 2, 3, 4], 'numeric'))
 * // 0.8944271909999159
 */
export function wassersteinNormedFromProfiles(ref: SampleProfile, cur: SampleProfile): number {
  const r = numericProfile(ref);
  const w = profileMergeWalk(r, numericProfile(cur)).wasserstein;
  return w / Math.max(r.std, WASSERSTEIN_MIN_STD);
}

/** Registry descriptor: normed Wasserstein, numeric columns, drift when >= 0.1. */
export const wassersteinDriftTest: DriftTestDescriptor = {
  ...DRIFT_TEST_META.wasserstein,
  compute: wassersteinNormedFromProfiles,
};
