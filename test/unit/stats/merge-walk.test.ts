import { describe, expect, it } from 'vitest';
import { mergeWalk, profileMergeWalk } from '../../../src/lib/stats/merge-walk';
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
});
