import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ColumnSchema, ColumnType } from '../../../src/lib/contracts/entities';
import { InvalidArgumentError } from '../../../src/lib/contracts/errors';
import {
  histogramBinCount,
  profileColumns,
  profileDataset,
  quantilesLinear,
  selectKth,
} from '../../../src/lib/data/profile';
import { createRng } from '../../../src/lib/stats/rng';

interface GenSpec {
  n: number;
  mul: number;
  mod: number;
  div: number;
  sub: number;
  cube?: boolean;
  nan_every?: number;
  outlier_at?: number;
}

interface NumericCase {
  name: string;
  count: number;
  missing: number;
  unique: number;
  values?: (number | null)[];
  gen?: GenSpec;
  min?: number;
  max?: number;
  mean?: number;
  std?: number;
  quantiles?: number[];
  histogram?: { edges: number[]; counts: number[] };
}

// Written by scripts/fixtures/gen_profile_fixtures.py with /usr/bin/python3 (NumPy 1.24.2,
// pandas 1.5.3): pandas count/isna/nunique/mean/std, numpy.quantile, numpy.histogram.
const fixture = JSON.parse(
  readFileSync(new URL('../../fixtures/profile/numeric.json', import.meta.url), 'utf8'),
) as { cases: NumericCase[] };

/** Same exact arithmetic as expand() in the Python script. */
function expand(spec: GenSpec): Float64Array {
  const out = new Float64Array(spec.n);
  for (let i = 0; i < spec.n; i++) {
    if (spec.nan_every && i % spec.nan_every === 0) {
      out[i] = NaN;
      continue;
    }
    let x = ((i * spec.mul) % spec.mod) / spec.div - spec.sub;
    if (spec.cube) x = x * x * x;
    if (spec.outlier_at === i) x = 1e12;
    out[i] = x;
  }
  return out;
}

function columnOf(c: NumericCase): Float64Array {
  return c.gen ? expand(c.gen) : Float64Array.from(c.values!, (v) => (v === null ? NaN : v));
}

const num = (name: string, type: ColumnType = 'number'): ColumnSchema => ({
  name,
  type,
  encoding: 'f64',
  missing: 0,
});

const dict = (name: string, dictionary: string[], type: ColumnType = 'category'): ColumnSchema => ({
  name,
  type,
  encoding: 'dict',
  dictionary,
  missing: 0,
});

describe('profileColumns: numeric columns against NumPy/pandas', () => {
  for (const c of fixture.cases) {
    it(c.name, () => {
      const type: ColumnType = c.name.startsWith('datetime') ? 'datetime' : 'number';
      const [p] = profileColumns([num(c.name, type)], [columnOf(c)]);
      expect(p!.count).toBe(c.count);
      expect(p!.missing).toBe(c.missing);
      expect(p!.unique).toBe(c.unique);
      expect(p!.min).toBe(c.min);
      expect(p!.max).toBe(c.max);
      if (type === 'datetime') {
        expect(p!.mean).toBeUndefined();
        expect(p!.quantiles).toBeUndefined();
      } else {
        if (c.mean === undefined) expect(p!.mean).toBeUndefined();
        // Summation order differs from NumPy's pairwise sum: agree to 1e-12 relative.
        else
          expect(Math.abs(p!.mean! - c.mean)).toBeLessThanOrEqual(
            1e-12 * Math.abs(c.mean) + 1e-300,
          );
        if (c.std === undefined) expect(p!.std).toBeUndefined();
        else expect(Math.abs(p!.std! - c.std)).toBeLessThanOrEqual(1e-12 * c.std);
        // Quantiles are exact order statistics + NumPy's lerp: bit-identical.
        expect(p!.quantiles?.map((q) => q.value)).toEqual(c.quantiles);
        expect(p!.quantiles?.map((q) => q.p)).toEqual(
          c.quantiles ? [0.05, 0.25, 0.5, 0.75, 0.95] : undefined,
        );
      }
      // Edges from NumPy's linspace and counts with its bin-index corrections: identical.
      expect(p!.histogram).toEqual(c.histogram);
    });
  }
});

describe('quantilesLinear / selectKth', () => {
  it('matches the definition on a small sample', () => {
    // numpy.quantile([1, 2, 3, 4], [0.5, 0.25, 0, 1]) -> [2.5, 1.75, 1, 4]
    expect(quantilesLinear(Float64Array.of(4, 1, 3, 2), [0.5, 0.25, 0, 1])).toEqual([
      2.5, 1.75, 1, 4,
    ]);
  });

  it('selects the same order statistic as a full sort (random data with ties)', () => {
    const rng = createRng(7);
    for (const n of [1, 2, 10, 601, 5000]) {
      const a = Float64Array.from({ length: n }, () => Math.floor(rng.next() * 50));
      const sorted = Float64Array.from(a).sort();
      for (const k of [0, n >> 1, n - 1]) {
        expect(selectKth(Float64Array.from(a), k, 0, n - 1)).toBe(sorted[k]);
      }
    }
  });

  it('rejects an empty sample and levels outside [0, 1]', () => {
    expect(() => quantilesLinear(new Float64Array(0), [0.5])).toThrow(InvalidArgumentError);
    expect(() => quantilesLinear(Float64Array.of(1), [1.5])).toThrow(/must be in \[0, 1\]/);
  });

  it('uses min(30, ceil(log2(n) + 1)) histogram bins', () => {
    expect([0, 1, 2, 1000, 1e6].map(histogramBinCount)).toEqual([1, 1, 2, 11, 21]);
    expect(histogramBinCount(2 ** 40)).toBe(30);
  });
});

describe('profileColumns: dictionary columns', () => {
  it('counts, top values most frequent first, ties in first-seen order', () => {
    const codes = Int32Array.of(0, 1, 2, 1, -1, 2, 3, 1);
    const [p] = profileColumns([dict('c', ['a', 'b', 'c', 'd'])], [codes]);
    expect(p).toEqual({
      name: 'c',
      type: 'category',
      count: 8,
      missing: 1,
      unique: 4,
      top: [
        { value: 'b', count: 3 },
        { value: 'c', count: 2 },
        { value: 'a', count: 1 },
        { value: 'd', count: 1 },
      ],
    });
  });

  it('keeps at most 10 top values and skips unused dictionary entries', () => {
    const dictionary = Array.from({ length: 15 }, (_, i) => `v${i}`);
    const codes = Int32Array.from({ length: 150 }, (_, i) => (i < 140 ? i % 14 : 0));
    const [p] = profileColumns([dict('c', dictionary)], [codes]);
    expect(p!.unique).toBe(14);
    expect(p!.top).toHaveLength(10);
    expect(p!.top![0]).toEqual({ value: 'v0', count: 20 });
    // v1..v13 all have 10: the first nine in dictionary order follow.
    expect(p!.top!.slice(1).map((t) => t.value)).toEqual([
      'v1',
      'v2',
      'v3',
      'v4',
      'v5',
      'v6',
      'v7',
      'v8',
      'v9',
    ]);
    expect(p!.histogram).toBeUndefined();
  });

  it('profiles booleans as dictionaries', () => {
    const [p] = profileColumns([dict('b', ['true', 'false'], 'boolean')], [Int32Array.of(1, 1, 0)]);
    expect(p!.top).toEqual([
      { value: 'false', count: 2 },
      { value: 'true', count: 1 },
    ]);
  });

  it('rejects a code outside the dictionary, naming column and row', () => {
    expect(() => profileColumns([dict('c', ['a'])], [Int32Array.of(0, 3)])).toThrow(
      /columns\[`c`\]\[1\] = 3/,
    );
  });
});

describe('profileDataset and edge cases', () => {
  it('profiles empty columns without failing', () => {
    const p = profileDataset(
      'v0',
      [num('x'), dict('c', [])],
      [new Float64Array(0), new Int32Array(0)],
    );
    expect(p.rowCount).toBe(0);
    expect(p.columns).toEqual([
      { name: 'x', type: 'number', count: 0, missing: 0, unique: 0 },
      { name: 'c', type: 'category', count: 0, missing: 0, unique: 0, top: [] },
    ]);
  });

  it('counts -0 and +0 as one value and computes unique exactly on large columns', () => {
    const n = 100_000;
    const x = Float64Array.from({ length: n }, (_, i) => (i % 3 === 0 ? NaN : (i % 7919) / 8));
    x[1] = -0;
    x[2] = 0;
    const expected = new Set<number>();
    for (const v of x) if (!Number.isNaN(v)) expected.add(v + 0);
    const [p] = profileColumns([num('x')], [x]);
    expect(p!.unique).toBe(expected.size);
  });

  it('rejects mismatched schema and columns', () => {
    expect(() => profileColumns([num('x')], [])).toThrow(InvalidArgumentError);
    expect(() => profileColumns([num('x')], [new Int32Array(2)])).toThrow(/must be a Float64Array/);
    expect(() =>
      profileColumns([num('x'), num('y')], [new Float64Array(2), new Float64Array(3)]),
    ).toThrow(/has 3 rows/);
  });
});
