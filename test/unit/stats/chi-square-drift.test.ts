import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/lib/contracts/errors';
import {
  chiSquareDrift,
  chiSquareDriftTest,
  isNumericSample,
} from '../../../src/lib/stats/chi-square-drift';
import type { ColumnKind } from '../../../src/lib/stats/profile';
import {
  categoricalSample,
  expectP,
  expectStat,
  loadFixture,
  numericSample,
  type RawSample,
} from './fixtures';

interface Case {
  name: string;
  kind: ColumnKind;
  ref: RawSample;
  cur: RawSample;
  chisquare: { statistic: number; pValue: number };
}
const cases = loadFixture<{ cases: Case[] }>('binned-drift.json').cases;

describe('chiSquareDrift', () => {
  it('matches scipy.stats.chisquare(observed cur, expected ref·n_cur/n_ref) (fixtures)', () => {
    for (const c of cases) {
      const s = c.kind === 'numeric' ? numericSample : categoricalSample;
      const r = chiSquareDrift(s(c.ref), s(c.cur));
      expectStat(r.statistic, c.chisquare.statistic, `${c.name} statistic`);
      expectP(r.pValue, c.chisquare.pValue, `${c.name} p`);
    }
  });

  it('a category unseen in ref gives statistic Infinity and p 0 (as SciPy)', () => {
    expect(chiSquareDrift(['a', 'b'], ['a', 'c'])).toEqual({ statistic: Infinity, pValue: 0 });
  });

  it('a single shared category gives p = 1 (SciPy: NaN with 0 degrees of freedom)', () => {
    expect(chiSquareDrift(['x', 'x'], ['x'])).toEqual({ statistic: 0, pValue: 1 });
  });

  it('detects numeric samples; descriptor; bad input', () => {
    expect(isNumericSample(Float64Array.of(1))).toBe(true);
    expect(isNumericSample([null as unknown as number, 2])).toBe(true);
    expect(isNumericSample(['1'])).toBe(false);
    expect(chiSquareDriftTest).toMatchObject({ defaultThreshold: 0.05, direction: 'below' });
    expect(() => chiSquareDrift([], ['a'])).toThrow(InvalidArgumentError);
  });
});
