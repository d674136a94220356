import { describe, expect, it } from 'vitest';
import {
  bootstrapSettings,
  drawResample,
  percentileInterval,
  quantileSorted,
} from '../../../src/lib/metrics/resample';
import { createRng } from '../../../src/lib/stats/rng';

describe('drawResample', () => {
  it('draws indices in range, reproducibly per seed', () => {
    const a = drawResample(7, createRng(1), new Int32Array(1000));
    const b = drawResample(7, createRng(1), new Int32Array(1000));
    expect(a).toEqual(b);
    expect(Math.min(...a)).toBe(0);
    expect(Math.max(...a)).toBe(6);
  });

  it('is uniform: each of 10 rows drawn about 10% of the time', () => {
    const counts = new Array<number>(10).fill(0);
    for (const i of drawResample(10, createRng(9), new Int32Array(100_000))) counts[i]!++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
  });
});

describe('quantileSorted', () => {
  // np.percentile([1, 2, 3, 4], [2.5, 50, 97.5]) -> [1.075, 2.5, 3.925]
  it('interpolates linearly like numpy', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.025)).toBeCloseTo(1.075, 14);
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4], 0.975)).toBeCloseTo(3.925, 14);
    expect(quantileSorted([5], 0.3)).toBe(5);
    expect(quantileSorted([], 0.3)).toBeNaN();
  });
});

describe('percentileInterval', () => {
  it('ignores and counts non-finite replicates', () => {
    expect(percentileInterval(Float64Array.of(3, 1, NaN, 2), 0.5)).toEqual({
      low: 1.5,
      high: 2.5,
      skipped: 1,
    });
  });
});

describe('bootstrapSettings', () => {
  it('fills defaults and rejects bad values', () => {
    const rng = createRng(1);
    expect(bootstrapSettings({ rng })).toEqual({ iterations: 1000, level: 0.95 });
    expect(() => bootstrapSettings({ rng, iterations: 1.5 })).toThrow(/iterations/);
    expect(() => bootstrapSettings({ rng, level: 0 })).toThrow(/level/);
  });
});
