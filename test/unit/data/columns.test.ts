import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../../src/lib/contracts/errors';
import { buildColumns, dictionaryKey, encodingOf } from '../../../src/lib/data/columns';
import { parseDelimited } from '../../../src/lib/data/parse-delimited';

const parse = (text: string) => parseDelimited(text, { fileName: 't.csv' });

describe('buildColumns', () => {
  it('encodes numeric columns as Float64Array with NaN for missing', () => {
    const t = buildColumns(parse('x\n1.5\nNA\n\n-2\n'));
    expect(t.schema[0]).toEqual({ name: 'x', type: 'number', encoding: 'f64', missing: 1 });
    expect(Array.from(t.columns[0]!)).toEqual([1.5, NaN, -2]);
  });

  it('encodes categories as Int32Array codes in first-seen order with -1 for missing', () => {
    const t = buildColumns(parse('c,k\nb,1\na,2\n,3\nb,4\n b ,5\nN/A,6\n'));
    expect(t.schema[0]).toEqual({
      name: 'c',
      type: 'category',
      encoding: 'dict',
      dictionary: ['b', 'a'],
      missing: 2,
    });
    expect(Array.from(t.columns[0]!)).toEqual([0, 1, -1, 0, 0, -1]);
  });

  it('stores booleans as the words true/false', () => {
    const t = buildColumns(parse('b\nYes\nno\nTRUE\n\n'), undefined);
    expect(t.schema[0]).toMatchObject({ type: 'boolean', dictionary: ['true', 'false'] });
    expect(Array.from(t.columns[0]!)).toEqual([0, 1, 0]);
  });

  it('stores datetimes as ms since epoch', () => {
    const t = buildColumns(parse('d\n2020-01-02\n2020-01-03T00:00Z\n'));
    expect(t.schema[0]!.type).toBe('datetime');
    expect(Array.from(t.columns[0]!)).toEqual([Date.UTC(2020, 0, 2), Date.UTC(2020, 0, 3)]);
  });

  it('honours a user-chosen type (number codes as category)', () => {
    const t = buildColumns(parse('z,v\n01,1\n02,2\n'), ['category', undefined]);
    expect(t.schema.map((s) => s.type)).toEqual(['category', 'integer']);
    expect(t.schema[0]!.dictionary).toEqual(['01', '02']);
  });

  it('rejects a value that does not fit a user-chosen type, naming line, column and value', () => {
    try {
      buildColumns(parse('a,b\n1,x\n2,y\n\n3.5,z\n'), ['integer']);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DataError);
      const err = e as DataError;
      expect(err.location).toEqual({ file: 't.csv', line: 5, row: 3, column: 'a', value: '3.5' });
      expect(err.message).toMatch(/t\.csv, line 5, column `a`: "3\.5" is not an integer/);
    }
  });

  it('rejects Infinity in a column the user typed as number (no silent NaN)', () => {
    expect(() => buildColumns(parse('a\n1\nInfinity\n'), ['number'])).toThrow(
      /line 3, column `a`: "Infinity" is not a number/,
    );
  });

  it('rejects a non-boolean in a column the user typed as boolean', () => {
    expect(() => buildColumns(parse('a\nyes\nmaybe\n'), ['boolean'])).toThrow(/"maybe"/);
  });

  it('keeps __proto__ / constructor headers as columns', () => {
    const t = buildColumns(parse('__proto__,constructor\n1,a\n2,b\n3,a\n4,a\n'));
    expect(t.schema.map((s) => s.name)).toEqual(['__proto__', 'constructor']);
    expect(t.columns).toHaveLength(2);
  });

  it('encodingOf and dictionaryKey agree with the stored encodings', () => {
    expect(['number', 'integer', 'datetime'].map((t) => encodingOf(t as 'number'))).toEqual([
      'f64',
      'f64',
      'f64',
    ]);
    expect(encodingOf('id')).toBe('dict');
    expect(dictionaryKey('boolean', 'YES')).toBe('true');
    expect(dictionaryKey('boolean', 'maybe')).toBeUndefined();
    expect(dictionaryKey('category', ' Dream ')).toBe('Dream');
    expect(dictionaryKey('category', 'na')).toBeNull();
  });
});

describe('penguins.csv (bundled example)', () => {
  const text = readFileSync(
    new URL('../../../public/examples/penguins.csv', import.meta.url),
    'utf8',
  );

  it('parses 344 rows and 7 columns and infers the expected schema', () => {
    const parsed = parseDelimited(text, { fileName: 'penguins.csv' });
    expect(parsed.rowCount).toBe(344);
    expect(parsed.delimiter).toBe(',');
    const { schema, columns } = buildColumns(parsed);
    expect(schema.map((s) => [s.name, s.type, s.missing])).toEqual([
      ['Species', 'category', 0],
      ['Island', 'category', 0],
      ['Beak Length (mm)', 'number', 2],
      ['Beak Depth (mm)', 'number', 2],
      ['Flipper Length (mm)', 'integer', 2],
      ['Body Mass (g)', 'integer', 2],
      // 10 empty cells plus one '.' (a SAS/Stata missing marker).
      ['Sex', 'category', 11],
    ]);
    expect(schema[0]!.dictionary).toEqual(['Adelie', 'Chinstrap', 'Gentoo']);
    expect(schema[1]!.dictionary).toEqual(['Torgersen', 'Biscoe', 'Dream']);
    expect(schema[6]!.dictionary).toEqual(['MALE', 'FEMALE']);
    expect(columns.every((c) => c.length === 344)).toBe(true);
    expect(columns[2]![0]).toBe(39.1);
    expect(Number.isNaN(columns[2]![3]!)).toBe(true);
  });
});
