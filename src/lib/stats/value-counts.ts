/**
 * Per-value counts of two profiles over the union of their values, in sorted value order:
 * the "one bin per value present in either sample" of STATS.md, used by chi-square, the
 * binary z-test and the few-values branch of PSI / Jensen–Shannon.
 */
import { InvalidArgumentError } from '../contracts/errors';
import type { SampleProfile } from './profile';

/** Counts aligned on the union of values. */
export interface AlignedCounts {
  /** Number of distinct values in ref ∪ cur. */
  size: number;
  ref: Float64Array;
  cur: Float64Array;
}

/**
 * Counts each distinct value of ref ∪ cur in both samples (a merge of the two sorted value
 * lists, O(n + m)).
 * @param ref reference profile
 * @param cur current profile of the same kind
 * @returns aligned count vectors
 * @throws {InvalidArgumentError} when the kinds differ
 * @example
 * alignedCounts(buildProfile(['a', 'b'], 'categorical'), buildProfile(['b', 'c'], 'categorical'))
 * // { size: 3, ref: [1, 1, 0], cur: [0, 1, 1] }
 */
export function alignedCounts(ref: SampleProfile, cur: SampleProfile): AlignedCounts {
  requireSameKind(ref, cur);
  const refOut: number[] = [];
  const curOut: number[] = [];
  if (ref.kind === 'numeric' && cur.kind === 'numeric') {
    const a = ref.sorted;
    const b = cur.sorted;
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
      const x = i < a.length && (j >= b.length || a[i]! <= b[j]!) ? a[i]! : b[j]!;
      const i0 = i;
      const j0 = j;
      while (i < a.length && a[i] === x) i++;
      while (j < b.length && b[j] === x) j++;
      refOut.push(i - i0);
      curOut.push(j - j0);
    }
  } else if (ref.kind === 'categorical' && cur.kind === 'categorical') {
    const a = ref.categories;
    const b = cur.categories;
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
      if (j >= b.length || (i < a.length && a[i]! < b[j]!)) {
        refOut.push(ref.counts[i++]!);
        curOut.push(0);
      } else if (i >= a.length || b[j]! < a[i]!) {
        refOut.push(0);
        curOut.push(cur.counts[j++]!);
      } else {
        refOut.push(ref.counts[i++]!);
        curOut.push(cur.counts[j++]!);
      }
    }
  }
  return { size: refOut.length, ref: Float64Array.from(refOut), cur: Float64Array.from(curOut) };
}

/**
 * Number of distinct values in ref ∪ cur, counted exactly up to `cap` and reported as
 * `cap + 1` beyond it (enough for the default-test rule, which only compares u with 2 and 5).
 * @param ref reference profile
 * @param cur current profile of the same kind
 * @param cap the largest count that must be exact
 * @returns min(u, cap + 1)
 * @throws {InvalidArgumentError} when the kinds differ
 * @example
 * distinctUnion(buildProfile([1, 2], 'numeric'), buildProfile([2, 3], 'numeric'), 5) // 3
 */
export function distinctUnion(ref: SampleProfile, cur: SampleProfile, cap: number): number {
  requireSameKind(ref, cur);
  if (Math.max(ref.distinct, cur.distinct) > cap) return cap + 1;
  // Both sides have at most `cap` distinct values, so the merge below is short.
  return Math.min(alignedCounts(ref, cur).size, cap + 1);
}

function requireSameKind(ref: SampleProfile, cur: SampleProfile): void {
  if (ref.kind !== cur.kind) {
    throw new InvalidArgumentError('cur.kind', cur.kind, `must match the reference (${ref.kind})`);
  }
}
