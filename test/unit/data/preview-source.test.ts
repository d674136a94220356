import { describe, expect, it } from 'vitest';
import { detectFormat, detectHeader, previewSource } from '../../../src/lib/data/preview-source';

describe('previewSource', () => {
  it('guesses delimiter, header and types and shows raw rows', () => {
    const p = previewSource('a;b\n1,5;x\n2;y\n', 'f.csv');
    expect(p).toMatchObject({ format: 'csv', delimiter: ';', hasHeader: true, header: ['a', 'b'] });
    expect(p.rows).toEqual([
      ['1,5', 'x'],
      ['2', 'y'],
    ]);
    expect(p.notes).toContain('delimiter guessed: semicolon');
  });

  it('honours the user corrections: delimiter, no header, types', () => {
    const p = previewSource('1,2\n3,4\n', 'f.csv', {
      hasHeader: false,
      types: { column_1: 'category' },
    });
    expect(p.header).toEqual(['column_1', 'column_2']);
    expect(p.rows).toHaveLength(2);
    expect(p.types).toEqual(['category', 'integer']);
  });

  it('drops a record cut off at the end of a truncated sample', () => {
    const p = previewSource('x,y\n1,2\n3,"unfinish', 'f.csv', {}, true);
    expect(p.rows).toEqual([['1', '2']]);
  });

  it('notes renamed headers, ragged rows and nearly numeric columns', () => {
    const p = previewSource(
      `a,a,n\n${Array.from({ length: 20 }, (_, i) => `1,2,${i === 3 ? 'Infinity' : i}`).join('\n')}\n1,2\n`,
      'f.csv',
    );
    expect(p.notes.join('\n')).toMatch(/renamed "a" → a_2/);
    expect(p.notes.join('\n')).toMatch(/line 22: 2 field\(s\) but 3 column/);
    expect(p.notes.join('\n')).toMatch(/`n` would be numeric except 1 value/);
  });

  it('previews JSON and NDJSON records', () => {
    const p = previewSource('[{"a":1,"b":"x"},{"a":2}]', 'f.json');
    expect(p).toMatchObject({
      format: 'json',
      delimiter: null,
      header: ['a', 'b'],
      types: ['integer', 'text'],
    });
    expect(p.rows).toEqual([
      ['1', 'x'],
      ['2', ''],
    ]);
    const q = previewSource('{"a":1}\n{"a":2}\n{"a":', 'f.ndjson', {}, true);
    expect(q.rows).toEqual([['1'], ['2']]);
  });

  it('rejects an empty sample', () => {
    expect(() => previewSource('\uFEFF \n', 'f.csv')).toThrow(/is empty/);
  });
});

describe('detectFormat / detectHeader', () => {
  it('uses the extension, then the first character', () => {
    expect(detectFormat('[1]', 'x.csv')).toBe('csv');
    expect(detectFormat('{}', 'x.jsonl')).toBe('ndjson');
    expect(detectFormat(' [{}]', 'x.json')).toBe('json');
    expect(detectFormat('{"a":1}\n', 'x.json')).toBe('ndjson');
    expect(detectFormat('a,b', 'x')).toBe('csv');
  });

  it('finds a header over typed columns and none in an all-number file', () => {
    expect(
      detectHeader([
        ['x', 'y'],
        ['1', '2'],
        ['3', '4'],
      ]),
    ).toBe(true);
    expect(
      detectHeader([
        ['1', '2'],
        ['3', '4'],
      ]),
    ).toBe(false);
    expect(detectHeader([['name'], ['Ada'], ['Bob']])).toBe(true);
    expect(
      detectHeader([
        ['Ada', '1'],
        ['Bob', '2'],
        ['Ada', '3'],
      ]),
    ).toBe(false);
  });
});
