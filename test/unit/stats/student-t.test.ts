import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/lib/contracts/errors';
import { studentTSf, studentTTwoSidedP } from '../../../src/lib/stats/student-t';
import { expectStat, loadFixture } from './fixtures';

const cases = loadFixture<{ cases: { t: Array<{ t: number; df: number; sf: number }> } }>(
  'distributions.json',
).cases.t;

describe('Student t', () => {
  it('matches scipy.stats.t.sf for integer, fractional and huge df (fixtures)', () => {
    for (const c of cases) expectStat(studentTSf(c.t, c.df), c.sf, `t.sf(${c.t}, ${c.df})`);
  });

  it('is symmetric: sf(-t) = 1 - sf(t); two-sided p = 2 sf(|t|)', () => {
    expect(studentTSf(-1.3, 7) + studentTSf(1.3, 7)).toBeCloseTo(1, 15);
    expect(studentTTwoSidedP(-2, 10)).toBeCloseTo(2 * studentTSf(2, 10), 15);
    expect(studentTTwoSidedP(0, 10)).toBe(1);
    expect(studentTTwoSidedP(Infinity, 10)).toBe(0);
  });

  it('rejects df <= 0 and NaN', () => {
    expect(() => studentTSf(1, 0)).toThrow(InvalidArgumentError);
    expect(() => studentTTwoSidedP(NaN, 3)).toThrow(InvalidArgumentError);
  });
});
