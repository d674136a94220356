import { describe, expect, it } from 'vitest';
import { srmTest, SRM_THRESHOLD } from '../../../src/lib/ab/srm';
import { sampleRatioMismatch } from '../../../src/lib/stats';
import { abLib } from './fixtures';

describe('srmTest', () => {
  it.each(abLib.srm)('matches scipy.stats.chisquare for $counts vs $weights', (c) => {
    const r = srmTest(c.counts, c.weights);
    expect(r.chi2).toBeCloseTo(c.chi2, 9);
    expect(r.pValue).toBeCloseTo(c.pValue, 12);
    expect(r.mismatch).toBe(c.pValue < 0.001);
  });

  it('equals the two-arm sampleRatioMismatch of the stats library', () => {
    for (const [a, b, w] of [
      [5000, 5200, 0.5],
      [810, 190, 0.8],
      [40, 60, 0.3],
    ] as const) {
      const k = srmTest([a, b], [w, 1 - w]);
      const two = sampleRatioMismatch(a, b, w);
      expect(k.chi2).toBeCloseTo(two.chi2, 10);
      expect(k.pValue).toBeCloseTo(two.pValue, 12);
    }
  });

  it('fires on a broken split at the GrowthBook threshold 0.001 and not on a healthy one', () => {
    expect(SRM_THRESHOLD).toBe(0.001);
    // 10% of B's units lost (a logging bug): 5000 vs 4500 of an intended 50/50.
    expect(srmTest([5000, 4500], [0.5, 0.5]).mismatch).toBe(true);
    expect(srmTest([5000, 4950], [0.5, 0.5]).mismatch).toBe(false);
  });

  it('rejects bad counts', () => {
    expect(() => srmTest([0, 0], [0.5, 0.5])).toThrow(/no units observed/);
    expect(() => srmTest([1, 2, 3], [0.5, 0.5])).toThrow(/one count per arm/);
    expect(() => srmTest([1.5, 2], [0.5, 0.5])).toThrow('counts[0] = 1.5');
  });
});
