/**
 * Start-up clean-up of chunks no manifest points at (left by a crash or a failed import,
 * RELIABILITY.md S1).
 */
import { CHUNK_WRITE_LOCK, withLock } from './locks';
import { getDb } from './connection';

/**
 * Deletes every chunk whose version has no manifest.
 *
 * Each version is checked and cleaned in one transaction over manifests and chunks, so a
 * manifest committed meanwhile is never left pointing at deleted chunks. Where Web Locks exist
 * the clean-up skips entirely (returns 0) while any tab is writing chunks, whose chunks would
 * look orphaned until their manifest lands; it runs again at the next start.
 *
 * @returns the number of chunks removed
 * @example
 * await cleanOrphanChunks() // 0 after a clean shutdown
 */
export async function cleanOrphanChunks(): Promise<number> {
  const db = await getDb();
  const removed = await withLock(
    CHUNK_WRITE_LOCK,
    'exclusive',
    async () => {
      const versionIds = await db.chunks.orderBy('versionId').uniqueKeys();
      let count = 0;
      for (const key of versionIds) {
        const versionId = String(key);
        count += await db.transaction('rw', [db.datasetVersions, db.chunks], async () => {
          if (await db.datasetVersions.get(versionId)) return 0;
          return db.chunks.where('versionId').equals(versionId).delete();
        });
      }
      return count;
    },
    true,
  );
  return removed ?? 0;
}
