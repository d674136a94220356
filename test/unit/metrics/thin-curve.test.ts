import { describe, expect, it } from 'vitest';
import { thinCurve, thinIndices } from '../../../src/lib/metrics/thin-curve';

describe('thinIndices / thinCurve', () => {
  it('keeps everything when short enough, else evenly spaced points with both ends', () => {
    expect(thinIndices(3, 5)).toEqual([0, 1, 2]);
    expect(thinIndices(5, 3)).toEqual([0, 2, 4]);
    const idx = thinIndices(10_001, 1000);
    expect(idx).toHaveLength(1000);
    expect([idx[0], idx[idx.length - 1]]).toEqual([0, 10_000]);
  });

  it('thins all arrays alike; a one-shorter thresholds array keeps its chosen indices', () => {
    expect(thinCurve({ x: [0, 1, 2, 3, 4], t: [9, 8, 7, 6] }, 3)).toEqual({
      x: [0, 2, 4],
      t: [9, 7],
    });
  });

  it('rejects maxPoints < 2', () => {
    expect(() => thinIndices(5, 1)).toThrow(/maxPoints/);
  });
});
