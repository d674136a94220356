import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/lib/contracts/errors';
import { welchFromStats, welchTTest } from '../../../src/lib/stats/welch-t-test';
import { ab } from './ab-fixtures';
import { expectP, expectStat, numericSample } from './fixtures';

describe('welchTTest', () => {
  it('matches scipy.stats.ttest_ind(b, a, equal_var=False) with Welch–Satterthwaite df', () => {
    for (const c of ab.welch) {
      const r = welchTTest(numericSample(c.a), numericSample(c.b));
      expectStat(r.t, c.t, 't');
      expectStat(r.df, c.df, 'df');
      expectStat(r.diff, c.diff, 'diff');
      expectP(r.pValue, c.pValue, 'p');
    }
  });

  it('swapping the arms flips t and diff', () => {
    const x = [1, 2, 3, 4];
    const y = [2, 4, 6, 8];
    const r = welchTTest(x, y);
    const s = welchTTest(y, x);
    expect(s.t).toBeCloseTo(-r.t, 14);
    expect(s.diff).toBeCloseTo(-r.diff, 14);
    expect(s.pValue).toBeCloseTo(r.pValue, 14);
    expect(
      welchFromStats({ mean: 2.5, variance: 5 / 3, n: 4 }, { mean: 5, variance: 20 / 3, n: 4 }).t,
    ).toBeCloseTo(r.t, 14);
  });

  it('rejects arms with fewer than 2 values and two constant arms', () => {
    expect(() => welchTTest([1], [1, 2])).toThrow(
      'a = [1]: needs at least 2 values for a variance',
    );
    expect(() => welchTTest([NaN, NaN], [1, 2])).toThrow(InvalidArgumentError);
    expect(() => welchTTest([3, 3], [4, 4])).toThrow(/both samples are constant/);
  });
});
