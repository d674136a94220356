/**
 * Drift of one column: runs the chosen (or default) test and reports which test ran, its value,
 * its threshold, whether it means drift, and why that test was chosen.
 */
import { InvalidArgumentError } from '../contracts/errors';
import { chooseDefaultDriftTest } from './default-drift-test';
import { getDriftTest } from './drift-registry';
import { isDrift, type DriftTestName } from './drift-test';
import { buildProfile, type ColumnKind, type Sample, type SampleProfile } from './profile';

/** Options of a column drift check. */
export interface ColumnDriftOptions {
  /** Test to run; default: Evidently's rule ({@link chooseDefaultDriftTest}). */
  test?: DriftTestName;
  /** Threshold; default: the test's own (0.05 for p-values, 0.1 for distances). */
  threshold?: number;
}

/** Result of a column drift check. */
export interface ColumnDriftResult {
  test: DriftTestName;
  /** The test's value: a p-value (ks, chisquare, z) or a distance (others). */
  value: number;
  threshold: number;
  drift: boolean;
  /** Why this test ran (the default rule and its inputs, or the caller's choice). */
  reason: string;
}

/**
 * Drift of one column between a reference and a current sample.
 * @param ref reference sample (missing values dropped)
 * @param cur current sample (missing values dropped)
 * @param kind 'numeric' or 'categorical'
 * @param options test and threshold (both optional)
 * @returns `{ test, value, threshold, drift, reason }`
 * @throws {InvalidArgumentError} for an empty/all-missing sample, an unknown test, a test that
 *   does not apply to the kind, or a non-finite threshold
 * @example
 * columnDrift([1, 2, 3, 4, 5, 6], [4, 5, 6, 7, 8, 9], 'numeric')
 * // { test: 'ks', value: 0.474025974025974, threshold: 0.05, drift: false, reason: 'numeric column, ...' }
 */
export function columnDrift(
  ref: Sample,
  cur: Sample,
  kind: ColumnKind,
  options: ColumnDriftOptions = {},
): ColumnDriftResult {
  return driftBetweenProfiles(
    buildProfile(ref, kind, 'ref'),
    buildProfile(cur, kind, 'cur'),
    options,
  );
}

/**
 * Drift of one column against a cached reference profile: only `cur` is profiled (sorted).
 * @param profile reference profile from `buildReferenceProfile`
 * @param cur current sample
 * @param options test and threshold (both optional)
 * @returns `{ test, value, threshold, drift, reason }`
 * @throws {InvalidArgumentError} as {@link columnDrift}
 * @example
 * const profile = buildReferenceProfile(trainingAges, 'numeric');
 * columnDriftWithProfile(profile, windowAges, { test: 'psi' })
 */
export function columnDriftWithProfile(
  profile: SampleProfile,
  cur: Sample,
  options: ColumnDriftOptions = {},
): ColumnDriftResult {
  return driftBetweenProfiles(profile, buildProfile(cur, profile.kind, 'cur'), options);
}

/**
 * Drift between two profiles; profile `cur` once and call this for several tests to share
 * its sort.
 * @param ref reference profile
 * @param cur current profile of the same kind
 * @param options test and threshold (both optional)
 * @returns `{ test, value, threshold, drift, reason }`
 * @throws {InvalidArgumentError} as {@link columnDrift}
 * @example
 * const cur = buildProfile(window, 'numeric');
 * ['ks', 'wasserstein'].map((test) => driftBetweenProfiles(ref, cur, { test }))
 */
export function driftBetweenProfiles(
  ref: SampleProfile,
  cur: SampleProfile,
  options: ColumnDriftOptions = {},
): ColumnDriftResult {
  if (ref.kind !== cur.kind) {
    throw new InvalidArgumentError('cur.kind', cur.kind, `must match the reference (${ref.kind})`);
  }
  const byDefault = chooseDefaultDriftTest(ref, cur);
  const name = options.test ?? byDefault.test;
  const test = getDriftTest(name);
  if (!test.kinds.includes(ref.kind)) {
    throw new InvalidArgumentError(
      'options.test',
      name,
      `${test.label} applies to ${test.kinds.join(' and ')} columns, not ${ref.kind} ones`,
    );
  }
  const threshold = options.threshold ?? test.defaultThreshold;
  if (!Number.isFinite(threshold)) {
    throw new InvalidArgumentError('options.threshold', threshold, 'must be a finite number');
  }
  const value = test.compute(ref, cur);
  const reason =
    options.test === undefined
      ? byDefault.reason
      : `chosen by the caller (the default would be ${byDefault.test}: ${byDefault.reason})`;
  return {
    test: test.name,
    value,
    threshold,
    drift: isDrift(test.direction, value, threshold),
    reason,
  };
}
