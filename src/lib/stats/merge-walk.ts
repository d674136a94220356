/**
 * One merge walk over two sorted samples that yields both the KS extremes and the first
 * Wasserstein distance, so the two drift tests share a single O(n + m) pass (PERFORMANCE.md D1).
 */
import type { NumericProfile } from './profile';
import { lowerBound, upperBound } from './bounds';

/** What one walk over two sorted samples gives. */
export interface MergeWalkStats {
  /** max over points of F_a − F_b (as SciPy's cdf1 − cdf2). */
  maxDiff: number;
  /** min over points of F_a − F_b. */
  minDiff: number;
  /** ∫ |F_a − F_b| dx (SciPy's `wasserstein_distance`). */
  wasserstein: number;
}

/**
 * Walks the merged sample once. At each distinct value x (all copies in both arrays passed, as
 * `searchsorted(side='right')`), F_a = i/n and F_b = j/m; the Wasserstein sum adds
 * |F_a − F_b| · (next − x) over the same terms as SciPy's `_cdf_distance`.
 *
 * For finite samples with n·m < 2^50 (every drift profile up to ~3·10^7 rows per side) the
 * walk runs as two interleaved halves ({@link mergeWalkFast}); otherwise as one sequential walk.
 * @param a ascending sample, non-empty, no NaN
 * @param b ascending sample, non-empty, no NaN
 * @returns `{ maxDiff, minDiff, wasserstein }`
 * @example
 * mergeWalk(Float64Array.of(0, 1), Float64Array.of(0, 2)) // { maxDiff: 0.5, minDiff: 0, wasserstein: 0.5 }
 */
export function mergeWalk(a: Float64Array, b: Float64Array): MergeWalkStats {
  const n = a.length;
  const m = b.length;
  const finite =
    Number.isFinite(a[0]) &&
    Number.isFinite(a[n - 1]) &&
    Number.isFinite(b[0]) &&
    Number.isFinite(b[m - 1]);
  return finite && n * m < FAST_MAX_NM ? mergeWalkFast(a, b) : mergeWalkSequential(a, b);
}

/** Largest n·m for the integer form of {@link mergeWalkFast} (see there). */
const FAST_MAX_NM = 2 ** 50;

/**
 * The plain walk: one step per merged value, F_a − F_b formed as `i / n − j / m` at every
 * distinct value, exactly as SciPy forms `cdf1 − cdf2`. Handles infinite values.
 * @param a ascending sample, non-empty, no NaN
 * @param b ascending sample, non-empty, no NaN
 * @returns `{ maxDiff, minDiff, wasserstein }`
 * @example
 * mergeWalkSequential(Float64Array.of(1, 2), Float64Array.of(3)) // { maxDiff: 1, minDiff: 0, wasserstein: 1.5 }
 */
export function mergeWalkSequential(a: Float64Array, b: Float64Array): MergeWalkStats {
  const n = a.length;
  const m = b.length;
  let i = 0;
  let j = 0;
  let maxDiff = -Infinity;
  let minDiff = Infinity;
  let sum = 0;
  // x is the value consumed last. When the next value differs from x, every copy of x has been
  // consumed from both arrays, so i/n and j/m are the ECDFs at x.
  const firstA = a[0]! <= b[0]!;
  let x = firstA ? a[0]! : b[0]!;
  if (firstA) i = 1;
  else j = 1;
  while (i < n && j < m) {
    const ai = a[i]!;
    const bj = b[j]!;
    const takeA = ai <= bj;
    const next = takeA ? ai : bj;
    if (next !== x) {
      const diff = i / n - j / m;
      if (diff > maxDiff) maxDiff = diff;
      if (diff < minDiff) minDiff = diff;
      sum += Math.abs(diff) * (next - x);
    }
    i += takeA ? 1 : 0;
    j += takeA ? 0 : 1;
    x = next;
  }
  for (; i < n; i++) {
    const next = a[i]!;
    if (next !== x) {
      const diff = i / n - j / m;
      if (diff > maxDiff) maxDiff = diff;
      if (diff < minDiff) minDiff = diff;
      sum += Math.abs(diff) * (next - x);
    }
    x = next;
  }
  for (; j < m; j++) {
    const next = b[j]!;
    if (next !== x) {
      const diff = i / n - j / m;
      if (diff > maxDiff) maxDiff = diff;
      if (diff < minDiff) minDiff = diff;
      sum += Math.abs(diff) * (next - x);
    }
    x = next;
  }
  // The last value: both ECDFs are 1, the difference 0 (SciPy's cddiffs ends with it too).
  maxDiff = Math.max(maxDiff, 0);
  minDiff = Math.min(minDiff, 0);
  return { maxDiff, minDiff, wasserstein: sum };
}

/**
 * {@link mergeWalkSequential} for finite samples with n·m < 2^50, about 2–3 times faster.
 *
 * - Which array gives the next value is unpredictable, so a branch on it is mispredicted on
 *   about every other step; the choice is made without a branch (the sign bit of b[j] − a[i],
 *   and an exact 0/1 blend of the two values, both finite). That makes each step a chain
 *   "load, subtract, read the sign, advance"; the merged order is cut in two at its midpoint
 *   (found by binary search, the "merge path") and both halves advance in one loop, so the two
 *   chains overlap.
 * - F_a − F_b is tracked as the exact integer k = i·m − j·n (= (F_a − F_b)·n·m). The
 *   Wasserstein sum adds |k| · (next − x) at every step (a tie adds |k| · 0 = 0, as skipping it
 *   does) and is divided by n·m once at the end.
 * - maxDiff is SciPy's max of the rounded `i / n − j / m`. Two points with different k differ by
 *   at least 1/(n·m) > 2^-50, more than the rounding error of that difference (< 2^-51), so the
 *   maximum is reached where k is largest; among the points with that k (distinct values only)
 *   the largest rounded difference is kept, which is exactly SciPy's value. Same for minDiff.
 *
 * maxDiff and minDiff are bit-identical to the sequential walk; the Wasserstein sum differs
 * only by rounding (≤ 1e-14 relative in tests).
 * @param a ascending sample, non-empty, finite
 * @param b ascending sample, non-empty, finite
 * @returns `{ maxDiff, minDiff, wasserstein }`
 * @example
 * mergeWalkFast(Float64Array.of(0, 1), Float64Array.of(0, 2)) // { maxDiff: 0.5, minDiff: 0, wasserstein: 0.5 }
 */
export function mergeWalkFast(a: Float64Array, b: Float64Array): MergeWalkStats {
  const n = a.length;
  const m = b.length;
  // Step p consumes merged value p (a's value first on ties), from state (i, j), i + j = p.
  // Steps 1 .. end − 1 have both arrays non-empty; the tails follow.
  const end = a[n - 1]! <= b[m - 1]! ? n + lowerBound(b, a[n - 1]!) : m + upperBound(a, b[m - 1]!);
  const mid = 1 + ((end - 1) >>> 1);
  const len1 = mid - 1;
  // Half 1 starts after the first merged value; half 2 at step `mid`.
  let i1 = a[0]! <= b[0]! ? 1 : 0;
  let j1 = 1 - i1;
  let x1 = i1 === 1 ? a[0]! : b[0]!;
  let i2 = mergePathSplit(a, b, mid);
  let j2 = mid - i2;
  let x2 = i2 === 0 ? b[j2 - 1]! : j2 === 0 ? a[i2 - 1]! : Math.max(a[i2 - 1]!, b[j2 - 1]!);
  let s1 = 0;
  let s2 = 0;
  // Extremes of k, and the rounded difference at them (see above).
  let kMax = -Infinity;
  let kMin = Infinity;
  let maxDiff = -Infinity;
  let minDiff = Infinity;
  // n and m as doubles, so that V8 compiles i·m − j·n as float arithmetic from the start
  // (i·m exceeds int32 early in the walk).
  const nf = n + 0.5 - 0.5;
  const mf = m + 0.5 - 0.5;
  const box = signBox;
  const boxWords = signWords;
  for (let q = 0; q < len1; q++) {
    const a1 = a[i1]!;
    const b1 = b[j1]!;
    box[0] = b1 - a1 + 0; // + 0 turns −0 into +0
    const t1 = 1 + (boxWords[1]! >> 31); // a1 <= b1 ? 1 : 0
    const v1 = t1 * a1 + (1 - t1) * b1; // t1 ? a1 : b1 (finite; the sign of a zero may differ)
    const k1 = i1 * mf - j1 * nf;
    if ((k1 >= kMax || k1 <= kMin) && v1 !== x1) {
      const d = i1 / n - j1 / m;
      if (k1 > kMax || (k1 === kMax && d > maxDiff)) maxDiff = d;
      if (k1 < kMin || (k1 === kMin && d < minDiff)) minDiff = d;
      if (k1 > kMax) kMax = k1;
      if (k1 < kMin) kMin = k1;
    }
    s1 += Math.abs(k1) * (v1 - x1);
    x1 = v1;
    i1 += t1;
    j1 += 1 - t1;

    const a2 = a[i2]!;
    const b2 = b[j2]!;
    box[1] = b2 - a2 + 0; // + 0 turns −0 into +0
    const t2 = 1 + (boxWords[3]! >> 31); // a2 <= b2 ? 1 : 0
    const v2 = t2 * a2 + (1 - t2) * b2; // t2 ? a2 : b2 (finite; the sign of a zero may differ)
    const k2 = i2 * mf - j2 * nf;
    if ((k2 >= kMax || k2 <= kMin) && v2 !== x2) {
      const d = i2 / n - j2 / m;
      if (k2 > kMax || (k2 === kMax && d > maxDiff)) maxDiff = d;
      if (k2 < kMin || (k2 === kMin && d < minDiff)) minDiff = d;
      if (k2 > kMax) kMax = k2;
      if (k2 < kMin) kMin = k2;
    }
    s2 += Math.abs(k2) * (v2 - x2);
    x2 = v2;
    i2 += t2;
    j2 += 1 - t2;
  }
  // Half 2 is one step longer when the step count is odd; then the tail of the array left.
  let i = i2;
  let j = j2;
  let x = x2;
  let s3 = 0;
  while (i < n && j < m) {
    const ai = a[i]!;
    const bj = b[j]!;
    const v = ai <= bj ? ai : bj;
    const k = i * mf - j * nf;
    if ((k >= kMax || k <= kMin) && v !== x) {
      const d = i / n - j / m;
      if (k > kMax || (k === kMax && d > maxDiff)) maxDiff = d;
      if (k < kMin || (k === kMin && d < minDiff)) minDiff = d;
      if (k > kMax) kMax = k;
      if (k < kMin) kMin = k;
    }
    s3 += Math.abs(k) * (v - x);
    x = v;
    if (ai <= bj) i++;
    else j++;
  }
  for (; i < n; i++) {
    const v = a[i]!;
    const k = i * mf - j * nf;
    if ((k >= kMax || k <= kMin) && v !== x) {
      const d = i / n - j / m;
      if (k > kMax || (k === kMax && d > maxDiff)) maxDiff = d;
      if (k < kMin || (k === kMin && d < minDiff)) minDiff = d;
      if (k > kMax) kMax = k;
      if (k < kMin) kMin = k;
    }
    s3 += Math.abs(k) * (v - x);
    x = v;
  }
  for (; j < m; j++) {
    const v = b[j]!;
    const k = i * mf - j * nf;
    if ((k >= kMax || k <= kMin) && v !== x) {
      const d = i / n - j / m;
      if (k > kMax || (k === kMax && d > maxDiff)) maxDiff = d;
      if (k < kMin || (k === kMin && d < minDiff)) minDiff = d;
      if (k > kMax) kMax = k;
      if (k < kMin) kMin = k;
    }
    s3 += Math.abs(k) * (v - x);
    x = v;
  }
  // The last value: both ECDFs are 1, the difference 0 (SciPy's cddiffs ends with it too).
  return {
    maxDiff: Math.max(maxDiff, 0),
    minDiff: Math.min(minDiff, 0),
    wasserstein: (s1 + s2 + s3) / (nf * mf),
  };
}

/**
 * Scratch for a branch-free "a <= b": the sign bit of b − a + 0, read back through an int view
 * (a data-dependent branch there would be mispredicted on every other step). One slot per half.
 */
const signBox = new Float64Array(2);
const signWords = new Int32Array(signBox.buffer);

/** Number of values of `a` among the first p merged values (a's value first on ties). */
function mergePathSplit(a: Float64Array, b: Float64Array, p: number): number {
  let lo = Math.max(0, p - b.length);
  let hi = Math.min(p, a.length);
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! <= b[p - mid - 1]!) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const cache = new WeakMap<NumericProfile, WeakMap<NumericProfile, MergeWalkStats>>();

/**
 * {@link mergeWalk} of two numeric profiles, memoised per (ref, cur) pair so that KS and
 * Wasserstein on the same window walk once. Profiles are treated as immutable.
 * @param ref reference profile
 * @param cur current profile
 * @returns the walk's statistics
 * @example
 * profileMergeWalk(refProfile, curProfile).wasserstein
 */
export function profileMergeWalk(ref: NumericProfile, cur: NumericProfile): MergeWalkStats {
  let inner = cache.get(ref);
  if (!inner) {
    inner = new WeakMap();
    cache.set(ref, inner);
  }
  let stats = inner.get(cur);
  if (!stats) {
    stats = mergeWalk(ref.sorted, cur.sorted);
    inner.set(cur, stats);
  }
  return stats;
}
