import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/lib/contracts/errors';
import {
  jensenShannonDistance,
  jensenShannonDriftTest,
  jensenShannonOfVectors,
} from '../../../src/lib/stats/jensen-shannon';
import type { ColumnKind } from '../../../src/lib/stats/profile';
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
  jensenshannon: number;
}
const cases = loadFixture<{ cases: Case[] }>('binned-drift.json').cases;

describe('jensenShannonDistance', () => {
  it('matches scipy.spatial.distance.jensenshannon over Evidently bins (fixtures)', () => {
    for (const c of cases) {
      const s = c.kind === 'numeric' ? numericSample : categoricalSample;
      expectStat(jensenShannonDistance(s(c.ref), s(c.cur), c.kind), c.jensenshannon, c.name);
    }
  });

  it('vector form: scipy examples and symmetry', () => {
    // scipy.spatial.distance.jensenshannon([1, 0], [0, 1]) -> 0.8325546111576977 (sqrt(ln 2))
    expect(jensenShannonOfVectors(Float64Array.of(1, 0), Float64Array.of(0, 1))).toBeCloseTo(
      0.8325546111576977,
      15,
    );
    const p = Float64Array.of(0.2, 0.3, 0.5);
    const q = Float64Array.of(0.1, 0.6, 0.3);
    expect(jensenShannonOfVectors(p, q)).toBeCloseTo(jensenShannonOfVectors(q, p), 15);
    expect(jensenShannonOfVectors(p, p)).toBe(0);
  });

  it('descriptor and bad input', () => {
    expect(jensenShannonDriftTest.kinds).toEqual(['numeric', 'categorical']);
    expect(() => jensenShannonDistance([], [1], 'numeric')).toThrow(InvalidArgumentError);
  });
});
