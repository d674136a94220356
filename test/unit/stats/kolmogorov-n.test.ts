import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/lib/contracts/errors';
import { kolmogorovNCdf, kolmogorovNSf } from '../../../src/lib/stats/kolmogorov-n';
import { expectP, loadFixture, relErr } from './fixtures';

const cases = loadFixture<{
  cases: { kstwo: Array<{ n: number; d: number; sf: number; cdf: number }> };
}>('distributions.json').cases.kstwo;

describe('kolmogorovNSf (kstwo)', () => {
  it('matches scipy.stats.kstwo.sf / cdf over every branch of _kolmogn (fixtures)', () => {
    // n from 1 to 2e6 and sqrt(n)·d from 0.3 to 6: Ruben–Gambino, Durbin matrix, Pomeranz,
    // Pelz–Good and 2·smirnov are all exercised.
    expect(cases.length).toBeGreaterThan(100);
    let worst = 0;
    for (const c of cases) {
      const sf = kolmogorovNSf(c.d, c.n);
      const cdf = kolmogorovNCdf(c.d, c.n);
      expectP(sf, c.sf, `kstwo.sf(${c.d}, ${c.n})`);
      expectP(cdf, c.cdf, `kstwo.cdf(${c.d}, ${c.n})`);
      worst = Math.max(worst, relErr(sf, c.sf));
    }
    // Measured worst case: 4e-9 relative (n = 500000, smirnov branch).
    expect(worst).toBeLessThan(1e-7);
  });

  it('support ends and argument checks', () => {
    expect(kolmogorovNSf(0.05, 10)).toBe(1); // d <= 0.5/n
    expect(kolmogorovNSf(1, 10)).toBe(0);
    expect(kolmogorovNCdf(1, 10)).toBe(1);
    expect(() => kolmogorovNSf(0.2, 0)).toThrow(InvalidArgumentError);
    expect(() => kolmogorovNSf(NaN, 5)).toThrow(InvalidArgumentError);
  });
});
