/**
 * How much space datasets take: the byte length of their stored column chunk payloads (after
 * the chunk codec, i.e. as written to IndexedDB, header and any encryption overhead included).
 * Manifests, profiles, reports, runs and models are small next to the chunks and are not
 * counted; the browser's own figure for the whole origin is `navigator.storage.estimate()`.
 */
import { getDb } from './connection';

/** Result of {@link storageSummary}. */
export interface StorageSummary {
  /** Every dataset (also those without versions, at 0 bytes), largest first. */
  datasets: { id: string; bytes: number }[];
  /** Sum of `datasets[].bytes`. Orphan chunks (no manifest, cleaned at start-up) are excluded. */
  totalBytes: number;
}

/**
 * Bytes of chunk payload stored for all versions of one dataset. Chunks are visited with a
 * cursor over the `versionId` index, one at a time, so memory stays at one chunk however large
 * the dataset; it reads every payload, so call it on demand, not on every render.
 * @param datasetId the dataset id
 * @returns the total payload byte length (0 for an unknown dataset)
 * @example
 * await datasetStorageBytes(ds.id) // 2400048
 */
export async function datasetStorageBytes(datasetId: string): Promise<number> {
  const db = await getDb();
  return db.transaction('r', [db.datasetVersions, db.chunks], async () => {
    const versionIds = await db.datasetVersions.where('datasetId').equals(datasetId).primaryKeys();
    let bytes = 0;
    for (const versionId of versionIds) {
      await db.chunks
        .where('versionId')
        .equals(versionId)
        .each((chunk) => {
          bytes += chunk.payload.byteLength;
        });
    }
    return bytes;
  });
}

/**
 * Bytes of chunk payload per dataset and in total, in one read-only transaction (a consistent
 * snapshot) with one cursor pass over the chunks.
 * @returns per-dataset bytes, largest first (ties: by id), and their sum
 * @example
 * await storageSummary() // { datasets: [{ id: 'a1…', bytes: 2400048 }, …], totalBytes: 2400096 }
 */
export async function storageSummary(): Promise<StorageSummary> {
  const db = await getDb();
  return db.transaction('r', [db.datasets, db.datasetVersions, db.chunks], async () => {
    const bytesByDataset = new Map<string, number>();
    for (const id of await db.datasets.toCollection().primaryKeys()) bytesByDataset.set(id, 0);
    const datasetOf = new Map<string, string>();
    await db.datasetVersions.each((v) => {
      datasetOf.set(v.id, v.datasetId);
    });
    await db.chunks.each((chunk) => {
      const datasetId = datasetOf.get(chunk.versionId);
      if (datasetId === undefined) return; // orphan or still being written
      bytesByDataset.set(
        datasetId,
        (bytesByDataset.get(datasetId) ?? 0) + chunk.payload.byteLength,
      );
    });
    const datasets = [...bytesByDataset]
      .map(([id, bytes]) => ({ id, bytes }))
      .sort((a, b) => b.bytes - a.bytes || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { datasets, totalBytes: datasets.reduce((sum, d) => sum + d.bytes, 0) };
  });
}
