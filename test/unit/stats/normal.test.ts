import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/lib/contracts/errors';
import { normalCdf, normalPpf, normalSf, normalTwoSidedP } from '../../../src/lib/stats/normal';
import { expectP, expectStat, loadFixture } from './fixtures';

interface Case {
  x?: number;
  cdf?: number;
  sf?: number;
  p?: number;
  ppf?: number;
}
const cases = loadFixture<{ cases: { normal: Case[] } }>('distributions.json').cases.normal;

describe('normal distribution', () => {
  it('matches scipy.stats.norm.cdf / sf / ppf (fixtures)', () => {
    for (const c of cases) {
      if (c.x !== undefined) {
        // scipy.stats.norm.cdf(x), norm.sf(x)
        expectStat(normalCdf(c.x), c.cdf!, `cdf(${c.x})`);
        expectStat(normalSf(c.x), c.sf!, `sf(${c.x})`);
      } else {
        // scipy.stats.norm.ppf(p)
        expectStat(normalPpf(c.p!), c.ppf!, `ppf(${c.p})`);
      }
    }
  });

  it('ppf inverts cdf, and cdf + sf = 1', () => {
    for (const x of [-4, -1, 0, 0.7, 2.5]) {
      expect(normalPpf(normalCdf(x))).toBeCloseTo(x, 12);
      expect(normalCdf(x) + normalSf(x)).toBeCloseTo(1, 15);
    }
  });

  it('two-sided p', () => {
    // 2 * scipy.stats.norm.sf(1.959963984540054) -> 0.05
    expectP(normalTwoSidedP(-1.959963984540054), 0.05);
    expect(normalTwoSidedP(0)).toBe(1);
  });

  it('rejects NaN and probabilities outside [0, 1]', () => {
    expect(() => normalCdf(NaN)).toThrow(InvalidArgumentError);
    expect(() => normalPpf(1.5)).toThrow('p = 1.5: must be in [0, 1]');
    expect(normalPpf(0)).toBe(-Infinity);
    expect(normalPpf(1)).toBe(Infinity);
  });
});
