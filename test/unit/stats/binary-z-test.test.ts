import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/lib/contracts/errors';
import { binaryZDriftTest, binaryZTest } from '../../../src/lib/stats/binary-z-test';
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
  z: { statistic: number; pValue: number };
}
const cases = loadFixture<{ cases: Case[] }>('binned-drift.json').cases;

describe('binaryZTest', () => {
  it("matches Evidently's pooled z on 'value != first sorted category' (fixtures)", () => {
    for (const c of cases) {
      const s = c.kind === 'numeric' ? numericSample : categoricalSample;
      const r = binaryZTest(s(c.ref), s(c.cur));
      expectStat(r.statistic, c.z.statistic, `${c.name} z`);
      expectP(r.pValue, c.z.pValue, `${c.name} p`);
    }
  });

  it('flips sign when the samples swap; same constant in both gives p = 1', () => {
    const a = ['a', 'a', 'a', 'b'];
    const b = ['a', 'b', 'b', 'b'];
    expect(binaryZTest(a, b).statistic).toBeCloseTo(-binaryZTest(b, a).statistic, 15);
    expect(binaryZTest(a, b).pValue).toBeCloseTo(binaryZTest(b, a).pValue, 15);
    expect(binaryZTest([true, true] as unknown as string[], ['true'])).toEqual({
      statistic: 0,
      pValue: 1,
    });
  });

  it('descriptor and bad input', () => {
    expect(binaryZDriftTest).toMatchObject({ name: 'z', direction: 'below' });
    expect(() => binaryZTest(['a'], [null as unknown as string])).toThrow(InvalidArgumentError);
  });
});
