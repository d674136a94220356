/**
 * One merge walk over two sorted samples that yields both the KS extremes and the first
 * Wasserstein distance, so the two drift tests share a single O(n + m) pass (PERFORMANCE.md D1).
 */
import type { NumericProfile } from './profile';

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
 * |F_a − F_b| · (next − x), the same terms in the same order as SciPy's `_cdf_distance`.
 * @param a ascending sample, non-empty, no NaN
 * @param b ascending sample, non-empty, no NaN
 * @returns `{ maxDiff, minDiff, wasserstein }`
 * @example
 * mergeWalk(Float64Array.of(0, 1), Float64Array.of(0, 2)) // { maxDiff: 0.5, minDiff: 0, wasserstein: 0.5 }
 */
export function mergeWalk(a: Float64Array, b: Float64Array): MergeWalkStats {
  const n = a.length;
  const m = b.length;
  let i = 0;
  let j = 0;
  let maxDiff = -Infinity;
  let minDiff = Infinity;
  let sum = 0;
  // x is the value consumed last. When the next value differs from x, every copy of x has been
  // consumed from both arrays, so i/n and j/m are the ECDFs at x. The select below is written
  // so V8 can avoid a hard-to-predict branch on which array to take from.
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
