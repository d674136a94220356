import { f64, floats, useFreshDb } from './helpers';
import { describe, expect, it } from 'vitest';
import { IntegrityError } from '../../../src/lib/contracts/errors';
import {
  cleanOrphanChunks,
  createDataset,
  getVersion,
  listVersions,
  readColumn,
  verifyDatasetVersion,
  writeDatasetVersion,
} from '../../../src/lib/db';

describe('manifest last, orphan chunks', () => {
  const t = useFreshDb();

  it('leaves a version invisible when the manifest write fails after the chunks, and cleans the orphans', async () => {
    const ds = await createDataset({ name: 'crash' });
    const kept = await writeDatasetVersion({
      dataset: ds,
      parentId: null,
      schema: [f64('x')],
      columns: [new Float64Array([1, 2])],
      source: { kind: 'file', name: 'ok.csv' },
    });
    // Simulated crash between the chunk writes and the manifest transaction.
    const crash = (): void => {
      throw new Error('simulated crash before the manifest');
    };
    t.db().datasetVersions.hook('creating', crash);
    await expect(
      writeDatasetVersion({
        dataset: ds,
        parentId: kept.id,
        schema: [f64('x'), f64('y')],
        columns: [floats(150_001), floats(150_001, 3)],
        source: { kind: 'file', name: 'big.csv' },
      }),
    ).rejects.toThrow(/simulated crash/);
    t.db().datasetVersions.hook('creating').unsubscribe(crash);

    expect((await listVersions(ds.id)).map((v) => v.id)).toEqual([kept.id]);
    expect(await t.db().chunks.count()).toBe(1 + 6);
    expect(await cleanOrphanChunks()).toBe(6);
    expect(await t.db().chunks.count()).toBe(1);
    expect(await cleanOrphanChunks()).toBe(0);
    await expect(verifyDatasetVersion(kept.id)).resolves.toBeUndefined();
  });

  it('refuses to write a manifest when chunks vanished before it (e.g. cleaned by another tab)', async () => {
    const ds = await createDataset({ name: 'race' });
    const db = t.db();
    // Another tab's clean-up deleting chunks right after they land, before the manifest.
    const original = db.chunks.bulkPut.bind(db.chunks);
    db.chunks.bulkPut = (async (...args: Parameters<typeof original>) => {
      const out = await original(...args);
      await db.chunks.clear();
      return out;
    }) as typeof original;
    const error = await writeDatasetVersion({
      dataset: ds,
      parentId: null,
      schema: [f64('x')],
      columns: [new Float64Array([1, 2, 3])],
      source: { kind: 'file', name: 'a.csv' },
    }).catch((e: unknown) => e);
    db.chunks.bulkPut = original;
    expect(error).toBeInstanceOf(IntegrityError);
    expect((error as Error).message).toMatch(/0 of 1 chunks/);
    expect(await listVersions(ds.id)).toEqual([]);
  });

  it('never cleans chunks that a manifest points at; a missing chunk is reported by name', async () => {
    const ds = await createDataset({ name: 'd' });
    const v = await writeDatasetVersion({
      dataset: ds,
      parentId: null,
      schema: [f64('age')],
      columns: [floats(70_000)],
      source: { kind: 'file', name: 'a.csv' },
    });
    expect(await cleanOrphanChunks()).toBe(0);
    expect(await getVersion(v.id)).toBeDefined();
    await t.db().chunks.delete([v.id, 0, 1]);
    await expect(readColumn(v.id, 'age')).rejects.toThrow(/column "age" .* missing chunk 1/);
    await expect(verifyDatasetVersion(v.id)).rejects.toThrow(IntegrityError);
  });

  it('detects a chunk altered in storage', async () => {
    const ds = await createDataset({ name: 'd' });
    const v = await writeDatasetVersion({
      dataset: ds,
      parentId: null,
      schema: [f64('x')],
      columns: [new Float64Array([1, 2, 3])],
      source: { kind: 'file', name: 'a.csv' },
    });
    const chunk = await t.db().chunks.get([v.id, 0, 0]);
    const bytes = new Float64Array(chunk!.payload, 8);
    bytes[1] = 2.5;
    await t.db().chunks.put(chunk!);
    await expect(verifyDatasetVersion(v.id)).rejects.toThrow(/no longer matches its content hash/);
  });
});
