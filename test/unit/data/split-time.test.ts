import { describe, expect, it } from 'vitest';
import type { SplitSpec } from '../../../src/lib/contracts/entities';
import { DataError, InvalidArgumentError } from '../../../src/lib/contracts/errors';
import { splitSizes } from '../../../src/lib/data/split';
import { timeOrderedSplit } from '../../../src/lib/data/split-time';
import { createRng } from '../../../src/lib/stats/rng';

const spec = (over: Partial<SplitSpec> = {}): SplitSpec => ({
  seed: 1,
  train: 0.7,
  validation: 0.15,
  test: 0.15,
  stratify: false,
  method: 'time',
  timeColumn: 'when',
  ...over,
});

const max = (times: Float64Array, rows: Int32Array) =>
  Math.max(...Array.from(rows, (r) => times[r]!));
const min = (times: Float64Array, rows: Int32Array) =>
  Math.min(...Array.from(rows, (r) => times[r]!));

describe('timeOrderedSplit', () => {
  it('puts the earliest rows in train, then validation, then test', () => {
    const times = Float64Array.from([5, 1, 4, 2, 3]);
    expect(timeOrderedSplit(times, spec({ train: 0.6, validation: 0.2, test: 0.2 }))).toEqual({
      train: Int32Array.from([1, 3, 4]),
      validation: Int32Array.from([2]),
      test: Int32Array.from([0]),
      excluded: new Int32Array(0),
    });
  });

  it('respects time order, is disjoint and covering, with the splitRows sizes, on random times', () => {
    const rng = createRng(3);
    for (const n of [1, 2, 3, 10, 99, 500]) {
      // Few distinct values, so many ties.
      const times = Float64Array.from({ length: n }, () => 1.6e12 + rng.int(40) * 3_600_000);
      const s = timeOrderedSplit(times, spec());
      const all = [...s.train, ...s.validation, ...s.test].sort((a, b) => a - b);
      expect(all).toEqual(Array.from({ length: n }, (_, i) => i));
      expect([s.train.length, s.validation.length, s.test.length]).toEqual(splitSizes(n, spec()));
      if (s.validation.length > 0)
        expect(max(times, s.train)).toBeLessThanOrEqual(min(times, s.validation));
      if (s.test.length > 0) {
        const before = s.validation.length > 0 ? s.validation : s.train;
        expect(max(times, before)).toBeLessThanOrEqual(min(times, s.test));
      }
      for (const part of [s.train, s.validation, s.test]) {
        expect(Array.from(part)).toEqual(Array.from(part).sort((a, b) => a - b));
      }
    }
  });

  it('breaks ties by row index, so equal times split deterministically; the seed is not used', () => {
    const times = new Float64Array(10).fill(7);
    const s = timeOrderedSplit(times, spec({ train: 0.6, validation: 0.2, test: 0.2 }));
    expect(Array.from(s.train)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(Array.from(s.validation)).toEqual([6, 7]);
    expect(Array.from(s.test)).toEqual([8, 9]);
    expect(
      timeOrderedSplit(times, spec({ seed: 99, train: 0.6, validation: 0.2, test: 0.2 })),
    ).toEqual(s);
  });

  it('splits only the given rows', () => {
    const times = Float64Array.from({ length: 20 }, (_, i) => 100 - i);
    const rows = [0, 2, 4, 6, 8, 10, 12, 14, 16, 18];
    const s = timeOrderedSplit(times, spec({ train: 0.8, validation: 0.1, test: 0.1 }), rows);
    expect(Array.from(s.test)).toEqual([0]); // the latest time among the rows
    expect(Array.from(s.validation)).toEqual([2]);
    expect(Array.from(s.train)).toEqual(rows.slice(2));
  });

  it('refuses rows without a time by default, naming how many and the column', () => {
    const times = Float64Array.from([1, NaN, 3, NaN, 5]);
    const call = () => timeOrderedSplit(times, spec());
    expect(call).toThrow(DataError);
    expect(call).toThrow(/^2 of 5 rows have no value in `when`/);
    try {
      call();
    } catch (e) {
      expect((e as DataError).location).toEqual({ column: 'when' });
    }
    // Rows outside `rows` do not count.
    expect(timeOrderedSplit(times, spec(), [0, 2, 4]).excluded).toHaveLength(0);
  });

  it('with missing: exclude, leaves rows without a time out and reports them', () => {
    const times = Float64Array.from([4, NaN, 3, 2, NaN, 1, Infinity]);
    const s = timeOrderedSplit(
      times,
      spec({ train: 0.5, validation: 0.25, test: 0.25 }),
      undefined,
      {
        missing: 'exclude',
      },
    );
    expect(Array.from(s.excluded)).toEqual([1, 4, 6]);
    expect(Array.from(s.train)).toEqual([3, 5]);
    expect(Array.from(s.validation)).toEqual([2]);
    expect(Array.from(s.test)).toEqual([0]);
  });

  it('rejects bad fractions and rows outside the table', () => {
    const times = Float64Array.from([1, 2, 3]);
    expect(() => timeOrderedSplit(times, spec({ test: -1 }))).toThrow(InvalidArgumentError);
    expect(() => timeOrderedSplit(times, spec(), [3])).toThrow(/rows = 3: must be in 0..2/);
    expect(timeOrderedSplit(new Float64Array(0), spec())).toEqual({
      train: new Int32Array(0),
      validation: new Int32Array(0),
      test: new Int32Array(0),
      excluded: new Int32Array(0),
    });
  });
});
