import { describe, expect, it } from 'vitest';
import { detectDelimiter } from '../../../src/lib/data/detect-delimiter';

describe('detectDelimiter', () => {
  it.each([
    ['a,b,c\n1,2,3\n', ','],
    ['a\tb\n1\t2\n', '\t'],
    ['a;b\n1,5;2,5\n', ';'],
    ['a|b|c\n1|2|3\n', '|'],
    ['"a;b",c\n"1;2",3\n', ','],
    ['single\n1\n', ','],
  ])('%j → %j', (text, expected) => {
    expect(detectDelimiter(text)).toBe(expected);
  });

  it('prefers the delimiter that splits rows consistently with the header', () => {
    // Commas appear in every line but with varying counts; semicolons split evenly.
    expect(detectDelimiter('x;y\n1,2,3;4\n5;6,7\n8;9\n')).toBe(';');
  });

  it('breaks ties by field count, then by the order , \\t ; |', () => {
    expect(detectDelimiter('a,b;c\n1,2;3\n')).toBe(',');
    expect(detectDelimiter('a,b;c;d\n1,2;3;4\n')).toBe(';');
  });

  it('ignores a partial last record when the sample is cut from a large file', () => {
    const row = 'aaaa;bbbb;cccc\n';
    expect(detectDelimiter(row.repeat(10_000))).toBe(';');
  });
});
