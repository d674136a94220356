import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/lib/contracts/errors';
import { buildProfile } from '../../../src/lib/stats/profile';
import {
  ksDriftTest,
  ksFromProfiles,
  ksFromSorted,
  ksPValue,
  ksTwoSample,
} from '../../../src/lib/stats/ks-two-sample';
import { expectP, expectStat, loadFixture, numericSample, type RawSample } from './fixtures';

interface Case {
  name: string;
  ref: RawSample;
  cur: RawSample;
  n: number;
  m: number;
  method: 'exact' | 'asymp';
  statistic: number;
  pValue: number;
}
const cases = loadFixture<{ cases: Case[] }>('ks-wasserstein.json').cases;

describe('ksTwoSample', () => {
  it('matches scipy.stats.ks_2samp (method auto) on every fixture', () => {
    // Exact path (max(n, m) <= 10000): tiny, ties, one value, constant, up to 10000 x 10000;
    // asymptotic path (kstwo.sf): n > 10000 with small, mid and large current samples.
    expect(cases.filter((c) => c.method === 'exact').length).toBeGreaterThan(10);
    expect(cases.filter((c) => c.method === 'asymp').length).toBeGreaterThan(5);
    for (const c of cases) {
      const r = ksTwoSample(numericSample(c.ref), numericSample(c.cur));
      expectStat(r.statistic, c.statistic, `${c.name} statistic`);
      expectP(r.pValue, c.pValue, `${c.name} p`);
    }
  });

  it('the tiny example of the docs', () => {
    // scipy.stats.ks_2samp([1,2,3,4,5], [3,4,5,6,7,8]) -> (0.5, 0.35714285714285715)
    const r = ksTwoSample([1, 2, 3, 4, 5], [3, 4, 5, 6, 7, 8]);
    expect(r.statistic).toBe(0.5);
    expect(r.pValue).toBeCloseTo(0.35714285714285715, 14);
  });

  it('is symmetric in its two samples', () => {
    const a = numericSample({ seed: 1, n: 40, k: 3 });
    const b = numericSample({ seed: 2, n: 55, k: 3, shift: 0.3 });
    expect(ksTwoSample(a, b)).toEqual(ksTwoSample(b, a));
  });

  it('profile path and sorted path agree with the raw path', () => {
    const a = numericSample({ seed: 3, n: 300, k: 2 });
    const b = numericSample({ seed: 4, n: 200, k: 2, shift: 0.1 });
    const raw = ksTwoSample(a, b);
    expect(ksFromProfiles(buildProfile(a, 'numeric'), buildProfile(b, 'numeric'))).toEqual(raw);
    expect(ksFromSorted(a.slice().sort(), b.slice().sort())).toEqual(raw);
    expect(ksDriftTest.compute(buildProfile(a, 'numeric'), buildProfile(b, 'numeric'))).toBe(
      raw.pValue,
    );
  });

  it('snaps D to the lcm grid on the exact path (as SciPy) and not on the asymptotic one', () => {
    expect(ksPValue(0.30000000000000004, 10, 10).statistic).toBe(0.3);
    expect(ksPValue(0.0123456, 20000, 15000).statistic).toBe(0.0123456);
  });

  it('throws InvalidArgumentError for empty and all-NaN samples', () => {
    expect(() => ksTwoSample([], [1])).toThrow(InvalidArgumentError);
    expect(() => ksTwoSample([1, 2], [NaN, NaN])).toThrow(/^cur = /);
  });
});
