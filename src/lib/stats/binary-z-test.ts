/**
 * Evidently's `z` stattest: pooled two-proportion z-test on the indicator
 * "value ≠ first category in sorted order", two-sided.
 */
import { isNumericSample } from './chi-square-drift';
import type { DriftTestDescriptor } from './drift-test';
import { DRIFT_TEST_META } from './drift-test-meta';
import type { TestResult } from './ks-two-sample';
import { normalTwoSidedP } from './normal';
import { buildProfile, type Sample, type SampleProfile } from './profile';
import { alignedCounts } from './value-counts';

/**
 * Two-proportion z-test for drift of a binary (or few-valued) column.
 *
 * z = (p_ref − p_cur) / sqrt(P(1 − P)(1/n_ref + 1/n_cur)) with p = share of values other than
 * the first category and P the pooled share; p-value = 2·sf(|z|). When both samples hold the
 * same single value Evidently reports p = 1; so does this (statistic 0). Drift when p < 0.05.
 * @param ref reference sample (missing values dropped)
 * @param cur current sample (missing values dropped)
 * @returns `{ statistic, pValue }`
 * @throws {InvalidArgumentError} when either sample has no usable value
 * @example
 * binaryZTest(['a', 'a', 'a', 'b'], ['a', 'b', 'b', 'b']) // { statistic: -1.4142135623730951, pValue: 0.15729920705028488 }
 */
export function binaryZTest(ref: Sample, cur: Sample): TestResult {
  const kind = isNumericSample(ref) && isNumericSample(cur) ? 'numeric' : 'categorical';
  return binaryZFromProfiles(buildProfile(ref, kind, 'ref'), buildProfile(cur, kind, 'cur'));
}

/**
 * Binary z drift test from two profiles of the same kind.
 * @param ref reference profile
 * @param cur current profile
 * @returns `{ statistic, pValue }`
 * @throws {InvalidArgumentError} when the kinds differ
 * @example
 * binaryZFromProfiles(buildReferenceProfile(ref, 'categorical'), buildProfile(cur, 'categorical'))
 */
export function binaryZFromProfiles(ref: SampleProfile, cur: SampleProfile): TestResult {
  const counts = alignedCounts(ref, cur);
  if (counts.size === 1) return { statistic: 0, pValue: 1 };
  const n1 = ref.count;
  const n2 = cur.count;
  const p1 = (n1 - counts.ref[0]!) / n1;
  const p2 = (n2 - counts.cur[0]!) / n2;
  const P = (p1 * n1 + p2 * n2) / (n1 + n2);
  const z = (p1 - p2) / Math.sqrt(P * (1 - P) * (1 / n1 + 1 / n2));
  return { statistic: z, pValue: normalTwoSidedP(z) };
}

/** Registry descriptor: binary z-test p-value, both kinds, drift when p < 0.05. */
export const binaryZDriftTest: DriftTestDescriptor = {
  ...DRIFT_TEST_META.z,
  compute: (ref, cur) => binaryZFromProfiles(ref, cur).pValue,
};
