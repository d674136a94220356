/**
 * Population Stability Index, Evidently's `psi` stattest:
 * PSI = Σ (c_i − r_i) · ln(c_i / r_i) over `binned(ref, cur, fill = true)` (STATS.md).
 */
import { binnedShares } from './binning';
import type { DriftTestDescriptor } from './drift-test';
import { DRIFT_TEST_META } from './drift-test-meta';
import { buildProfile, type ColumnKind, type Sample, type SampleProfile } from './profile';

/**
 * PSI between a reference and a current sample. Drift when >= 0.1.
 * @param ref reference sample (missing values dropped)
 * @param cur current sample (missing values dropped)
 * @param kind 'numeric' or 'categorical'
 * @returns the index, >= 0
 * @throws {InvalidArgumentError} when either sample has no usable value
 * @example
 * psi(['a', 'a', 'b', 'b'], ['a', 'b', 'b', 'b'], 'categorical') // 0.2746530721670274
 */
export function psi(ref: Sample, cur: Sample, kind: ColumnKind): number {
  return psiFromProfiles(buildProfile(ref, kind, 'ref'), buildProfile(cur, kind, 'cur'));
}

/**
 * PSI from two profiles of the same kind.
 * @param ref reference profile
 * @param cur current profile
 * @returns the index
 * @throws {InvalidArgumentError} when the kinds differ
 * @example
 * psiFromProfiles(buildReferenceProfile(ref, 'numeric'), buildProfile(cur, 'numeric'))
 */
export function psiFromProfiles(ref: SampleProfile, cur: SampleProfile): number {
  const b = binnedShares(ref, cur, true);
  let sum = 0;
  for (let i = 0; i < b.ref.length; i++) {
    const r = b.ref[i]!;
    const c = b.cur[i]!;
    sum += (r - c) * Math.log(r / c);
  }
  return sum;
}

/** Registry descriptor: PSI, both kinds, drift when >= 0.1. */
export const psiDriftTest: DriftTestDescriptor = {
  ...DRIFT_TEST_META.psi,
  compute: psiFromProfiles,
};
