import { describe, expect, it } from 'vitest';
import { DataError } from '../../../src/lib/contracts/errors';
import { appendTable, checkSameColumns } from '../../../src/lib/data/append-table';
import { readTable } from '../../../src/lib/data/read-table';
import { createRng } from '../../../src/lib/stats/rng';
import { randomChunks, referenceTable, sameTable } from './stream-helpers';

const source = (chunks: readonly string[]) =>
  async function* () {
    yield* chunks;
  };

describe('readTable', () => {
  it('strips a BOM, detects the format and delimiter and equals the reference', async () => {
    const text = 'a\tb\r\n1\tx\r\n2\ty\r\n';
    const t = await readTable(source(['\uFEFF', text]), { fileName: 'f.tsv' });
    expect(t).toMatchObject({ format: 'csv', delimiter: '\t', hasHeader: true, passes: 1 });
    expect(sameTable(t, referenceTable(text, '\t'))).toBe(true);
  });

  it('reads the source a second time when a sampled type is contradicted, same result as whole-file typing', async () => {
    const text = `v,w\n${Array.from({ length: 5000 }, (_, i) => `${i === 4500 ? '?' : i * 0.25},${i % 3}`).join('\n')}\n`;
    const t = await readTable(source(randomChunks(text, createRng(9), 4000)), {
      fileName: 'f.csv',
    });
    expect(t.passes).toBe(2);
    // 4,999 distinct numbers and one `?`: not numeric, (almost) all distinct → id.
    expect(t.schema[0]!.type).toBe('id');
    expect(sameTable(t, referenceTable(text))).toBe(true);
  });

  it('reports progress after every chunk and stops when the hook throws (cancel)', async () => {
    const seen: number[] = [];
    const chunks = randomChunks(`x\n${'1\n'.repeat(1000)}`, createRng(2), 100);
    const e = await readTable(source(chunks), { fileName: 'f.csv' }, ({ rows }) => {
      seen.push(rows);
      if (seen.length === 5) throw new Error('stop');
    }).catch((x: unknown) => x);
    expect((e as Error).message).toBe('stop');
    expect(seen).toHaveLength(5);
  });

  it('reads NDJSON and honours a headerless delimited file', async () => {
    const nd = await readTable(source(['{"a":1}\n{"a":2}\n']), { fileName: 'f.ndjson' });
    expect(nd).toMatchObject({ format: 'ndjson', header: ['a'], rowCount: 2 });
    const csv = await readTable(source(['1,2\n3,4\n']), { fileName: 'f.csv' });
    expect(csv).toMatchObject({ hasHeader: false, header: ['column_1', 'column_2'], rowCount: 2 });
  });

  it('refuses an unknown delimiter', async () => {
    await expect(
      readTable(source(['a:b\n']), { fileName: 'f.csv', delimiter: ':' }),
    ).rejects.toThrow(DataError);
  });
});

describe('appendTable', () => {
  it('concatenates values and merges dictionaries in first-seen order', () => {
    const base = {
      schema: [
        { name: 'x', type: 'number' as const, encoding: 'f64' as const, missing: 1 },
        {
          name: 'c',
          type: 'category' as const,
          encoding: 'dict' as const,
          dictionary: ['a'],
          missing: 0,
        },
      ],
      columns: [Float64Array.of(1, NaN), Int32Array.of(0, 0)],
    };
    const added = {
      schema: [
        {
          name: 'c',
          type: 'category' as const,
          encoding: 'dict' as const,
          dictionary: ['b', 'a'],
          missing: 1,
        },
        { name: 'x', type: 'number' as const, encoding: 'f64' as const, missing: 0 },
      ],
      columns: [Int32Array.of(0, 1, -1), Float64Array.of(2, 3, 4)],
    };
    const t = appendTable(base, added);
    expect(Array.from(t.columns[0]!)).toEqual([1, NaN, 2, 3, 4]);
    expect(Array.from(t.columns[1]!)).toEqual([0, 0, 1, 0, -1]);
    expect(t.schema[1]).toMatchObject({ dictionary: ['a', 'b'], missing: 1 });
    expect(t.schema[0]).toMatchObject({ missing: 1 });
  });

  it('names missing and extra columns', () => {
    const schema = [{ name: 'a', type: 'number' as const, encoding: 'f64' as const, missing: 0 }];
    expect(() => checkSameColumns(schema, ['b'], 'f.csv')).toThrow(
      /missing column\(s\) `a` and extra column\(s\) `b`/,
    );
  });
});
