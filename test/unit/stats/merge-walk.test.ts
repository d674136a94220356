import { describe, expect, it } from 'vitest';
import {
  mergeWalk,
  mergeWalkFast,
  mergeWalkSequential,
  profileMergeWalk,
} from '../../../src/lib/stats/merge-walk';
import { createRng } from '../../../src/lib/stats/rng';
import { buildProfile, type NumericProfile } from '../../../src/lib/stats/profile';

describe('mergeWalk', () => {
  it('gives the ECDF extremes and W1 with ties across and within samples', () => {
    // scipy: cdf1 - cdf2 over data_all for a=[0,0,1,1,2,2,2,3], b=[0,1,1,2,4,4]
    //   -> max 1/3 (at x = 3: 8/8 − 4/6), min 0; scipy.stats.wasserstein_distance(a, b) -> 0.625
    const r = mergeWalk(Float64Array.of(0, 0, 1, 1, 2, 2, 2, 3), Float64Array.of(0, 1, 1, 2, 4, 4));
    expect(r.maxDiff).toBeCloseTo(1 / 3, 15);
    expect(r.minDiff).toBe(0);
    expect(r.wasserstein).toBeCloseTo(0.625, 15);
  });

  it('handles disjoint samples and single values', () => {
    expect(mergeWalk(Float64Array.of(1, 2), Float64Array.of(3))).toEqual({
      maxDiff: 1,
      minDiff: 0,
      wasserstein: 1.5,
    });
    expect(mergeWalk(Float64Array.of(5), Float64Array.of(5))).toEqual({
      maxDiff: 0,
      minDiff: 0,
      wasserstein: 0,
    });
  });

  it('memoises per profile pair', () => {
    const a = buildProfile([1, 2, 3], 'numeric') as NumericProfile;
    const b = buildProfile([2, 3, 4], 'numeric') as NumericProfile;
    expect(profileMergeWalk(a, b)).toBe(profileMergeWalk(a, b));
    expect(profileMergeWalk(a, b)).toEqual(mergeWalk(a.sorted, b.sorted));
  });

  it("the fast walk gives the sequential walk's extremes bit for bit, and its W to 1e-13", () => {
    const rng = createRng(23);
    const mismatches: string[] = [];
    for (let c = 0; c < 3000; c++) {
      const large = c % 10 === 0;
      const n = 1 + rng.int(large ? 3000 : 12);
      const m = 1 + rng.int(large ? 3000 : 12);
      // Rounding makes ties within and across samples; shifts make long one-sided tails.
      const q = [1, 2, 10, 1000, 1e9][rng.int(5)]!;
      const shift = rng.next() < 0.3 ? [5, -5, 0.5][rng.int(3)]! : 0;
      const a = Float64Array.from({ length: n }, () => Math.round(rng.normal() * q) / q).sort();
      const b = Float64Array.from(
        { length: m },
        () => Math.round((rng.normal() + shift) * q) / q,
      ).sort();
      const seq = mergeWalkSequential(a, b);
      const fast = mergeWalkFast(a, b);
      if (
        !Object.is(fast.maxDiff, seq.maxDiff) ||
        !Object.is(fast.minDiff, seq.minDiff) ||
        !(Math.abs(fast.wasserstein - seq.wasserstein) <= 1e-13 * seq.wasserstein)
      ) {
        mismatches.push(`case ${c}: ${JSON.stringify({ seq, fast })}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('falls back to the sequential walk for infinite values', () => {
    const a = Float64Array.of(-Infinity, 0, 1);
    const b = Float64Array.of(0, 2, Infinity);
    expect(mergeWalk(a, b)).toEqual(mergeWalkSequential(a, b));
    expect(mergeWalk(a, b).wasserstein).toBe(Infinity);
  });
});
