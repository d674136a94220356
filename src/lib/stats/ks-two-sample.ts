/**
 * Two-sample Kolmogorov–Smirnov test, `scipy.stats.ks_2samp(ref, cur)` (two-sided,
 * method 'auto'): exact lattice-path p-value when max(n, m) <= 10000, else SciPy's asymptotic
 * `kstwo.sf(D, round(n·m/(n+m)))`.
 */
import { cleanNumeric } from './clean';
import type { DriftTestDescriptor } from './drift-test';
import { DRIFT_TEST_META } from './drift-test-meta';
import { numericProfile, type SampleProfile } from './profile';
import { gcd, roundHalfEven } from './float-utils';
import { kolmogorovNSf } from './kolmogorov-n';
import { outerProbInsideMethod, probOutsideSquare } from './ks-exact';
import { mergeWalk, profileMergeWalk, type MergeWalkStats } from './merge-walk';
import { sortFloat64 } from './sort-numeric';

/** Result of a two-sided test: statistic and p-value. */
export interface TestResult {
  statistic: number;
  pValue: number;
}

/** SciPy's `MAX_AUTO_N`: 'auto' tries the exact p-value when both sizes are at most this. */
export const KS_MAX_EXACT_N = 10000;

/**
 * Two-sample two-sided KS test with SciPy's 'auto' method.
 *
 * The statistic is D = sup |F_ref − F_cur|. On the exact path SciPy snaps D to the lcm grid
 * (h/lcm(n, m)); this does the same, so both values match `ks_2samp`.
 * @param ref reference sample (NaN and ±Infinity dropped)
 * @param cur current sample (NaN and ±Infinity dropped)
 * @returns `{ statistic, pValue }`
 * @throws {InvalidArgumentError} when either sample has no finite value
 * @example
 * ksTwoSample([1, 2, 3, 4, 5], [3, 4, 5, 6, 7, 8]) // { statistic: 0.5, pValue: 0.35714285714285715 }
 */
export function ksTwoSample(ref: ArrayLike<number>, cur: ArrayLike<number>): TestResult {
  const a = sortFloat64(cleanNumeric(ref, 'ref').values);
  const b = sortFloat64(cleanNumeric(cur, 'cur').values);
  return ksFromSorted(a, b);
}

/**
 * The KS statistic D from two ascending arrays by one merge walk, O(n + m).
 * @param a sorted reference sample (non-empty, no NaN)
 * @param b sorted current sample (non-empty, no NaN)
 * @returns D = max over all points of |i/n − j/m|, computed as SciPy does
 * @example
 * ksStatisticFromSorted(Float64Array.of(1, 2), Float64Array.of(3)) // 1
 */
export function ksStatisticFromSorted(a: Float64Array, b: Float64Array): number {
  return ksStatisticFromWalk(mergeWalk(a, b));
}

/**
 * D from the extremes of a merge walk, choosing as SciPy does (the larger of max and −min).
 * @param walk result of `mergeWalk(ref, cur)`
 * @returns D
 * @example
 * ksStatisticFromWalk({ maxDiff: 0.2, minDiff: -0.5, wasserstein: 1 }) // 0.5
 */
export function ksStatisticFromWalk(walk: MergeWalkStats): number {
  const lower = Math.min(Math.max(-walk.minDiff, 0), 1);
  return lower > walk.maxDiff ? lower : walk.maxDiff;
}

/**
 * KS test on samples already sorted ascending (the path the drift profile uses).
 * @param a sorted reference sample (non-empty, no NaN)
 * @param b sorted current sample (non-empty, no NaN)
 * @returns `{ statistic, pValue }` as `scipy.stats.ks_2samp`
 * @example
 * ksFromSorted(Float64Array.of(1, 2, 3), Float64Array.of(4, 5, 6))
 * // { statistic: 1, pValue: 0.09999999999999999 }
 */
export function ksFromSorted(a: Float64Array, b: Float64Array): TestResult {
  return ksPValue(ksStatisticFromSorted(a, b), a.length, b.length);
}

/**
 * The p-value step of `ks_2samp` (two-sided, 'auto') for a statistic D and sizes n1, n2.
 * @param d the KS statistic
 * @param n1 reference size
 * @param n2 current size
 * @returns `{ statistic, pValue }`; on the exact path the statistic is snapped to h/lcm
 * @example
 * ksPValue(0.5, 5, 6) // { statistic: 0.5, pValue: 0.35714285714285715 }
 */
export function ksPValue(d: number, n1: number, n2: number): TestResult {
  let stat = d;
  let prob = NaN;
  const g = gcd(n1, n2);
  let exact = Math.max(n1, n2) <= KS_MAX_EXACT_N;
  if (exact) {
    const lcm = (n1 / g) * n2;
    const h = roundHalfEven(d * lcm);
    stat = h / lcm;
    if (h === 0) {
      prob = 1;
    } else {
      prob = n1 === n2 ? probOutsideSquare(n1, h) : outerProbInsideMethod(n1, n2, g, h);
      // SciPy falls back to the asymptotic path when the exact value is not a probability.
      if (!(prob >= 0 && prob <= 1)) exact = false;
    }
  }
  if (!exact) {
    const big = Math.max(n1, n2);
    const small = Math.min(n1, n2);
    const en = (big * small) / (big + small);
    prob = kolmogorovNSf(stat, roundHalfEven(en));
  }
  return { statistic: stat, pValue: Math.min(Math.max(prob, 0), 1) };
}

/**
 * KS test from two numeric profiles; the merge walk is shared with Wasserstein on the same pair.
 * @param ref reference profile
 * @param cur current profile
 * @returns `{ statistic, pValue }` as `scipy.stats.ks_2samp`
 * @throws {InvalidArgumentError} when a profile is not numeric
 * @example
 * ksFromProfiles(buildReferenceProfile(ref, 'numeric'), buildProfile(cur, 'numeric'))
 */
export function ksFromProfiles(ref: SampleProfile, cur: SampleProfile): TestResult {
  const r = numericProfile(ref);
  const c = numericProfile(cur);
  return ksPValue(ksStatisticFromWalk(profileMergeWalk(r, c)), r.count, c.count);
}

/** Registry descriptor: KS p-value, numeric columns, drift when p < 0.05. */
export const ksDriftTest: DriftTestDescriptor = {
  ...DRIFT_TEST_META.ks,
  compute: (ref, cur) => ksFromProfiles(ref, cur).pValue,
};
