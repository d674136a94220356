/**
 * The profile repository: one {@link DatasetProfile} per dataset version (its column summaries),
 * keyed by the version id. A profile is derived data: it is replaced when recomputed and deleted
 * with its dataset.
 */
import type { DatasetProfile } from '../contracts/entities';
import { NotFoundError } from '../contracts/errors';
import { getDb } from './connection';
import { withStorageErrors } from './storage-errors';

/**
 * Stores (inserts or replaces) the profile of a dataset version. The version's existence is
 * checked in the same transaction as the write, so a profile can never outlive a concurrently
 * deleted dataset ({@link deleteDataset} removes profiles in its manifest transaction).
 * @param profile the profile; `profile.versionId` is its key
 * @returns the profile
 * @throws {NotFoundError} when the dataset version does not exist
 * @throws {StorageFullError} when the browser has no space left
 * @example
 * await putProfile({ versionId: v.id, rowCount: 344, createdAt: Date.now(), columns });
 */
export async function putProfile(profile: DatasetProfile): Promise<DatasetProfile> {
  const db = await getDb();
  const { versionId } = profile;
  await withStorageErrors(`profile of version ${versionId.slice(0, 12)}`, () =>
    db.transaction('rw', [db.datasetVersions, db.profiles], async () => {
      if ((await db.datasetVersions.where('id').equals(versionId).count()) === 0) {
        throw new NotFoundError('dataset version', versionId);
      }
      await db.profiles.put(profile);
    }),
  );
  return profile;
}

/**
 * Gets the profile of a dataset version.
 * @param versionId the version id (content hash)
 * @returns the profile, or `undefined` when none was stored
 * @example
 * (await getProfile(v.id))?.columns.map((c) => c.name) // ['Island', 'Body Mass (g)', …]
 */
export async function getProfile(versionId: string): Promise<DatasetProfile | undefined> {
  const db = await getDb();
  return db.profiles.get(versionId);
}
