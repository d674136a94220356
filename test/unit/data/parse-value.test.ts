import { describe, expect, it } from 'vitest';
import {
  isMissing,
  parseBoolean,
  parseDatetime,
  parseInteger,
  parseNumber,
} from '../../../src/lib/data/parse-value';

describe('isMissing', () => {
  it.each(['', '  ', 'NA', 'na', 'N/A', 'n/a', 'null', 'NULL', 'NaN', 'nan', '.', ' NA '])(
    '%j is missing',
    (v) => expect(isMissing(v)).toBe(true),
  );
  it.each(['0', 'none', '-', 'NAN2', 'N.A.', '..'])('%j is not missing', (v) =>
    expect(isMissing(v)).toBe(false),
  );
});

describe('parseNumber: value corpus (RELIABILITY P2)', () => {
  it.each([
    ['1', 1],
    ['-2.5', -2.5],
    ['+3', 3],
    ['.5', 0.5],
    ['5.', 5],
    ['1e3', 1000],
    ['1E-2', 0.01],
    ['007', 7],
    [' 42 ', 42],
    ['-0', 0],
    ['1.7976931348623157e308', 1.7976931348623157e308],
  ])('%j is the number %d', (text, x) => expect(parseNumber(text)).toBe(x));

  it.each(['', 'NaN', 'NA', 'null'])('%j is missing (null), not NaN', (text) =>
    expect(parseNumber(text)).toBeNull(),
  );

  it.each([
    'Infinity',
    '-Infinity',
    'inf',
    '1e309',
    '-1e309',
    '1,5',
    '1,000',
    '0x10',
    '0b1',
    '1_000',
    '$5',
    '5%',
    'abc',
    '1 2',
    'e5',
    '--1',
  ])('%j is invalid (never a silent NaN)', (text) => expect(parseNumber(text)).toBe('invalid'));

  it('returns +0 for -0 so that equality checks do not depend on the sign of zero', () => {
    expect(Object.is(parseNumber('-0'), 0)).toBe(true);
  });
});

describe('parseInteger', () => {
  it('accepts integer-valued numbers and rejects fractions and unsafe integers', () => {
    expect(parseInteger('12')).toBe(12);
    expect(parseInteger('3.0')).toBe(3);
    expect(parseInteger('1e3')).toBe(1000);
    expect(parseInteger('3.5')).toBe('invalid');
    expect(parseInteger('9007199254740993')).toBe('invalid');
    expect(parseInteger('NA')).toBeNull();
  });
});

describe('parseBoolean', () => {
  it('reads true/false/yes/no in any case and nothing else', () => {
    expect(['true', 'TRUE', 'Yes', ' yes '].map(parseBoolean)).toEqual([true, true, true, true]);
    expect(['false', 'No', 'NO'].map(parseBoolean)).toEqual([false, false, false]);
    expect(['1', '0', 't', 'y', 'on'].map(parseBoolean)).toEqual(Array(5).fill('invalid'));
    expect(parseBoolean('')).toBeNull();
  });
});

describe('parseDatetime', () => {
  it.each([
    ['2020-01-02', Date.UTC(2020, 0, 2)],
    ['2020-01-02T03:04', Date.UTC(2020, 0, 2, 3, 4)],
    ['2020-01-02 03:04:05', Date.UTC(2020, 0, 2, 3, 4, 5)],
    ['2020-01-02T03:04:05.678Z', Date.UTC(2020, 0, 2, 3, 4, 5, 678)],
    ['2020-01-02T03:04:05.6789Z', Date.UTC(2020, 0, 2, 3, 4, 5, 678)],
    ['2020-01-02T03:04:05+01:00', Date.UTC(2020, 0, 2, 2, 4, 5)],
    ['2020-01-02T03:04:05-0130', Date.UTC(2020, 0, 2, 4, 34, 5)],
    ['2024-02-29', Date.UTC(2024, 1, 29)],
    ['0099-12-31', Date.parse('0099-12-31T00:00:00Z')],
  ])('%j is %d ms (no zone = UTC)', (text, ms) => expect(parseDatetime(text)).toBe(ms));

  it.each([
    '2023-02-29',
    '2020-13-01',
    '2020-04-31',
    '2020-01-01T24:00',
    '2020-01-01T12:60',
    '03/04/2020',
    '2020-1-5',
    '20200105',
    'yesterday',
    '2020-01-01T00:00+25:00',
  ])('%j is invalid', (text) => expect(parseDatetime(text)).toBe('invalid'));

  it('treats missing markers as missing', () => {
    expect(parseDatetime('NA')).toBeNull();
  });
});
