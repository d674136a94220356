/**
 * Chi-square drift test, Evidently's `chisquare` stattest: categories = union;
 * expected_k = ref_count_k · (n_cur / n_ref); observed = cur counts;
 * p-value of `scipy.stats.chisquare(observed, expected)`.
 */
import { chiSquareSf } from './chi-square-distribution';
import type { DriftTestDescriptor } from './drift-test';
import { DRIFT_TEST_META } from './drift-test-meta';
import type { TestResult } from './ks-two-sample';
import { buildProfile, type Sample, type SampleProfile } from './profile';
import { alignedCounts } from './value-counts';

/**
 * Chi-square goodness of fit of the current counts against the reference shares.
 *
 * A category seen only in `cur` has expected count 0, so (as in SciPy) the statistic is
 * +Infinity and the p-value 0. With a single category in both samples SciPy returns NaN
 * (0 degrees of freedom); here the statistic is 0 and the p-value 1 (no evidence of drift).
 * Drift when p < 0.05.
 * @param ref reference sample (strings or numbers; missing values dropped)
 * @param cur current sample
 * @returns `{ statistic, pValue }`
 * @throws {InvalidArgumentError} when either sample has no usable value
 * @example
 * chiSquareDrift(['a', 'a', 'b', 'b'], ['a', 'b', 'b', 'b']) // { statistic: 1, pValue: 0.31731050786291415 }
 */
export function chiSquareDrift(ref: Sample, cur: Sample): TestResult {
  const kind = isNumericSample(ref) && isNumericSample(cur) ? 'numeric' : 'categorical';
  return chiSquareFromProfiles(buildProfile(ref, kind, 'ref'), buildProfile(cur, kind, 'cur'));
}

/**
 * Chi-square drift from two profiles of the same kind.
 * @param ref reference profile
 * @param cur current profile
 * @returns `{ statistic, pValue }`
 * @throws {InvalidArgumentError} when the kinds differ
 * @example
 * chiSquareFromProfiles(buildReferenceProfile(ref, 'categorical'), buildProfile(cur, 'categorical'))
 */
export function chiSquareFromProfiles(ref: SampleProfile, cur: SampleProfile): TestResult {
  const counts = alignedCounts(ref, cur);
  if (counts.size < 2) return { statistic: 0, pValue: 1 };
  const kNorm = cur.count / ref.count;
  let stat = 0;
  for (let i = 0; i < counts.size; i++) {
    const expected = counts.ref[i]! * kNorm;
    const d = counts.cur[i]! - expected;
    stat += expected === 0 ? Infinity : (d * d) / expected;
  }
  return { statistic: stat, pValue: chiSquareSf(stat, counts.size - 1) };
}

/**
 * Whether a sample holds numbers (so its categories compare numerically).
 * @param sample a sample
 * @returns true for typed arrays and arrays whose first present value is a number
 * @example
 * isNumericSample([1, 2]) // true
 */
export function isNumericSample(sample: Sample): boolean {
  if (ArrayBuffer.isView(sample)) return true;
  for (let i = 0; i < sample.length; i++) {
    const v = sample[i];
    if (v !== null && v !== undefined) return typeof v === 'number';
  }
  return false;
}

/** Registry descriptor: chi-square p-value, both kinds, drift when p < 0.05. */
export const chiSquareDriftTest: DriftTestDescriptor = {
  ...DRIFT_TEST_META.chisquare,
  compute: (ref, cur) => chiSquareFromProfiles(ref, cur).pValue,
};
