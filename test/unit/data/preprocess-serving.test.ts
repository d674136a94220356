/**
 * Training and serving share the per-value code: for random tables and every combination of
 * options, the row encoded by `transformRows` equals `encodeInputRow` of that row's raw values
 * (typed in the various ways a form or an API call may give them).
 */
import { describe, expect, it } from 'vitest';
import type { InputRow } from '../../../src/lib/contracts/compute';
import type {
  ColumnSchema,
  DatePart,
  ImputeStrategy,
  ScaleMethod,
} from '../../../src/lib/contracts/entities';
import type { Column } from '../../../src/lib/data/columns';
import {
  encodeInputRow,
  fitPreprocessing,
  transformRows,
  type FeaturePreprocessing,
} from '../../../src/lib/data/preprocess';
import { buildSignature } from '../../../src/lib/data/signature';
import { splitRows } from '../../../src/lib/data/split';
import { createRng, type Rng } from '../../../src/lib/stats/rng';

const N = 80;
const CATEGORIES = ['red', 'green', 'blue', 'only-in-test'];

function randomTable(rng: Rng): { schema: ColumnSchema[]; columns: Column[] } {
  const pick = <T>(p: number, value: () => T, missing: T): T =>
    rng.next() < p ? missing : value();
  const x = Float64Array.from({ length: N }, () => pick(0.15, () => rng.normal() * 1e3, NaN));
  const k = Float64Array.from({ length: N }, () => pick(0.1, () => rng.int(7), NaN));
  const t = Float64Array.from({ length: N }, () =>
    // Whole milliseconds from 1950 to 2050 (ISO text keeps milliseconds).
    pick(0.15, () => Math.round(-631_152_000_000 + rng.next() * 3_155_760_000_000), NaN),
  );
  const c = Int32Array.from({ length: N }, () => pick(0.15, () => rng.int(3), -1));
  const b = Int32Array.from({ length: N }, () => pick(0.1, () => rng.int(2), -1));
  // A category that only occurs outside the training rows (fitted below on rows < 60).
  c[70] = 3;
  c[75] = 3;
  const y = Int32Array.from({ length: N }, () => rng.int(2));
  return {
    schema: [
      { name: 'x', type: 'number', encoding: 'f64', missing: 0 },
      { name: 'k', type: 'integer', encoding: 'f64', missing: 0 },
      { name: 't', type: 'datetime', encoding: 'f64', missing: 0 },
      { name: 'c', type: 'category', encoding: 'dict', dictionary: CATEGORIES, missing: 0 },
      { name: 'b', type: 'boolean', encoding: 'dict', dictionary: ['true', 'false'], missing: 0 },
      { name: 'y', type: 'category', encoding: 'dict', dictionary: ['no', 'yes'], missing: 0 },
    ],
    columns: [x, k, t, c, b, y],
  };
}

/** The raw value of a cell as a person or an API might type it, varied by `style`. */
function raw(
  s: ColumnSchema,
  column: Column,
  row: number,
  style: number,
): string | number | boolean | null {
  const v = column[row]!;
  if (column instanceof Float64Array) {
    if (Number.isNaN(v)) return [null, '', 'NA'][style % 3]!;
    if (s.type === 'datetime') return style % 2 === 0 ? v : new Date(v).toISOString();
    return style % 2 === 0 ? v : String(v);
  }
  if (v < 0) return [null, '', 'n/a'][style % 3]!;
  const key = s.dictionary![v]!;
  if (s.type === 'boolean') return style % 2 === 0 ? key === 'true' : key === 'true' ? 'Yes' : 'no';
  return style % 2 === 0 ? key : ` ${key} `;
}

const IMPUTES: ImputeStrategy[] = ['mean', 'median', 'most-frequent', 'constant'];
const SCALES: ScaleMethod[] = ['standard', 'min-max', 'none'];
const DATE_PARTS: (boolean | DatePart[])[] = [false, true, ['weekday', 'hour']];
const MISSING = ['unseen', 'bucket', 'most-frequent'] as const;
const COMBOS: FeaturePreprocessing[] = IMPUTES.flatMap((impute) =>
  SCALES.flatMap((scale) =>
    DATE_PARTS.flatMap((dateParts) =>
      MISSING.map((categoricalMissing) => ({
        impute,
        scale,
        dateParts,
        categoricalMissing,
        fillValue: 1_234_567_890_123,
      })),
    ),
  ),
);

describe('transformRows and encodeInputRow agree', () => {
  const features = ['x', 'k', 't', 'c', 'b'];

  it.each([1, 2, 3])('for every option combination (%i: random table)', (seed) => {
    const rng = createRng(seed);
    const { schema, columns } = randomTable(rng);
    const train = Array.from({ length: 60 }, (_, i) => i);
    const all = Array.from({ length: N }, (_, i) => i);
    const signature = buildSignature(
      schema,
      columns,
      features,
      'y',
      'binary',
      ['no', 'yes'],
      train,
    );
    expect(COMBOS).toHaveLength(108);
    for (const [n, defaults] of COMBOS.entries()) {
      const spec = fitPreprocessing(schema, columns, features, train, { defaults });
      const matrix = transformRows(spec, schema, columns, all);
      const w = spec.outputWidth;
      for (const i of all) {
        const row: InputRow = {};
        for (const [j, name] of features.entries()) {
          row[name] = raw(schema[j]!, columns[j]!, i, i + j + n);
        }
        const { vector } = encodeInputRow(spec, signature, row);
        expect(vector).toEqual(matrix.subarray(i * w, (i + 1) * w));
      }
    }
  });

  it('on a stratified split of the table, with per-column options', () => {
    const { schema, columns } = randomTable(createRng(9));
    const split = splitRows(
      N,
      { seed: 4, train: 0.7, validation: 0.15, test: 0.15, stratify: true },
      columns[5] as Int32Array,
    );
    const options = {
      columns: {
        x: { impute: 'median' as const, scale: 'min-max' as const },
        t: { dateParts: ['year', 'day'] as DatePart[], impute: 'constant' as const },
        c: { categoricalMissing: 'bucket' as const },
      },
    };
    const spec = fitPreprocessing(schema, columns, features, split.train, options);
    const signature = buildSignature(
      schema,
      columns,
      features,
      'y',
      'binary',
      ['no', 'yes'],
      split.train,
    );
    const rows = Array.from(split.test);
    const matrix = transformRows(spec, schema, columns, rows);
    rows.forEach((r, k) => {
      const row: InputRow = {};
      features.forEach((name, j) => (row[name] = raw(schema[j]!, columns[j]!, r, k)));
      const { vector } = encodeInputRow(spec, signature, row);
      expect(vector).toEqual(matrix.subarray(k * spec.outputWidth, (k + 1) * spec.outputWidth));
    });
  });

  it('says what replaced a missing input', () => {
    const { schema, columns } = randomTable(createRng(5));
    const train = Array.from({ length: 60 }, (_, i) => i);
    const signature = buildSignature(
      schema,
      columns,
      features,
      'y',
      'binary',
      ['no', 'yes'],
      train,
    );
    const missing: InputRow = { x: null, k: '', t: 'NA', c: null, b: null };
    const messages = (defaults: FeaturePreprocessing) =>
      encodeInputRow(
        fitPreprocessing(schema, columns, features, train, { defaults }),
        signature,
        missing,
      ).warnings.map((w) => w.message);
    expect(messages({})).toEqual([
      'missing; the training mean was used',
      'missing; the training mean was used',
      'missing; the training mean was used',
      'missing; treated as an unseen category',
      'missing; treated as an unseen category',
    ]);
    const m = messages({ impute: 'median', dateParts: true, categoricalMissing: 'bucket' });
    expect(m[0]).toMatch(/^missing; the training median \(-?\d/);
    expect(m[2]).toBe('missing; the training median of each date part was used');
    expect(m[3]).toBe('missing; encoded as missing');
    const f = messages({ impute: 'constant', fillValue: 3, categoricalMissing: 'most-frequent' });
    expect(f[0]).toBe('missing; the constant (3) was used');
    expect(f[3]).toMatch(
      /^missing; the most frequent training category "(red|green|blue)" was used$/,
    );
  });
});
