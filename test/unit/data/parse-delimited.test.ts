import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../../src/lib/contracts/errors';
import { parseDelimited } from '../../../src/lib/data/parse-delimited';
import type { Delimiter } from '../../../src/lib/data/detect-delimiter';
import { createRng, type Rng } from '../../../src/lib/stats/rng';

const f = { fileName: 'f.csv' };

/** Runs `fn`, expects a DataError and returns it for further checks. */
function dataError(fn: () => unknown): DataError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DataError);
    return e as DataError;
  }
  throw new Error('expected a DataError');
}

describe('parseDelimited: CSV corpus (RELIABILITY P1)', () => {
  it('parses a plain file into string columns with source lines', () => {
    const t = parseDelimited('a,b\n1,x\n2,y\n', f);
    expect(t.header).toEqual(['a', 'b']);
    expect(t.columns).toEqual([
      ['1', '2'],
      ['x', 'y'],
    ]);
    expect(t.rowCount).toBe(2);
    expect(t.delimiter).toBe(',');
    expect(Array.from(t.lines)).toEqual([2, 3]);
  });

  it('strips a UTF-8 BOM so the first header name is clean', () => {
    const t = parseDelimited('\uFEFFid,v\n1,2\n', f);
    expect(t.header).toEqual(['id', 'v']);
  });

  it.each([
    ['\\r\\n', 'a,b\r\n1,2\r\n3,4\r\n'],
    ['\\r', 'a,b\r1,2\r3,4\r'],
    ['\\n', 'a,b\n1,2\n3,4\n'],
    ['mixed', 'a,b\r\n1,2\r3,4\n'],
    ['no final break', 'a,b\r\n1,2\n3,4'],
  ])('reads %s line breaks the same way, with correct line numbers', (_, text) => {
    const t = parseDelimited(text, f);
    expect(t.columns).toEqual([
      ['1', '3'],
      ['2', '4'],
    ]);
    expect(Array.from(t.lines)).toEqual([2, 3]);
  });

  it('keeps line breaks inside quoted fields byte for byte and counts their lines', () => {
    const t = parseDelimited('a,b\r\n"x\r\ny",1\r\n"p\rq\nr",2\r\nz,3\r\n', f);
    expect(t.columns[0]).toEqual(['x\r\ny', 'p\rq\nr', 'z']);
    expect(Array.from(t.lines)).toEqual([2, 4, 7]);
  });

  it('unescapes doubled quotes and keeps delimiters inside quotes', () => {
    const t = parseDelimited('a,b\n"say ""hi""","1,5"\n', f);
    expect(t.columns).toEqual([['say "hi"'], ['1,5']]);
  });

  it('treats a quote inside an unquoted field as a literal character', () => {
    const t = parseDelimited('a,b\n5" screen,1\n', f);
    expect(t.columns[0]).toEqual(['5" screen']);
  });

  it('accepts spaces between a closing quote and the delimiter (as papaparse does)', () => {
    const t = parseDelimited('a,b\n"x"  ,1\n', f);
    expect(t.columns).toEqual([['x'], ['1']]);
  });

  it('rejects an unterminated quote, naming the line where it opened and the column', () => {
    const e = dataError(() => parseDelimited('a,b\n1,2\n3,"open\n5,6\n7,8\n', f));
    expect(e.location).toMatchObject({ file: 'f.csv', line: 3, column: 'b' });
    expect(e.message).toMatch(/f\.csv, line 3, column `b`/);
    expect(e.message).toMatch(/closing " is missing/);
  });

  it('rejects text after a closing quote, naming line and column', () => {
    const e = dataError(() => parseDelimited('a,b\n1,2\n"x"y,3\n', f));
    expect(e.location).toMatchObject({ line: 3, column: 'a' });
    expect(e.message).toMatch(/text follows the closing "/);
  });

  it('renames duplicate header names with _2, _3 and skips suffixes already in use', () => {
    const t = parseDelimited('a,a,a_2,a\n1,2,3,4\n', f);
    expect(t.header).toEqual(['a', 'a_3', 'a_2', 'a_4']);
    expect(t.renames.map((r) => r.to)).toEqual(['a_3', 'a_4']);
  });

  it('names empty header cells column_N (1-based position) and trims names', () => {
    const t = parseDelimited(' x ,,\t\n1,2,3\n', { fileName: 'f.csv', delimiter: ',' });
    expect(t.header).toEqual(['x', 'column_2', 'column_3']);
  });

  it('rejects an empty or blank file', () => {
    for (const text of ['', '\uFEFF', '\n\n', '  \r\n']) {
      const e = dataError(() => parseDelimited(text, f));
      expect(e.message).toMatch(/f\.csv is empty/);
      expect(e.location).toMatchObject({ file: 'f.csv', line: 1 });
    }
  });

  it('rejects a header-only file, pointing at the line after the header', () => {
    const e = dataError(() => parseDelimited('a,b,c\n', f));
    expect(e.message).toMatch(/header line but no data rows/);
    expect(e.location).toMatchObject({ line: 2 });
  });

  it('rejects a short row naming the line and the first column without a value', () => {
    const e = dataError(() => parseDelimited('a,b,c\n1,2,3\n4,5\n6\n', f));
    expect(e.location).toMatchObject({ file: 'f.csv', line: 3, row: 2, column: 'c' });
    expect(e.message).toMatch(/line 3: 2 field\(s\) but the header has 3/);
    expect(e.message).toMatch(/1 more line/);
  });

  it('rejects a long row naming the line and the extra value', () => {
    const e = dataError(() => parseDelimited('a,b\n1,2\n3,4,5\n', f));
    expect(e.location).toMatchObject({ line: 3, row: 2, column: 'column_3', value: '5' });
    expect(e.message).toMatch(/"5"/);
  });

  it('skips blank lines (leading, inner, trailing) but keeps a quoted empty value', () => {
    const t = parseDelimited('\n\nv\n1\n\n""\n3\n\n', f);
    expect(t.header).toEqual(['v']);
    expect(t.columns[0]).toEqual(['1', '', '3']);
    expect(Array.from(t.lines)).toEqual([4, 6, 7]);
  });

  it('keeps __proto__ and constructor as ordinary columns without prototype pollution', () => {
    const t = parseDelimited('__proto__,constructor,toString\n1,2,3\n', f);
    expect(t.header).toEqual(['__proto__', 'constructor', 'toString']);
    expect(t.columns).toEqual([['1'], ['2'], ['3']]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });
});

describe('parseDelimited: delimiter detection', () => {
  it.each([
    ['a,b\n1,2\n', ','],
    ['a\tb\n1\t2\n', '\t'],
    ['a;b\n1,5;2\n3,0;4\n', ';'],
    ['a|b\n1|2\n', '|'],
    ['"x,y";b\n1;2\n', ';'],
    ['name\nAda\n', ','],
  ])('detects the delimiter of %j', (text, d) => {
    expect(parseDelimited(text, f).delimiter).toBe(d);
  });

  it('keeps 1,5 as text in a semicolon file', () => {
    expect(parseDelimited('a;b\n1,5;2\n', f).columns[0]).toEqual(['1,5']);
  });

  it('uses a given delimiter instead of guessing', () => {
    const t = parseDelimited('a,b;c\n1,2;3\n', { fileName: 'f.csv', delimiter: ';' });
    expect(t.header).toEqual(['a,b', 'c']);
  });
});

const ALPHABET = ['a', 'b', 'Z', '0', '9', ' ', '"', ',', '\t', ';', '|', '\r', '\n', 'é', '€'];

function randomCell(rng: Rng): string {
  const length = rng.int(6);
  let s = '';
  for (let k = 0; k < length; k++) s += ALPHABET[rng.int(ALPHABET.length)]!;
  return s;
}

describe('parseDelimited: parse(unparse(rows)) = rows (RELIABILITY P5)', () => {
  it('round-trips random cells through papaparse.unparse for every delimiter', () => {
    const rng = createRng(20240601);
    const delimiters: Delimiter[] = [',', '\t', ';', '|'];
    for (let trial = 0; trial < 300; trial++) {
      const delimiter = delimiters[trial % 4]!;
      const width = 1 + rng.int(5);
      const height = 1 + rng.int(6);
      // Header names are trimmed and made unique, so they are generated that way.
      const header = Array.from({ length: width }, (_, j) => `c${j}`);
      const rows = Array.from({ length: height }, () =>
        Array.from({ length: width }, () => randomCell(rng)),
      );
      // A one-column row whose only cell is empty would be a blank line, which is skipped.
      if (width === 1) rows.forEach((r) => (r[0] = r[0] || 'x'));
      const newline = ['\r\n', '\n'][rng.int(2)]!;
      const text = Papa.unparse([header, ...rows], { delimiter, newline, quotes: false });
      const t = parseDelimited(text, { fileName: 'p.csv', delimiter });
      expect(t.header).toEqual(header);
      const back = Array.from({ length: t.rowCount }, (_, i) => t.columns.map((c) => c[i]));
      expect(back).toEqual(rows);
    }
  });

  it('round-trips with delimiter detection when cells avoid delimiter characters', () => {
    const rng = createRng(7);
    const delimiters: Delimiter[] = [',', '\t', ';', '|'];
    for (let trial = 0; trial < 100; trial++) {
      const delimiter = delimiters[trial % 4]!;
      const header = ['id', 'name', 'value'];
      const rows = Array.from({ length: 1 + rng.int(5) }, () =>
        header.map(() => randomCell(rng).replace(/[,\t;|]/g, '') || 'v'),
      );
      const text = Papa.unparse([header, ...rows], { delimiter, quotes: true });
      const t = parseDelimited(text, { fileName: 'p.csv' });
      expect(t.delimiter).toBe(delimiter);
      expect(Array.from({ length: t.rowCount }, (_, i) => t.columns.map((c) => c[i]))).toEqual(
        rows,
      );
    }
  });
});

describe('parseDelimited: random text never crashes', () => {
  it('either parses or throws a DataError (the scan and papaparse always agree)', () => {
    const rng = createRng(99);
    const chars = ['a', '1', ' ', '"', '"', ',', ';', '\t', '|', '\r', '\n', '\n'];
    let parsed = 0;
    for (let trial = 0; trial < 3000; trial++) {
      let text = '';
      const length = rng.int(40);
      for (let k = 0; k < length; k++) text += chars[rng.int(chars.length)]!;
      try {
        const t = parseDelimited(text, { fileName: 'r.csv' });
        expect(t.columns.every((c) => c.length === t.rowCount)).toBe(true);
        parsed++;
      } catch (e) {
        expect(e).toBeInstanceOf(DataError);
      }
    }
    expect(parsed).toBeGreaterThan(50);
  });
});
