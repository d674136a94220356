import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/lib/contracts/errors';
import { kolmogorovCdf, kolmogorovSf } from '../../../src/lib/stats/kolmogorov';
import { expectStat, loadFixture } from './fixtures';

const cases = loadFixture<{
  cases: { kolmogorov: Array<{ x: number; sf: number; cdf: number }> };
}>('distributions.json').cases.kolmogorov;

describe('Kolmogorov (kstwobign)', () => {
  it('matches scipy.special.kolmogorov and kstwobign.cdf on both series (fixtures)', () => {
    for (const c of cases) {
      expectStat(kolmogorovSf(c.x), c.sf, `kolmogorov(${c.x})`);
      expectStat(kolmogorovCdf(c.x), c.cdf, `kstwobign.cdf(${c.x})`);
    }
  });

  it('cdf + sf = 1 and the ends', () => {
    expect(kolmogorovCdf(0.9) + kolmogorovSf(0.9)).toBeCloseTo(1, 15);
    expect(kolmogorovSf(0)).toBe(1);
    expect(kolmogorovSf(40)).toBe(0);
    expect(() => kolmogorovSf(NaN)).toThrow(InvalidArgumentError);
  });
});
