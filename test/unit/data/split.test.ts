import { describe, expect, it } from 'vitest';
import type { SplitSpec } from '../../../src/lib/contracts/entities';
import { InvalidArgumentError } from '../../../src/lib/contracts/errors';
import { splitRows, splitSizes } from '../../../src/lib/data/split';

const spec = (over: Partial<SplitSpec> = {}): SplitSpec => ({
  seed: 42,
  train: 0.7,
  validation: 0.15,
  test: 0.15,
  stratify: false,
  ...over,
});

const all = (s: ReturnType<typeof splitRows>) =>
  [...s.train, ...s.validation, ...s.test].sort((a, b) => a - b);

describe('splitRows', () => {
  it('is deterministic per seed and differs between seeds', () => {
    const a = splitRows(100, spec());
    const b = splitRows(100, spec());
    const c = splitRows(100, spec({ seed: 43 }));
    expect(a).toEqual(b);
    expect(Array.from(a.test)).not.toEqual(Array.from(c.test));
  });

  it('parts are disjoint, ascending and cover every row; sizes follow the rounding rule', () => {
    for (const n of [1, 2, 3, 7, 10, 99, 344]) {
      const s = splitRows(n, spec());
      expect(all(s)).toEqual(Array.from({ length: n }, (_, i) => i));
      expect(s.test.length).toBe(n === 1 ? 0 : Math.round(n * 0.15));
      for (const part of [s.train, s.validation, s.test]) {
        expect(Array.from(part)).toEqual(Array.from(part).sort((x, y) => x - y));
      }
      expect(s.train.length).toBeGreaterThanOrEqual(1);
    }
  });

  it('normalises fractions that do not sum to 1', () => {
    const s = splitRows(100, spec({ train: 2, validation: 1, test: 1 }));
    expect([s.train.length, s.validation.length, s.test.length]).toEqual([50, 25, 25]);
  });

  it('splits only the given rows', () => {
    const rows = [0, 2, 4, 6, 8, 10, 12, 14, 16, 18];
    const s = splitRows(20, spec(), undefined, rows);
    expect(all(s)).toEqual(rows);
  });

  it('stratifies: each class is split in proportion', () => {
    // 3 classes of 200, 100 and 20 rows.
    const strata = Int32Array.from({ length: 320 }, (_, i) => (i < 200 ? 0 : i < 300 ? 1 : 2));
    const s = splitRows(320, spec({ stratify: true }), strata);
    expect(all(s)).toHaveLength(320);
    const count = (part: Int32Array, k: number) => part.filter((r) => strata[r] === k).length;
    expect([0, 1, 2].map((k) => count(s.test, k))).toEqual([30, 15, 3]);
    expect([0, 1, 2].map((k) => count(s.validation, k))).toEqual([30, 15, 3]);
  });

  it('stratified: every class with ≥ 2 rows gets a test row, and keeps a train row', () => {
    const strata = Int32Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 2]);
    const s = splitRows(13, spec({ stratify: true }), strata);
    const testClasses = new Set(Array.from(s.test, (r) => strata[r]));
    expect(testClasses.has(1)).toBe(true);
    expect(testClasses.has(2)).toBe(false);
    const trainClasses = new Set(Array.from(s.train, (r) => strata[r]));
    expect([...trainClasses].sort()).toEqual([0, 1, 2]);
  });

  it('stratified split is deterministic and ignores strata outside the given rows', () => {
    const strata = Int32Array.from({ length: 50 }, (_, i) => (i % 5 === 0 ? -1 : i % 2));
    const rows = Array.from({ length: 50 }, (_, i) => i).filter((i) => strata[i] !== -1);
    const a = splitRows(50, spec({ stratify: true }), strata, rows);
    expect(a).toEqual(splitRows(50, spec({ stratify: true }), strata, rows));
    expect(all(a)).toEqual(rows);
  });

  it('rejects bad fractions, wrong strata length and out-of-range rows', () => {
    expect(() => splitRows(10, spec({ test: -0.1 }))).toThrow(InvalidArgumentError);
    expect(() => splitRows(10, spec({ train: 0, validation: 0, test: 0 }))).toThrow(/all be 0/);
    expect(() => splitRows(10, spec({ stratify: true }), new Int32Array(3))).toThrow(/strata/);
    expect(() => splitRows(10, spec(), undefined, [10])).toThrow(/rows/);
  });
});

describe('SplitSpec.method', () => {
  const strata = Int32Array.from({ length: 320 }, (_, i) => (i < 200 ? 0 : i < 300 ? 1 : 2));

  it('absent: stratify decides, as before the field existed', () => {
    expect(splitRows(320, spec({ stratify: true }), strata)).toEqual(
      splitRows(320, spec({ stratify: true, method: 'stratified' }), strata),
    );
    expect(splitRows(320, spec(), strata)).toEqual(
      splitRows(320, spec({ method: 'random' }), strata),
    );
  });

  it('takes precedence over stratify', () => {
    const count = (part: Int32Array, k: number) => part.filter((r) => strata[r] === k).length;
    const stratified = splitRows(320, spec({ stratify: false, method: 'stratified' }), strata);
    expect([0, 1, 2].map((k) => count(stratified.test, k))).toEqual([30, 15, 3]);
    expect(splitRows(320, spec({ stratify: true, method: 'random' }), strata)).toEqual(
      splitRows(320, spec({ stratify: false }), strata),
    );
  });

  it('refuses time here: that needs the time column (timeOrderedSplit)', () => {
    expect(() => splitRows(10, spec({ method: 'time', timeColumn: 'd' }))).toThrow(
      /timeOrderedSplit/,
    );
  });
});

describe('splitSizes', () => {
  it('follows the splitRows rounding rule and keeps a training row', () => {
    for (const n of [0, 1, 2, 3, 7, 10, 99, 344]) {
      const s = splitRows(n, spec());
      expect(splitSizes(n, spec())).toEqual([s.train.length, s.validation.length, s.test.length]);
    }
    expect(splitSizes(10, spec({ train: 0.6, validation: 0.2, test: 0.2 }))).toEqual([6, 2, 2]);
    expect(splitSizes(1, spec())).toEqual([1, 0, 0]);
  });
});
