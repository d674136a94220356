import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { InputRow } from '../../../src/lib/contracts/compute';
import type { FittedTransform } from '../../../src/lib/contracts/entities';
import { DataError, TrainingConfigError } from '../../../src/lib/contracts/errors';
import { buildColumns } from '../../../src/lib/data/columns';
import { parseDelimited } from '../../../src/lib/data/parse-delimited';
import {
  encodeInputRow,
  fitPreprocessing,
  oneHotSlot,
  standardizeValue,
  transformRows,
} from '../../../src/lib/data/preprocess';
import { buildSignature } from '../../../src/lib/data/signature';
import { splitRows } from '../../../src/lib/data/split';
import { validateTrainingSetup } from '../../../src/lib/data/task';

function load(text: string, types?: ('category' | undefined)[]) {
  const parsed = parseDelimited(text, { fileName: 't.csv' });
  return { parsed, ...buildColumns(parsed, types) };
}

describe('fitPreprocessing', () => {
  // Rows 0-3 train, rows 4-5 "test" with extreme values and an unseen category.
  // Six rows are too few for inference to call `c` a category, so it is typed by hand.
  const t = load('x,c,b\n1,a,yes\n2,b,no\n3,a,\nNA,,yes\n1e12,zzz,no\n-1e12,a,yes\n', [
    undefined,
    'category',
  ]);
  const train = [0, 1, 2, 3];

  it('uses train rows only: extreme test values do not move mean/std, unseen test categories are not categories', () => {
    const spec = fitPreprocessing(t.schema, t.columns, ['x', 'c', 'b'], train);
    // numpy: np.mean([1,2,3]) = 2, np.std([1,2,3]) = 0.816496580927726 (ddof=0)
    expect(spec.transforms[0]).toEqual({
      kind: 'standardize',
      column: 'x',
      mean: 2,
      std: Math.sqrt(2 / 3),
      fill: 2,
    });
    expect(spec.transforms[1]).toEqual({
      kind: 'one-hot',
      column: 'c',
      categories: ['a', 'b'],
      unseen: true,
    });
    expect(spec.transforms[2]).toMatchObject({ categories: ['true', 'false'] });
    expect(spec.outputWidth).toBe(1 + 3 + 3);
    const refit = fitPreprocessing(t.schema, t.columns, ['x', 'c', 'b'], [0, 1, 2]);
    expect(refit.transforms[0]).toEqual(spec.transforms[0]);
  });

  it('a constant train column gets std 1; an all-missing one gets mean 0, std 1', () => {
    const c = load('x,y\n5,NA\n5,\n5,NA\n7,1\n');
    const spec = fitPreprocessing(c.schema, c.columns, ['x', 'y'], [0, 1, 2]);
    expect(spec.transforms).toEqual([
      { kind: 'standardize', column: 'x', mean: 5, std: 1, fill: 5 },
      { kind: 'standardize', column: 'y', mean: 0, std: 1, fill: 0 },
    ]);
  });

  it('refuses id and text features', () => {
    const ids = Array.from({ length: 30 }, (_, i) => `${i},u${i}`).join('\n');
    const c = load(`n,u\n${ids}\n`);
    expect(() => fitPreprocessing(c.schema, c.columns, ['u'], [0, 1])).toThrow(TrainingConfigError);
  });

  it('transformRows standardises, fills missing with the train mean and one-hots with an unseen slot', () => {
    const spec = fitPreprocessing(t.schema, t.columns, ['x', 'c'], train);
    const out = transformRows(spec, t.schema, t.columns, [0, 3, 4]);
    const s = Math.sqrt(2 / 3);
    expect(Array.from(out)).toEqual(
      Array.from(
        Float32Array.from([
          ...[(1 - 2) / s, 1, 0, 0],
          ...[0, 0, 0, 1], // x missing → mean → 0; c missing → unseen/missing slot
          ...[(1e12 - 2) / s, 0, 0, 1], // unseen category 'zzz'
        ]),
      ),
    );
  });

  it('shares the value functions with serving', () => {
    const st = { kind: 'standardize', column: 'x', mean: 2, std: 4, fill: 2 } as const;
    expect(standardizeValue(st, 10)).toBe(2);
    expect(standardizeValue(st, NaN)).toBe(0);
    const oh: Extract<FittedTransform, { kind: 'one-hot' }> = {
      kind: 'one-hot',
      column: 'c',
      categories: ['a', 'b'],
      unseen: true,
    };
    expect([oneHotSlot(oh, 'b'), oneHotSlot(oh, 'z'), oneHotSlot(oh, null)]).toEqual([1, 2, 2]);
    expect(oneHotSlot({ ...oh, unseen: false }, 'z')).toBe(-1);
  });
});

describe('encodeInputRow', () => {
  const text = readFileSync(
    new URL('../../../public/examples/penguins.csv', import.meta.url),
    'utf8',
  );
  const { parsed, schema, columns } = load(text);
  const setup = validateTrainingSetup({
    schema,
    target: 'Species',
    targetColumn: columns[0]!,
    columns,
  });
  const split = splitRows(
    parsed.rowCount,
    { seed: 7, train: 0.7, validation: 0.15, test: 0.15, stratify: true },
    setup.y as Int32Array,
    setup.rows,
  );
  const spec = fitPreprocessing(schema, columns, setup.features, split.train);
  const signature = buildSignature(
    schema,
    columns,
    setup.features,
    'Species',
    setup.task,
    setup.labels,
    split.train,
  );
  const rawRow = (i: number): InputRow => {
    const row: InputRow = {};
    for (const name of setup.features) row[name] = parsed.columns[parsed.header.indexOf(name)]![i]!;
    return row;
  };

  it('gives exactly the training vector for every row of the raw file (same code path)', () => {
    const all = Array.from({ length: parsed.rowCount }, (_, i) => i);
    const matrix = transformRows(spec, schema, columns, all);
    const w = spec.outputWidth;
    for (const i of all) {
      const { vector } = encodeInputRow(spec, signature, rawRow(i));
      expect(Array.from(vector)).toEqual(Array.from(matrix.subarray(i * w, (i + 1) * w)));
    }
  });

  it('accepts numbers as numbers and warns about missing values and out-of-range inputs', () => {
    const row: InputRow = {
      Island: 'Dream',
      'Beak Length (mm)': 45,
      'Beak Depth (mm)': '17.1',
      'Flipper Length (mm)': null,
      'Body Mass (g)': 99999,
      Sex: '',
    };
    const { vector, warnings } = encodeInputRow(spec, signature, row);
    expect(vector).toHaveLength(spec.outputWidth);
    expect(warnings.map((w) => w.field)).toEqual(['Flipper Length (mm)', 'Body Mass (g)', 'Sex']);
    expect(warnings[1]!.message).toMatch(/outside the training range/);
  });

  it('maps an unknown category to the unseen slot with a warning', () => {
    const { vector, warnings } = encodeInputRow(spec, signature, {
      ...rawRow(0),
      Island: 'Atlantis',
    });
    expect(Array.from(vector.subarray(0, 4))).toEqual([0, 0, 0, 1]);
    expect(warnings).toEqual([
      {
        field: 'Island',
        message: '"Atlantis" was not seen in training; treated as an unseen category',
      },
    ]);
  });

  it('reports fields the model does not use', () => {
    const { warnings } = encodeInputRow(spec, signature, { ...rawRow(0), extra: 1 });
    expect(warnings).toEqual([{ field: 'extra', message: 'not used by this model; ignored' }]);
  });

  it.each([
    ['Beak Length (mm)', 'abc', /field `Beak Length \(mm\)`: "abc" is not a number/],
    ['Beak Length (mm)', '1,5', /"1,5" is not a number/],
    ['Beak Length (mm)', 'Infinity', /"Infinity" is not a number/],
    ['Beak Length (mm)', Number.POSITIVE_INFINITY, /Infinity is not a finite number/],
    ['Beak Length (mm)', true, /true is not a number/],
  ])('rejects %s = %j with a DataError naming field and value', (field, value, message) => {
    const row = { ...rawRow(0), [field]: value };
    try {
      encodeInputRow(spec, signature, row);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DataError);
      expect((e as DataError).message).toMatch(message);
      expect((e as DataError).location).toMatchObject({ column: field, value });
    }
  });

  it('rejects a required field that is absent, and never reads the prototype', () => {
    const row = rawRow(0);
    delete row['Island'];
    expect(() => encodeInputRow(spec, signature, row)).toThrow(/field `Island` is missing/);
    const proto = {
      kind: 'standardize',
      column: 'constructor',
      mean: 0,
      std: 1,
      fill: 0,
    } as const;
    const s2 = { transforms: [proto], outputWidth: 1 };
    const sig2 = {
      inputs: [{ name: 'constructor', type: 'number' as const }],
      target: signature.target,
    };
    expect(() => encodeInputRow(s2, sig2, {})).toThrow(/field `constructor` is missing/);
    expect(encodeInputRow(s2, sig2, { constructor: '3' }).vector[0]).toBe(3);
  });

  it('validates boolean fields and datetime fields with the import rules', () => {
    const c = load('b,d,y\nyes,2020-01-01,1\nno,2020-01-03,0\nyes,2020-01-02,1\n');
    const spec2 = fitPreprocessing(c.schema, c.columns, ['b', 'd'], [0, 1, 2]);
    const sig2 = buildSignature(
      c.schema,
      c.columns,
      ['b', 'd'],
      'y',
      'binary',
      ['0', '1'],
      [0, 1, 2],
    );
    const fromTable = transformRows(spec2, c.schema, c.columns, [0]);
    const served = encodeInputRow(spec2, sig2, { b: true, d: '2020-01-01' }).vector;
    expect(Array.from(served)).toEqual(Array.from(fromTable));
    expect(() => encodeInputRow(spec2, sig2, { b: 'maybe', d: '2020-01-01' })).toThrow(
      /field `b`: "maybe" is not true\/false\/yes\/no/,
    );
    expect(() => encodeInputRow(spec2, sig2, { b: 'yes', d: '01/02/2020' })).toThrow(
      /is not an ISO 8601 date/,
    );
  });
});
