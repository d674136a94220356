import { describe, expect, it } from 'vitest';
import { inferColumn, inferColumnType } from '../../../src/lib/data/infer-type';

const repeat = (values: string[], times: number): string[] =>
  Array.from({ length: times }, () => values).flat();

describe('inferColumnType: value corpus (RELIABILITY P2)', () => {
  it('integers, with missing markers ignored', () => {
    expect(inferColumnType(['1', '2', 'NA', '', '3', 'NaN', '1'])).toBe('integer');
  });

  it('numbers when any value has a fraction or exponent', () => {
    expect(inferColumnType(['1', '2.5', '', '3'])).toBe('number');
    expect(inferColumnType(['1e-3', '2'])).toBe('number');
  });

  it('Infinity or 1e309 make a column non-numeric and are reported, never turned into NaN', () => {
    const values = [...Array.from({ length: 30 }, (_, i) => String(i % 7)), 'Infinity', '1e309'];
    const r = inferColumn(values);
    expect(r.type).toBe('category');
    expect(r.nearlyNumeric).toEqual({
      invalid: 2,
      examples: [
        { row: 30, value: 'Infinity' },
        { row: 31, value: '1e309' },
      ],
    });
  });

  it('1,5 (decimal comma) is not a number', () => {
    expect(inferColumnType(['1,5', '2,5', '1,5', '2,5'])).toBe('category');
  });

  it('0x10 is not a number', () => {
    expect(inferColumnType(['0x10', '0x20', '0x10', '0x20'])).toBe('category');
  });

  it('007 alone among integers of different widths is the number 7', () => {
    expect(inferColumnType(['007', '12', '5'])).toBe('integer');
  });

  it('equal-width digit codes with leading zeros are categories or ids, not numbers', () => {
    expect(inferColumnType(repeat(['01', '02', '10'], 3))).toBe('category');
    const zips = Array.from({ length: 100 }, (_, i) => String(1000 + i * 37).padStart(5, '0'));
    expect(inferColumnType(zips)).toBe('id');
  });

  it('booleans in any case, mixed words allowed', () => {
    expect(inferColumnType(['true', 'False', 'YES', 'no', ''])).toBe('boolean');
    expect(inferColumnType(['1', '0', '1'])).toBe('integer');
  });

  it('ISO dates and date-times', () => {
    expect(inferColumnType(['2020-01-01', '2020-01-02T10:00Z', ''])).toBe('datetime');
    expect(inferColumnType(['2020-01-01', '01/02/2020'])).not.toBe('datetime');
  });

  it('mixed numbers and words fall back to category / text', () => {
    expect(inferColumnType(repeat(['1', 'two', '3'], 4))).toBe('category');
  });

  it('category needs ≤ 50 distinct values and ≤ 50% of the non-missing values', () => {
    const fifty = Array.from({ length: 50 }, (_, i) => `c${i}`);
    expect(inferColumnType(repeat(fifty, 2))).toBe('category');
    const fiftyOne = Array.from({ length: 51 }, (_, i) => `c${i} x`);
    expect(inferColumnType(repeat(fiftyOne, 2))).toBe('text');
    expect(inferColumnType(['a', 'b', 'c', 'a'])).not.toBe('category');
  });

  it('id when (almost) every value is distinct, none missing and no spaces', () => {
    const ids = Array.from({ length: 40 }, (_, i) => `u${i}`);
    expect(inferColumnType(ids)).toBe('id');
    expect(inferColumnType([...ids, ''])).toBe('text');
    expect(inferColumnType(ids.map((v) => `${v} name`))).toBe('text');
  });

  it('distinct consecutive integers with ≥ 20 rows and nothing missing are row ids', () => {
    const rows = Array.from({ length: 25 }, (_, i) => String(25 - i));
    expect(inferColumnType(rows)).toBe('id');
    expect(inferColumnType(rows.slice(0, 19))).toBe('integer');
    expect(inferColumnType([...rows.slice(1), '100'])).toBe('integer');
  });

  it('a column with only missing values is text (unusable as a feature)', () => {
    const r = inferColumn(['', 'NA', '.']);
    expect(r).toMatchObject({ type: 'text', missing: 3, distinct: 0 });
  });

  it('counts missing and distinct after trimming', () => {
    expect(inferColumn([' a', 'a ', 'b', 'b', 'NA'])).toMatchObject({
      type: 'category',
      missing: 1,
      distinct: 2,
    });
  });
});
