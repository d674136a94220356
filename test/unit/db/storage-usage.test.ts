import { floats, storedDataset, useFreshDb } from './helpers';
import { describe, expect, it } from 'vitest';
import {
  CHUNK_HEADER_BYTES,
  createDataset,
  datasetStorageBytes,
  deleteDataset,
  storageSummary,
  writeDatasetVersion,
} from '../../../src/lib/db';
import { codes, dict, f64 } from './helpers';

describe('storage usage', () => {
  const t = useFreshDb();

  it('sums the chunk payload bytes of every version of a dataset', async () => {
    const ds = await createDataset({ name: 'big' });
    // 70,000 rows: two chunks per column. f64 = 8 bytes, dict codes = 4 bytes per row.
    await writeDatasetVersion({
      dataset: ds,
      parentId: null,
      schema: [f64('x', 70), dict('c', ['a', 'b'], 140)],
      columns: [floats(70_000), codes(70_000, 2)],
      source: { kind: 'file', name: 'big.csv' },
    });
    await writeDatasetVersion({
      dataset: ds,
      parentId: null,
      schema: [f64('x')],
      columns: [new Float64Array([1, 2, 3])],
      source: { kind: 'file', name: 'small.csv' },
    });
    const expected = 70_000 * 12 + 4 * CHUNK_HEADER_BYTES + (3 * 8 + CHUNK_HEADER_BYTES);
    expect(await datasetStorageBytes(ds.id)).toBe(expected);
    let sum = 0;
    await t.db().chunks.each((c) => (sum += c.payload.byteLength));
    expect(sum).toBe(expected);
    expect(await datasetStorageBytes('unknown')).toBe(0);
  });

  it('summarises every dataset, largest first, ignoring orphan chunks', async () => {
    const small = await storedDataset('small', [1]);
    const large = await storedDataset('large', [1, 2, 3], [1, 2, 3, 4]);
    const empty = await createDataset({ name: 'empty', id: 'zzz' });
    await t
      .db()
      .chunks.put({ versionId: 'orphan', column: 0, index: 0, payload: new ArrayBuffer(999) });
    const bytes = (rows: number) => rows * 8 + CHUNK_HEADER_BYTES;
    expect(await storageSummary()).toEqual({
      datasets: [
        { id: large.datasetId, bytes: bytes(3) + bytes(4) },
        { id: small.datasetId, bytes: bytes(1) },
        { id: empty.id, bytes: 0 },
      ],
      totalBytes: bytes(3) + bytes(4) + bytes(1),
    });
    await deleteDataset(large.datasetId);
    expect((await storageSummary()).totalBytes).toBe(bytes(1));
  });

  it('is empty for an empty database', async () => {
    expect(await storageSummary()).toEqual({ datasets: [], totalBytes: 0 });
  });
});
