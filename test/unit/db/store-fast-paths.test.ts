/**
 * The storing fast paths of an import (issue 3, I1): chunk digests hashed from the values
 * without a copy when a chunk has no NaN, digests requested a column at a time, and chunk
 * batches encoded while the previous batch is written. Each is compared with the plain
 * definition (content-hash.ts) or the values read back.
 */
import { codes, dict, f64, floats, useFreshDb } from './helpers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StorageFullError } from '../../../src/lib/contracts/errors';
import {
  chunkPlaintext,
  createDataset,
  datasetContentHash,
  listVersions,
  readColumns,
  writeDatasetVersion,
} from '../../../src/lib/db';
import { isCanonicalPlaintext, type ColumnValues } from '../../../src/lib/db/chunk-codec';
import { chunkDigest, combineContentHash } from '../../../src/lib/db/content-hash';
import { CHUNK_BATCH_BYTES, setChunkBatchBytes } from '../../../src/lib/db/dataset-versions';
import { sha256Bytes } from '../../../src/lib/db/sha256';

/** The hash definition step by step, always through the canonical plaintext copy. */
async function referenceHash(
  schema: Parameters<typeof datasetContentHash>[0],
  columns: ColumnValues[],
  chunkRows: number,
): Promise<string> {
  const rows = columns[0]?.length ?? 0;
  const digests: Uint8Array[] = [];
  for (const c of columns) {
    for (let k = 0; k * chunkRows < rows; k++) {
      digests.push(
        await sha256Bytes(chunkPlaintext(c.subarray(k * chunkRows, (k + 1) * chunkRows))),
      );
    }
  }
  return combineContentHash(schema, rows, chunkRows, digests);
}

describe('chunk digests without a plaintext copy', () => {
  it('tells which chunks are their own canonical plaintext', () => {
    expect(isCanonicalPlaintext(new Float64Array([1, -0, Infinity, -Infinity]))).toBe(true);
    expect(isCanonicalPlaintext(new Float64Array([1, NaN]))).toBe(false);
    expect(isCanonicalPlaintext(new Int32Array([-1, 0, 7]))).toBe(true);
    const odd = new Float64Array(2);
    new Uint8Array(odd.buffer, 8).set([1, 0, 0, 0, 0, 0, 0xf8, 0x7f]); // NaN with a payload
    expect(isCanonicalPlaintext(odd)).toBe(false);
  });

  it('hashes a view into a bigger buffer as exactly its own bytes', async () => {
    const big = new Float64Array([9, 1, 2, 3, 9]);
    const view = big.subarray(1, 4);
    expect(await chunkDigest(view)).toEqual(await sha256Bytes(chunkPlaintext(view)));
    expect(await chunkDigest(view)).toEqual(await chunkDigest(new Float64Array([1, 2, 3])));
    const ints = new Int32Array([5, -1, 6, 5]).subarray(1, 3);
    expect(await chunkDigest(ints)).toEqual(await sha256Bytes(chunkPlaintext(ints)));
  });

  it('gives the id of the plain definition for chunks with and without NaN (any NaN bits)', async () => {
    const rows = 1000;
    const clean = Float64Array.from({ length: rows }, (_, i) => (i % 3 ? i / 7 : -i));
    const holes = clean.slice();
    holes[5] = NaN; // only the first chunk of 64 rows has a NaN
    const odd = clean.slice();
    new Uint8Array(odd.buffer, 8 * 900).set([3, 0, 0, 0, 0, 0, 0xf8, 0xff]); // a negative NaN
    const ids = codes(rows, 4);
    const schema = [f64('a'), f64('b', 1), f64('c', 1), dict('d', ['w', 'x', 'y', 'z'], 2)];
    const columns = [clean, holes, odd, ids];
    for (const chunkRows of [64, 1000, 65_536]) {
      expect(await datasetContentHash(schema, columns, chunkRows)).toBe(
        await referenceHash(schema, columns, chunkRows),
      );
    }
    // The odd NaN hashes as the canonical one.
    const canon = clean.slice();
    canon[900] = NaN;
    expect(await datasetContentHash(schema, [clean, holes, canon, ids], 64)).toBe(
      await datasetContentHash(schema, columns, 64),
    );
  });
});

describe('chunk batches written while the next is encoded', () => {
  const t = useFreshDb();
  // 9 columns × 150,001 float64 (27 chunks of up to 512 KiB) in batches of 1 MiB.
  const ROWS = 150_001;
  let before = CHUNK_BATCH_BYTES;
  beforeEach(() => {
    before = setChunkBatchBytes(1 << 20);
  });
  afterEach(() => {
    setChunkBatchBytes(before);
  });
  const schema = Array.from({ length: 9 }, (_, j) => f64(`x${j}`, j === 0 ? 150 : 0));
  const columns = schema.map((_, j) => {
    if (j === 0) return floats(ROWS);
    return Float64Array.from({ length: ROWS }, (_, i) => Math.cos(i + j) * 10 ** j);
  });

  it('stores every chunk of several batches; the values read back are the same bits', async () => {
    const ds = await createDataset({ name: 'big' });
    let batches = 0;
    const db = t.db();
    const original = db.chunks.bulkPut.bind(db.chunks);
    db.chunks.bulkPut = ((...args: Parameters<typeof original>) => {
      batches++;
      return original(...args);
    }) as typeof original;
    const v = await writeDatasetVersion({
      dataset: ds,
      parentId: null,
      schema,
      columns,
      source: { kind: 'file', name: 'big.csv' },
    });
    db.chunks.bulkPut = original;
    expect(batches).toBeGreaterThan(5);
    expect(v.id).toBe(await referenceHash(schema, columns, v.chunkRows));
    const back = await readColumns(
      v.id,
      schema.map((c) => c.name),
    );
    back.forEach((c, j) => {
      const want = columns[j]!;
      expect(c.length).toBe(ROWS);
      let differ = 0;
      for (let i = 0; i < ROWS; i++) if (!Object.is(c[i], want[i])) differ++;
      expect(differ).toBe(0);
    });
  });

  it('a batch that fails while the next is encoded fails the write; no version appears', async () => {
    const ds = await createDataset({ name: 'full' });
    const db = t.db();
    const original = db.chunks.bulkPut.bind(db.chunks);
    let calls = 0;
    db.chunks.bulkPut = (async (...args: Parameters<typeof original>) => {
      calls++;
      if (calls === 1) {
        // Fails after the writer has moved on to encoding the next batch.
        await new Promise((resolve) => setTimeout(resolve, 20));
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return original(...args);
    }) as typeof original;
    const error = await writeDatasetVersion({
      dataset: ds,
      parentId: null,
      schema,
      columns,
      source: { kind: 'file', name: 'full.csv' },
    }).catch((e: unknown) => e);
    db.chunks.bulkPut = original;
    expect(error).toBeInstanceOf(StorageFullError);
    expect(await listVersions(ds.id)).toEqual([]);
  });
});
