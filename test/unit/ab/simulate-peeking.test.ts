import { describe, expect, it } from 'vitest';
import { simulatePeeking } from '../../../src/lib/ab/simulate-peeking';

describe('simulatePeeking', () => {
  // The same setting as test/unit/stats/sequential-test.test.ts "peeking".
  const aa = simulatePeeking({
    experiments: 2000,
    looks: 20,
    batch: 250,
    rateA: 0.1,
    rateB: 0.1,
    alpha: 0.05,
    seed: 2024,
  });
  const mcError = 3 * Math.sqrt((0.05 * 0.95) / 2000);

  it('A/A: naive peeking inflates false positives; sequential holds alpha', () => {
    expect(aa.naiveRejectRate).toBeGreaterThan(0.15);
    expect(aa.sequentialRejectRate).toBeLessThanOrEqual(0.05 + mcError);
    // One look at the planned end is a valid fixed-horizon test: about alpha.
    expect(Math.abs(aa.fixedHorizonRejectRate - 0.05)).toBeLessThanOrEqual(mcError);
  });

  it('cumulative rates by look are non-decreasing and end at the totals', () => {
    expect(aa.byLook).toHaveLength(20);
    for (let k = 1; k < 20; k++) {
      expect(aa.byLook[k]!.naive).toBeGreaterThanOrEqual(aa.byLook[k - 1]!.naive);
      expect(aa.byLook[k]!.sequential).toBeGreaterThanOrEqual(aa.byLook[k - 1]!.sequential);
    }
    expect(aa.byLook.at(-1)).toEqual({
      look: 20,
      naive: aa.naiveRejectRate,
      sequential: aa.sequentialRejectRate,
    });
  });

  it('A/B with a real difference: both detect it; same seed, same numbers', () => {
    const opts = {
      experiments: 200,
      looks: 10,
      batch: 500,
      rateA: 0.1,
      rateB: 0.14,
      alpha: 0.05,
      seed: 9,
    };
    const ab = simulatePeeking(opts);
    expect(ab.sequentialRejectRate).toBeGreaterThan(0.8);
    expect(ab.naiveRejectRate).toBeGreaterThanOrEqual(ab.sequentialRejectRate);
    expect(simulatePeeking(opts)).toEqual(ab);
  });

  it('rejects out-of-range options', () => {
    const base = {
      experiments: 10,
      looks: 5,
      batch: 10,
      rateA: 0.1,
      rateB: 0.1,
      alpha: 0.05,
      seed: 1,
    };
    expect(() => simulatePeeking({ ...base, looks: 0 })).toThrow('looks = 0');
    expect(() => simulatePeeking({ ...base, rateB: 1 })).toThrow('rateB = 1');
    expect(() => simulatePeeking({ ...base, experiments: 100_000, batch: 100_000 })).toThrow(
      /too large/,
    );
  });
});
