import { describe, expect, it } from 'vitest';
import { DataError } from '../../../src/lib/contracts/errors';
import { buildColumns } from '../../../src/lib/data/columns';
import { RecordTableBuilder, cellText } from '../../../src/lib/data/json-records';
import { parseDelimited } from '../../../src/lib/data/parse-delimited';
import { createRng } from '../../../src/lib/stats/rng';
import { randomChunks, sameTable, thrown } from './stream-helpers';

function read(chunks: readonly string[], format: 'json' | 'ndjson', sampleSize?: number) {
  const run = (lossless?: Set<string>, keys?: readonly string[]) => {
    const b = new RecordTableBuilder({
      fileName: 'f.json',
      format,
      ...(sampleSize ? { sampleSize } : {}),
      ...(lossless ? { lossless } : {}),
    });
    for (const c of chunks) b.push(c);
    const t = b.finish();
    return { t, keys: keys ?? b.rawKeys };
  };
  const first = run();
  if (first.t.contradicted.length === 0) return first.t;
  return run(new Set(first.t.contradicted.map((j) => first.keys[j]!))).t;
}

describe('RecordTableBuilder: JSON arrays and NDJSON', () => {
  const records = [
    { a: 1, b: 'x', c: true },
    { a: 2.5, c: false, d: { nested: [1, 2] } },
    { b: 'y', a: null, d: [3] },
  ];
  const json = JSON.stringify(records, null, 2);
  const ndjson = records.map((r) => JSON.stringify(r)).join('\r\n');

  it('unions keys in first-seen order; missing keys and null are missing; nested values are JSON text', () => {
    for (const [text, format] of [
      [json, 'json'],
      [ndjson, 'ndjson'],
    ] as const) {
      const t = read([text], format);
      expect(t.header).toEqual(['a', 'b', 'c', 'd']);
      expect(t.schema.map((c) => c.type)).toEqual(['number', 'text', 'boolean', 'text']);
      expect(Array.from(t.columns[0]!)).toEqual([1, 2.5, NaN]);
      expect(t.schema[3]!.dictionary).toEqual(['{"nested":[1,2]}', '[3]']);
    }
  });

  it('types cells exactly like the same table written as CSV, for any chunking (P6)', () => {
    const rng = createRng(3);
    const rows = Array.from({ length: 300 }, (_, i) => ({
      n: i % 5 === 0 ? 'NA' : String(i * 0.5),
      k: ['p', 'q'][i % 2]!,
      i,
    }));
    const csv = `n,k,i\n${rows.map((r) => `${r.n},${r.k},${r.i}`).join('\n')}\n`;
    const ref = buildColumns(parseDelimited(csv, { fileName: 'f.csv' }));
    const text = JSON.stringify(rows);
    for (let k = 0; k < 5; k++) {
      expect(sameTable(read(randomChunks(text, rng, 50), 'json', 1 + k * 7), ref)).toBe(true);
      const nd = rows.map((r) => JSON.stringify(r)).join('\n');
      expect(sameTable(read(randomChunks(nd, rng, 50), 'ndjson', 1 + k * 7), ref)).toBe(true);
    }
  });

  it('keeps __proto__ and constructor keys as columns without prototype pollution (X5)', () => {
    const t = read(['[{"__proto__": {"polluted": 1}, "constructor": "c", "x": 1}]'], 'json');
    expect(t.header).toEqual(['__proto__', 'constructor', 'x']);
    expect(t.schema[0]!.dictionary).toEqual(['{"polluted":1}']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reports malformed input with its line', () => {
    const cases: [string, 'json' | 'ndjson', RegExp, number][] = [
      ['{"a":1}\n{"a":\n', 'ndjson', /line 2, record 2: not valid JSON/, 2],
      ['{"a":1}\n[1]\n', 'ndjson', /line 2, record 2: .* is not an object/, 2],
      ['[{"a":1},\n {"a":}]', 'json', /line 2, record 2: not valid JSON/, 2],
      ['[{"a":1}', 'json', /not closed/, 1],
      ['[{"a":1}] x', 'json', /after the closing/, 1],
      ['{"a":1}', 'json', /must be an array of records/, 1],
      ['[]', 'json', /has no records/, 1],
      ['  \n', 'ndjson', /is empty/, 1],
    ];
    for (const [text, format, message, line] of cases) {
      const e = thrown(() => read([text], format)) as DataError;
      expect(e).toBeInstanceOf(DataError);
      expect(e.message).toMatch(message);
      expect(e.location?.line).toBe(line);
    }
  });

  it('renders cells as text', () => {
    expect([cellText('x'), cellText(1e21), cellText(false), cellText(null), cellText([1])]).toEqual(
      ['x', '1e+21', 'false', '', '[1]'],
    );
  });
});
