import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/lib/contracts/errors';
import { chiSquareSf } from '../../../src/lib/stats/chi-square-distribution';
import { expectStat, loadFixture } from './fixtures';

const cases = loadFixture<{ cases: { chi2: Array<{ x: number; df: number; sf: number }> } }>(
  'distributions.json',
).cases.chi2;

describe('chiSquareSf', () => {
  it('matches scipy.stats.chi2.sf, including df up to 1e6 (fixtures)', () => {
    // Tolerance: 1e-9 relative, the statistics tolerance, although these are p-values.
    for (const c of cases) expectStat(chiSquareSf(c.x, c.df), c.sf, `chi2.sf(${c.x}, ${c.df})`);
  });

  it('is continuous where it switches to the large-df method (a = 500)', () => {
    const below = chiSquareSf(1000, 999.9999999);
    const above = chiSquareSf(1000, 1000.0000001);
    expect(Math.abs(below - above)).toBeLessThan(1e-8);
  });

  it('handles the ends and rejects bad arguments', () => {
    expect(chiSquareSf(0, 3)).toBe(1);
    expect(chiSquareSf(Infinity, 3)).toBe(0);
    expect(() => chiSquareSf(1, 0)).toThrow(InvalidArgumentError);
    expect(() => chiSquareSf(NaN, 1)).toThrow(InvalidArgumentError);
  });
});
