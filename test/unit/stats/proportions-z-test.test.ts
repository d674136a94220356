import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/lib/contracts/errors';
import { proportionsZTest, Z_975 } from '../../../src/lib/stats/proportions-z-test';
import { ab } from './ab-fixtures';
import { expectP, expectStat } from './fixtures';

describe('proportionsZTest', () => {
  it('matches statsmodels proportions_ztest([xB, xA], [nB, nA]) and the unpooled Wald CI', () => {
    for (const c of ab.proportions) {
      const r = proportionsZTest(c.xA, c.nA, c.xB, c.nB);
      const what = `${c.xA}/${c.nA} vs ${c.xB}/${c.nB}`;
      if (Number.isNaN(c.z)) {
        // statsmodels: 0/0 -> NaN; documented here as z = 0, p = 1.
        expect(r.z).toBe(0);
        expect(r.pValue).toBe(1);
      } else {
        expectStat(r.z, c.z, `${what} z`);
        expectP(r.pValue, c.pValue, `${what} p`);
      }
      expectStat(r.diff, c.diff, `${what} diff`);
      expectStat(r.ci95[0], c.ci95[0], `${what} ci low`);
      expectStat(r.ci95[1], c.ci95[1], `${what} ci high`);
    }
  });

  it('is antisymmetric in the arms; z_0.975 is scipy.stats.norm.ppf(0.975)', () => {
    const ab1 = proportionsZTest(100, 1000, 130, 1000);
    const ba = proportionsZTest(130, 1000, 100, 1000);
    expect(ba.z).toBeCloseTo(-ab1.z, 14);
    expect(ba.pValue).toBeCloseTo(ab1.pValue, 14);
    expect(Z_975).toBeCloseTo(1.959963984540054, 14);
  });

  it('rejects negative, fractional and impossible counts', () => {
    expect(() => proportionsZTest(-1, 10, 1, 10)).toThrow(
      'xA = -1: must be a non-negative integer count',
    );
    expect(() => proportionsZTest(1, 10, 1.5, 10)).toThrow(InvalidArgumentError);
    expect(() => proportionsZTest(11, 10, 1, 10)).toThrow('xA = 11: cannot exceed nA = 10');
    expect(() => proportionsZTest(0, 0, 1, 10)).toThrow('nA = 0: must be at least 1');
  });
});
