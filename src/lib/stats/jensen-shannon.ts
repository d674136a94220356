/**
 * Jensen–Shannon distance, Evidently's `jensenshannon` stattest:
 * `scipy.spatial.distance.jensenshannon(r, c)` (natural log) over `binned(ref, cur, fill = false)`.
 */
import { binnedShares } from './binning';
import type { DriftTestDescriptor } from './drift-test';
import { DRIFT_TEST_META } from './drift-test-meta';
import { buildProfile, type ColumnKind, type Sample, type SampleProfile } from './profile';

/**
 * Jensen–Shannon distance between the binned distributions of two samples. Drift when >= 0.1.
 * @param ref reference sample (missing values dropped)
 * @param cur current sample (missing values dropped)
 * @param kind 'numeric' or 'categorical'
 * @returns the distance in [0, sqrt(ln 2)]
 * @throws {InvalidArgumentError} when either sample has no usable value
 * @example
 * jensenShannonDistance(['a', 'a', 'b', 'b'], ['a', 'b', 'b', 'b'], 'categorical') // 0.1839077909404743
 */
export function jensenShannonDistance(ref: Sample, cur: Sample, kind: ColumnKind): number {
  return jensenShannonFromProfiles(buildProfile(ref, kind, 'ref'), buildProfile(cur, kind, 'cur'));
}

/**
 * Jensen–Shannon distance from two profiles of the same kind.
 * @param ref reference profile
 * @param cur current profile
 * @returns the distance
 * @throws {InvalidArgumentError} when the kinds differ
 * @example
 * jensenShannonFromProfiles(buildReferenceProfile(ref, 'numeric'), buildProfile(cur, 'numeric'))
 */
export function jensenShannonFromProfiles(ref: SampleProfile, cur: SampleProfile): number {
  const b = binnedShares(ref, cur, false);
  return jensenShannonOfVectors(b.ref, b.cur);
}

/**
 * `scipy.spatial.distance.jensenshannon(p, q)`: normalises both vectors, then
 * sqrt((KL(p‖m) + KL(q‖m)) / 2) with m = (p + q)/2 and natural logarithms.
 * @param p non-negative weights
 * @param q non-negative weights of the same length
 * @returns the distance (rounding noise below 0 is clamped to 0 instead of SciPy's NaN)
 * @example
 * jensenShannonOfVectors(Float64Array.of(1, 0), Float64Array.of(0, 1)) // 0.8325546111576977
 */
export function jensenShannonOfVectors(p: Float64Array, q: Float64Array): number {
  let sp = 0;
  let sq = 0;
  for (let i = 0; i < p.length; i++) {
    sp += p[i]!;
    sq += q[i]!;
  }
  let left = 0;
  let right = 0;
  for (let i = 0; i < p.length; i++) {
    const pi = p[i]! / sp;
    const qi = q[i]! / sq;
    const m = (pi + qi) / 2;
    left += relEntr(pi, m);
    right += relEntr(qi, m);
  }
  return Math.sqrt(Math.max(0, (left + right) / 2));
}

function relEntr(x: number, y: number): number {
  if (x > 0 && y > 0) return x * Math.log(x / y);
  return x === 0 && y >= 0 ? 0 : Infinity;
}

/** Registry descriptor: Jensen–Shannon distance, both kinds, drift when >= 0.1. */
export const jensenShannonDriftTest: DriftTestDescriptor = {
  ...DRIFT_TEST_META.jensenshannon,
  compute: jensenShannonFromProfiles,
};
