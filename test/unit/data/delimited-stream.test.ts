import { describe, expect, it } from 'vitest';
import {
  DelimitedScanner,
  fieldText,
  type RecordBatch,
} from '../../../src/lib/data/delimited-stream';
import { parseDelimited } from '../../../src/lib/data/parse-delimited';
import { createRng } from '../../../src/lib/stats/rng';
import { randomChunks } from './stream-helpers';

/** All records of `chunks` with their lines, or the problem. */
function scanAll(chunks: readonly string[], delimiter = ',') {
  const s = new DelimitedScanner(delimiter);
  const records: string[][] = [];
  const lines: number[] = [];
  const take = (b: RecordBatch): void => {
    let f = 0;
    for (let r = 0; r < b.records; r++) {
      const row: string[] = [];
      for (; f < b.recordEnd[r]!; f++) row.push(fieldText(b, f));
      records.push(row);
      lines.push(b.recordLine[r]!);
    }
  };
  for (const c of chunks) {
    take(s.push(c));
    if (s.problem) return { records, lines, problem: s.problem };
  }
  take(s.finish());
  return { records, lines, problem: s.problem };
}

describe('DelimitedScanner: records and lines', () => {
  it('splits fields and records and numbers lines from 1', () => {
    const r = scanAll(['a,b\n1,2\n3,4']);
    expect(r.records).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(r.lines).toEqual([1, 2, 3]);
  });

  it('reads a \\r\\n split between two chunks as one line break', () => {
    const r = scanAll(['a,b\r', '\n1,2\r', '\n3,4\r\n']);
    expect(r.records).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(r.lines).toEqual([1, 2, 3]);
  });

  it('keeps a quoted field that spans chunks, with "" and line breaks inside', () => {
    const r = scanAll(['a,"x"', '"y\r', '\nz""', '"', ',b\n', '2,3\n']);
    expect(r.records).toEqual([
      ['a', 'x"y\r\nz"', 'b'],
      ['2', '3'],
    ]);
    expect(r.lines).toEqual([1, 3]);
  });

  it('skips blank lines but counts them', () => {
    const r = scanAll(['\n\nv\n1\n\n""\n3\n\n']);
    expect(r.records).toEqual([['v'], ['1'], [''], ['3']]);
    expect(r.lines).toEqual([3, 4, 6, 7]);
  });

  it('reads plain decimals while scanning, exactly as Number() does', () => {
    const s = new DelimitedScanner(',');
    const b = s.push('-1.234567,007,.5,1e3,"2", 3,123456789012345.6,0.1\n');
    expect(Array.from(b.fieldNumber.subarray(0, b.fields))).toEqual([
      -1.234567,
      7,
      0.5,
      NaN,
      NaN,
      NaN,
      123456789012345.6,
      0.1,
    ]);
  });

  it('reports an unclosed quote at the line where it opened', () => {
    const r = scanAll(['a,b\n1,"x\n', 'y\n']);
    expect(r.problem).toMatchObject({ kind: 'unterminated-quote', line: 2, field: 1 });
  });

  it('reports text after a closing quote', () => {
    const r = scanAll(['a,b\n1,"x"y\n']);
    expect(r.problem).toMatchObject({ kind: 'text-after-quote', line: 2, field: 1 });
  });
});

describe('DelimitedScanner: same records as parseDelimited for any split (RELIABILITY P1, P6)', () => {
  it('agrees with parseDelimited on 5,000 random texts, each cut at random places', () => {
    const rng = createRng(7);
    const alphabet = ['a', 'b', ',', ';', '"', '""', '\r', '\n', '\r\n', ' ', '1', '\t', 'é'];
    let compared = 0;
    for (let k = 0; k < 5000; k++) {
      let text = '';
      const len = rng.int(40);
      for (let i = 0; i < len; i++) text += alphabet[rng.int(alphabet.length)];
      let ref: ReturnType<typeof parseDelimited> | undefined;
      let refError: Error | undefined;
      try {
        ref = parseDelimited(text, { fileName: 'f', delimiter: ',' });
      } catch (e) {
        refError = e as Error;
      }
      const got = scanAll(randomChunks(text, rng, 6));
      const whole = scanAll([text]);
      expect(got).toEqual(whole);
      if (refError) {
        if (/closing " is missing|text follows/.test(refError.message)) {
          expect(got.problem?.line).toBe(
            (refError as { location?: { line?: number } }).location?.line,
          );
        }
        continue;
      }
      expect(got.problem).toBeUndefined();
      if (!ref) throw new Error('unreachable: parseDelimited neither returned nor threw');
      const data = got.records.slice(1);
      expect(data.map((row) => row.length === ref.header.length)).not.toContain(false);
      expect(ref.columns.map((_, j) => data.map((row) => row[j]))).toEqual(ref.columns);
      expect(got.lines.slice(1)).toEqual(Array.from(ref.lines));
      compared++;
    }
    expect(compared).toBeGreaterThan(500);
  });
});
