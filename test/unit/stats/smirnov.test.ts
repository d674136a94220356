import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/lib/contracts/errors';
import { smirnovSf } from '../../../src/lib/stats/smirnov';
import { expectP, loadFixture, relErr } from './fixtures';

const cases = loadFixture<{ cases: { smirnov: Array<{ n: number; x: number; sf: number }> } }>(
  'distributions.json',
).cases.smirnov;

describe('smirnovSf', () => {
  it('matches scipy.special.smirnov, n = 1 .. 2e6 (fixtures)', () => {
    for (const c of cases) {
      const got = smirnovSf(c.n, c.x);
      expectP(got, c.sf, `smirnov(${c.n}, ${c.x})`);
      // Log-space terms instead of SciPy's double-double: measured <= 3e-8 relative.
      expect(relErr(got, c.sf), `smirnov(${c.n}, ${c.x})`).toBeLessThan(1e-7);
    }
  });

  it('special cases and argument checks', () => {
    expect(smirnovSf(1, 0.3)).toBeCloseTo(0.7, 15);
    expect(smirnovSf(10, 0)).toBe(1);
    expect(smirnovSf(10, 1)).toBe(0);
    expect(() => smirnovSf(0, 0.5)).toThrow(InvalidArgumentError);
    expect(() => smirnovSf(3.5, 0.5)).toThrow(InvalidArgumentError);
    expect(() => smirnovSf(10, 1.2)).toThrow('x = 1.2: must be in [0, 1]');
  });
});
