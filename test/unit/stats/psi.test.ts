import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/lib/contracts/errors';
import { buildProfile, type ColumnKind } from '../../../src/lib/stats/profile';
import { psi, psiDriftTest, psiFromProfiles } from '../../../src/lib/stats/psi';
import {
  categoricalSample,
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
  psi: number;
}
const cases = loadFixture<{ cases: Case[] }>('binned-drift.json').cases;

describe('psi', () => {
  it("matches Evidently's PSI computed in NumPy as STATS.md defines it (fixtures)", () => {
    // Covers continuous, > 20 and <= 20 unique values, constant, one value, NaN, unseen
    // categories in either sample, tiny shares (m/1e6 fill).
    for (const c of cases) {
      const s = c.kind === 'numeric' ? numericSample : categoricalSample;
      expectStat(psi(s(c.ref), s(c.cur), c.kind), c.psi, c.name);
    }
  });

  it('is symmetric and zero for identical distributions', () => {
    // (r - c) ln(r/c) is symmetric in r and c
    const a = ['a', 'a', 'b'];
    const b = ['a', 'b', 'b', 'c'];
    expect(psi(a, b, 'categorical')).toBeCloseTo(psi(b, a, 'categorical'), 14);
    expect(psi([1, 2, 3], [3, 2, 1], 'numeric')).toBe(0);
  });

  it('profile path equals the raw path; descriptor', () => {
    const a = numericSample({ seed: 1, n: 300, k: 3 });
    const b = numericSample({ seed: 2, n: 300, k: 3, shift: 0.3 });
    expect(psiFromProfiles(buildProfile(a, 'numeric'), buildProfile(b, 'numeric'))).toBe(
      psi(a, b, 'numeric'),
    );
    expect(psiDriftTest).toMatchObject({
      name: 'psi',
      defaultThreshold: 0.1,
      direction: 'at-or-above',
    });
  });

  it('throws for an all-missing sample', () => {
    expect(() => psi(['', ''], ['a'], 'categorical')).toThrow(InvalidArgumentError);
  });
});
