import { describe, expect, it } from 'vitest';
import type {
  ColumnSchema,
  ImputeStrategy,
  ScaleMethod,
} from '../../../src/lib/contracts/entities';
import { InvalidArgumentError } from '../../../src/lib/contracts/errors';
import type { Column } from '../../../src/lib/data/columns';
import {
  fitPreprocessing,
  transformRows,
  type PreprocessingOptions,
} from '../../../src/lib/data/preprocess';
import { resolveFeatureOptions } from '../../../src/lib/data/preprocess-options';
import { floats, NUMERIC } from './preprocess-fixtures';

const num = (name: string): ColumnSchema => ({ name, type: 'number', encoding: 'f64', missing: 0 });
const cat = (name: string, dictionary: string[]): ColumnSchema => ({
  name,
  type: 'category',
  encoding: 'dict',
  dictionary,
  missing: 0,
});
const dt = (name: string): ColumnSchema => ({
  name,
  type: 'datetime',
  encoding: 'f64',
  missing: 0,
});
const range = (a: number, b: number) => Array.from({ length: b - a }, (_, i) => a + i);

const IMPUTES: ImputeStrategy[] = ['mean', 'median', 'most-frequent', 'constant'];
const SCALES: ScaleMethod[] = ['standard', 'min-max', 'none'];

// Reference: test/fixtures/preprocess/numeric.json (scripts/fixtures/gen_preprocess_fixtures.py):
// NumPy fills NaN, scales in float64 and casts to float32, from the present train values.
describe.each(NUMERIC)('numeric options vs NumPy: $name', (c) => {
  const schema = [num('x')];
  const columns: Column[] = [floats([...c.train, ...c.apply])];
  const train = range(0, c.train.length);
  const apply = range(c.train.length, c.train.length + c.apply.length);

  it.each(IMPUTES.flatMap((impute) => SCALES.map((scale) => [impute, scale] as const)))(
    'impute %s, scale %s',
    (impute, scale) => {
      const options = { defaults: { impute, scale, fillValue: c.fill_value } };
      const spec = fitPreprocessing(schema, columns, ['x'], train, options);
      const got = Array.from(transformRows(spec, schema, columns, apply));
      const want = c.outputs[impute][scale];
      if (impute !== 'mean' && scale !== 'standard') {
        // Only median/mode/min/max/constant involved: the same float64 operations, bit-equal.
        expect(got).toEqual(want);
      } else {
        // The mean sums in a different order from NumPy's pairwise sum (a few float64 ulps);
        // after the float32 cast that is at most one float32 ulp (2^-23 relative), allow two.
        got.forEach((g, i) => {
          const w = want[i]!;
          expect(Math.abs(g - w)).toBeLessThanOrEqual(2 ** -22 * Math.max(1, Math.abs(w)));
        });
      }
      expect(spec.outputWidth).toBe(1);
      expect(spec.transforms[0]!.kind).toBe(
        impute === 'mean' && scale === 'standard' ? 'standardize' : 'scale',
      );
    },
  );
});

describe('fitPreprocessing options', () => {
  const schema = [num('x'), cat('c', ['a', 'b', 'c', 'z']), dt('d')];
  const day = 86_400_000;
  // 2024-01-01 is a Monday.
  const t0 = Date.UTC(2024, 0, 1, 6);
  const columns: Column[] = [
    Float64Array.from([1, 2, NaN, 4, 100]),
    Int32Array.from([1, 0, 1, -1, 3]),
    Float64Array.from([t0, t0 + day, NaN, t0 + 3 * day + 3_600_000, t0 + 400 * day]),
  ];
  const train = [0, 1, 2, 3];

  it('defaults (no options, empty options or the defaults spelled out) give the original spec', () => {
    const original = fitPreprocessing(schema, columns, ['x', 'c', 'd'], train);
    expect(original.transforms).toEqual([
      { kind: 'standardize', column: 'x', mean: 7 / 3, std: Math.sqrt(14 / 9), fill: 7 / 3 },
      { kind: 'one-hot', column: 'c', categories: ['a', 'b'], unseen: true },
      expect.objectContaining({ kind: 'standardize', column: 'd' }),
    ]);
    expect(Object.keys(original.transforms[1]!)).toEqual([
      'kind',
      'column',
      'categories',
      'unseen',
    ]);
    const spelled: PreprocessingOptions = {
      defaults: {
        impute: 'mean',
        scale: 'standard',
        dateParts: false,
        categoricalMissing: 'unseen',
      },
    };
    expect(fitPreprocessing(schema, columns, ['x', 'c', 'd'], train, {})).toEqual(original);
    expect(fitPreprocessing(schema, columns, ['x', 'c', 'd'], train, spelled)).toEqual(original);
  });

  it('per-column options override the defaults field by field', () => {
    const spec = fitPreprocessing(schema, columns, ['x', 'd'], train, {
      defaults: { impute: 'median', scale: 'min-max' },
      columns: { d: { scale: 'none' } },
    });
    // np.median([1, 2, 4]) = 2; min 1, max 4
    expect(spec.transforms[0]).toEqual({
      kind: 'scale',
      column: 'x',
      method: 'min-max',
      impute: 'median',
      center: 1,
      scale: 3,
      fill: 2,
    });
    expect(spec.transforms[1]).toEqual({
      kind: 'scale',
      column: 'd',
      method: 'none',
      impute: 'median',
      center: 0,
      scale: 1,
      fill: t0 + day,
    });
  });

  it('expands datetimes into date parts, each filled and scaled on the train rows', () => {
    const spec = fitPreprocessing(schema, columns, ['d'], train, {
      columns: {
        d: { dateParts: ['weekday', 'hour', 'month'], impute: 'most-frequent', scale: 'none' },
      },
    });
    // Train times: Mon 06:00, Tue 06:00, missing, Thu 07:00 (all January).
    expect(spec.transforms).toEqual([
      {
        kind: 'date-parts',
        column: 'd',
        parts: ['weekday', 'hour', 'month'],
        method: 'none',
        impute: 'most-frequent',
        center: [0, 0, 0],
        scale: [1, 1, 1],
        fill: [0, 6, 1],
      },
    ]);
    expect(spec.outputWidth).toBe(3);
    // Row 4 is 400 days later: 2025-02-04, a Tuesday, 06:00.
    expect(Array.from(transformRows(spec, schema, columns, [2, 4]))).toEqual([0, 6, 1, 1, 6, 2]);
  });

  it('dateParts: true means year, month, day, weekday, hour; constant fills with that time’s parts', () => {
    const spec = fitPreprocessing(schema, columns, ['d'], train, {
      defaults: {
        dateParts: true,
        impute: 'constant',
        fillValue: Date.UTC(2000, 1, 29, 13),
        scale: 'min-max',
      },
    });
    const t = spec.transforms[0]!;
    expect(t).toMatchObject({ parts: ['year', 'month', 'day', 'weekday', 'hour'] });
    expect(t.kind === 'date-parts' && t.fill).toEqual([2000, 2, 29, 1, 13]);
    // Train: days 1, 2, 4; weekdays 0, 1, 3; hours 6, 6, 7; a constant part gets scale 1.
    expect(t.kind === 'date-parts' && [t.center, t.scale]).toEqual([
      [2024, 1, 1, 0, 6],
      [1, 1, 3, 3, 1],
    ]);
  });

  it('categorical missing values: unseen slot, own bucket or the most frequent category', () => {
    const rows = [0, 3, 4]; // 'b', missing, 'z' (unseen)
    const fit = (categoricalMissing: 'unseen' | 'bucket' | 'most-frequent') =>
      fitPreprocessing(schema, columns, ['c'], train, { defaults: { categoricalMissing } });
    const unseen = fit('unseen');
    expect(Array.from(transformRows(unseen, schema, columns, rows))).toEqual([
      0, 1, 0, 0, 0, 1, 0, 0, 1,
    ]);
    const bucket = fit('bucket');
    expect(bucket.transforms[0]).toMatchObject({ missing: 'bucket' });
    expect(bucket.outputWidth).toBe(4);
    expect(Array.from(transformRows(bucket, schema, columns, rows))).toEqual([
      0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0,
    ]);
    const frequent = fit('most-frequent');
    // Train codes 1, 0, 1: 'b' twice.
    expect(frequent.transforms[0]).toMatchObject({ missing: 'most-frequent', fill: 'b' });
    expect(Array.from(transformRows(frequent, schema, columns, rows))).toEqual([
      0, 1, 0, 0, 1, 0, 0, 0, 1,
    ]);
  });

  it('most frequent category: ties go to the smallest; no present value leaves the unseen slot', () => {
    const s = [cat('c', ['q', 'p', 'r'])];
    const tie: Column[] = [Int32Array.from([0, 1, 0, 1, -1, 2])];
    const opts = { defaults: { categoricalMissing: 'most-frequent' as const } };
    expect(fitPreprocessing(s, tie, ['c'], [0, 1, 2, 3, 4], opts).transforms[0]).toMatchObject({
      fill: 'p',
    });
    const none = fitPreprocessing(s, tie, ['c'], [4], opts).transforms[0]!;
    expect(none).toEqual({ kind: 'one-hot', column: 'c', categories: [], unseen: true });
  });

  it('a spec with every kind survives JSON and transforms the same afterwards', () => {
    const spec = fitPreprocessing(schema, columns, ['x', 'c', 'd'], train, {
      defaults: {
        impute: 'median',
        scale: 'min-max',
        dateParts: ['hour'],
        categoricalMissing: 'bucket',
      },
    });
    const copy = JSON.parse(JSON.stringify(spec)) as typeof spec;
    expect(copy).toEqual(spec);
    expect(transformRows(copy, schema, columns, [0, 2, 4])).toEqual(
      transformRows(spec, schema, columns, [0, 2, 4]),
    );
  });

  it.each([
    [{ columns: { y: { impute: 'median' } } }, /options.columns = "y": is not one of the features/],
    [
      { columns: { c: { scale: 'min-max' } } },
      /options.columns\["c"\].scale = "min-max": does not apply to a category column/,
    ],
    [{ columns: { x: { categoricalMissing: 'bucket' } } }, /categoricalMissing .*number column/],
    [
      { columns: { x: { dateParts: true } } },
      /dateParts = true: does not apply to a number column/,
    ],
    [{ defaults: { impute: 'avg' } }, /options.defaults.impute = "avg": use one of mean, median/],
    [{ columns: { x: { scale: 'log' } } }, /options.columns\["x"\].scale = "log"/],
    [{ defaults: { fillValue: NaN } }, /fillValue = NaN: must be a finite number/],
    [{ columns: { d: { dateParts: ['minute'] } } }, /dateParts of `d` = "minute"/],
    [{ columns: { d: { dateParts: [] } } }, /list at least one part/],
  ])('refuses %j', (options, message) => {
    const call = () =>
      fitPreprocessing(schema, columns, ['x', 'c', 'd'], train, options as PreprocessingOptions);
    expect(call).toThrow(InvalidArgumentError);
    expect(call).toThrow(message);
  });

  it('defaults only apply where they fit the type; a per-column false turns date parts off', () => {
    const o: PreprocessingOptions = {
      defaults: { scale: 'min-max', dateParts: true, categoricalMissing: 'bucket' },
      columns: { d: { dateParts: false } },
    };
    expect(resolveFeatureOptions(o, 'c', 'category')).toMatchObject({
      categoricalMissing: 'bucket',
    });
    expect(resolveFeatureOptions(o, 'x', 'integer')).toEqual({
      impute: 'mean',
      fillValue: 0,
      scale: 'min-max',
      dateParts: [],
      categoricalMissing: 'bucket',
    });
    expect(resolveFeatureOptions(o, 'd', 'datetime').dateParts).toEqual([]);
    expect(resolveFeatureOptions(o, 'e', 'datetime').dateParts).toHaveLength(5);
    // A feature named like an Object.prototype member reads no options from the prototype.
    expect(resolveFeatureOptions({}, 'constructor', 'number').impute).toBe('mean');
  });
});
