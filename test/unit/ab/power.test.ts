import { describe, expect, it } from 'vitest';
import { plannedSampleSize, sampleSizeTwoMeans } from '../../../src/lib/ab/power';
import { sampleSizeTwoProportions } from '../../../src/lib/stats';
import { abLib } from './fixtures';

describe('sampleSizeTwoMeans', () => {
  it.each(abLib.meansSampleSize)(
    'matches statsmodels NormalIndPower.solve_power(d=$d, alpha=$alpha, power=$power)',
    (c) => {
      // statsmodels solves with brentq to ~1e-8 relative; compare at 1e-6 relative.
      expect(sampleSizeTwoMeans(c.d, 1, { alpha: c.alpha, power: c.power })).toBeCloseTo(
        c.n,
        Math.max(0, 6 - Math.ceil(Math.log10(c.n))),
      );
    },
  );

  it('scales with the effect in sd units and ignores the sign', () => {
    const a = sampleSizeTwoMeans(2, 4, { alpha: 0.05, power: 0.8 });
    expect(a).toBeCloseTo(sampleSizeTwoMeans(-0.5, 1, { alpha: 0.05, power: 0.8 }), 8);
  });

  it('rejects a zero difference or bad levels', () => {
    expect(() => sampleSizeTwoMeans(0, 1, { alpha: 0.05, power: 0.8 })).toThrow('mde = 0');
    expect(() => sampleSizeTwoMeans(1, 0, { alpha: 0.05, power: 0.8 })).toThrow('sd = 0');
    expect(() => sampleSizeTwoMeans(1, 1, { alpha: 0.05, power: 1 })).toThrow('options.power');
  });
});

describe('plannedSampleSize', () => {
  it('rounds the per-arm size up and scales the total by the smallest arm', () => {
    const raw = sampleSizeTwoProportions(0.1, 0.12, { alpha: 0.05, power: 0.8 });
    expect(
      plannedSampleSize(
        { kind: 'conversion', baseline: 0.1, mde: 0.02 },
        { alpha: 0.05, power: 0.8 },
      ),
    ).toEqual({ perArm: Math.ceil(raw), total: 2 * Math.ceil(raw) });
    const uneven = plannedSampleSize(
      { kind: 'mean', sd: 1, mde: 0.5 },
      { alpha: 0.05, power: 0.8 },
      [0.8, 0.2],
    );
    expect(uneven).toEqual({ perArm: 63, total: Math.ceil(63 / 0.2) });
  });
});
