import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/lib/contracts/errors';
import { sampleRatioMismatch } from '../../../src/lib/stats/sample-ratio-mismatch';
import { ab } from './ab-fixtures';
import { expectP, expectStat } from './fixtures';

describe('sampleRatioMismatch', () => {
  it('matches scipy.stats.chisquare([nA, nB], [N·split, N·(1 − split)])', () => {
    for (const c of ab.srm) {
      const r = sampleRatioMismatch(c.nA, c.nB, c.splitA);
      expectStat(r.chi2, c.chi2, `${c.nA}/${c.nB}`);
      expectP(r.pValue, c.pValue, `${c.nA}/${c.nB}`);
      expect(r.mismatch).toBe(c.pValue < 0.001);
    }
  });

  it('flags at p < 0.001 by default, or at a chosen alpha', () => {
    // scipy.stats.chisquare([49000, 51500]) -> p ≈ 2.5e-15
    expect(sampleRatioMismatch(49000, 51500, 0.5).mismatch).toBe(true);
    expect(sampleRatioMismatch(5000, 5200, 0.5).mismatch).toBe(false);
    expect(sampleRatioMismatch(5000, 5200, 0.5, { alpha: 0.05 }).mismatch).toBe(true);
  });

  it('rejects negative counts, splits outside (0, 1) and no units', () => {
    expect(() => sampleRatioMismatch(-3, 5, 0.5)).toThrow(
      'nA = -3: must be a non-negative integer count',
    );
    expect(() => sampleRatioMismatch(3, 5, 1)).toThrow(
      'splitA = 1: must be strictly between 0 and 1',
    );
    expect(() => sampleRatioMismatch(3, 5, 0)).toThrow(InvalidArgumentError);
    expect(() => sampleRatioMismatch(3, 5, NaN)).toThrow(InvalidArgumentError);
    expect(() => sampleRatioMismatch(0, 0, 0.5)).toThrow(/no units observed/);
  });
});
