import { describe, expect, it } from 'vitest';
import { scanRecords } from '../../../src/lib/data/scan-records';

describe('scanRecords', () => {
  it('counts fields and start lines, normalising breaks outside quotes only', () => {
    const s = scanRecords('a,b\r\n1,"x\r\ny"\r3,4\n', ',');
    expect(s.fieldCounts).toEqual([2, 2, 2, 0]);
    expect(s.startLines).toEqual([1, 2, 4, 5]);
    expect(s.text).toBe('a,b\n1,"x\r\ny"\n3,4\n');
    expect(s.problem).toBeUndefined();
  });

  it('marks blank records with 0 fields and a record of one empty quoted field with 1', () => {
    expect(scanRecords('a\n\n""\n', ',').fieldCounts).toEqual([1, 0, 1, 0]);
  });

  it('reports an unterminated quote at the line where it opened', () => {
    const s = scanRecords('a,b\n1,2\n3,"x\ny\n', ',');
    expect(s.problem).toMatchObject({ kind: 'unterminated-quote', line: 3, record: 2, field: 1 });
  });

  it('reports text after a closing quote but accepts whitespace there', () => {
    expect(scanRecords('"a"b,c\n', ',').problem).toMatchObject({
      kind: 'text-after-quote',
      line: 1,
      field: 0,
    });
    expect(scanRecords('"a" \t,c\n', ',').problem).toBeUndefined();
  });

  it('treats a quote that does not start a field as a literal', () => {
    const s = scanRecords('a,b"c,"d"\n', ',');
    expect(s.problem).toBeUndefined();
    expect(s.fieldCounts).toEqual([3, 0]);
  });

  it('stops after maxRecords and says so', () => {
    const s = scanRecords('a\nb\nc\nd\n', ',', 2);
    expect(s.fieldCounts).toEqual([1, 1]);
    expect(s.truncated).toBe(true);
  });
});
