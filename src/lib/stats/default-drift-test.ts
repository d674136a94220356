/**
 * Evidently's rule for the default drift test of a column (STATS.md), u = number of distinct
 * values in ref ∪ cur:
 * - ref <= 1000 rows: numeric with u > 5 → KS; otherwise z when u <= 2, else chi-square;
 * - ref > 1000 rows: numeric with u > 5 → normed Wasserstein; otherwise Jensen–Shannon.
 */
import type { DriftTestName } from './drift-test';
import { buildProfile, type ColumnKind, type Sample, type SampleProfile } from './profile';
import { distinctUnion } from './value-counts';

/** Reference sizes above this use the large-sample tests. */
export const SMALL_REFERENCE_ROWS = 1000;

/** The default test and the reason for it. */
export interface DefaultDriftChoice {
  test: DriftTestName;
  reason: string;
}

/**
 * The default drift test for a column.
 * @param ref reference sample (missing values dropped)
 * @param cur current sample (missing values dropped)
 * @param kind 'numeric' or 'categorical'
 * @returns the test name
 * @throws {InvalidArgumentError} when either sample has no usable value
 * @example
 * defaultDriftTest([1, 2, 3, 4, 5, 6], [2, 3, 4, 5, 6, 7], 'numeric') // 'ks'
 */
export function defaultDriftTest(ref: Sample, cur: Sample, kind: ColumnKind): DriftTestName {
  return chooseDefaultDriftTest(buildProfile(ref, kind, 'ref'), buildProfile(cur, kind, 'cur'))
    .test;
}

/**
 * The default drift test for two profiles, with a sentence saying why.
 * @param ref reference profile
 * @param cur current profile of the same kind
 * @returns `{ test, reason }`
 * @throws {InvalidArgumentError} when the kinds differ
 * @example
 * chooseDefaultDriftTest(refProfile, curProfile).reason
 * // "numeric column, reference has 2,000 rows (> 1000), ref ∪ cur has more than 5 distinct values
 * //  → normed Wasserstein (Evidently's default rule)"
 */
export function chooseDefaultDriftTest(ref: SampleProfile, cur: SampleProfile): DefaultDriftChoice {
  const u = distinctUnion(ref, cur, 5);
  const values = u > 5 ? 'more than 5 distinct values' : `${u} distinct value${u === 1 ? '' : 's'}`;
  const rows = ref.count.toLocaleString('en-US');
  const small = ref.count <= SMALL_REFERENCE_ROWS;
  const size = small ? `${rows} rows (<= 1000)` : `${rows} rows (> 1000)`;
  const lead = `${ref.kind} column, reference has ${size}, ref ∪ cur has ${values}`;
  let test: DriftTestName;
  if (ref.kind === 'numeric' && u > 5) test = small ? 'ks' : 'wasserstein';
  else if (!small) test = 'jensenshannon';
  else test = u <= 2 ? 'z' : 'chisquare';
  return { test, reason: `${lead} → ${TEST_WORDS[test]} (Evidently's default rule)` };
}

const TEST_WORDS: Record<DriftTestName, string> = {
  ks: 'Kolmogorov–Smirnov',
  wasserstein: 'normed Wasserstein',
  psi: 'PSI',
  jensenshannon: 'Jensen–Shannon',
  chisquare: 'chi-square',
  z: 'two-proportion z-test',
};
