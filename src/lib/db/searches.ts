/**
 * The search repository: one {@link SearchRecord} per hyperparameter search (its request, the
 * study state, the run id of each trial and the best trial). The trials themselves are runs.
 */
import type { SearchRecord } from '../contracts/compute';
import { NotFoundError } from '../contracts/errors';
import { getDb } from './connection';
import { newestFirst } from './newest-first';
import { withStorageErrors } from './storage-errors';

/**
 * Stores (inserts or replaces, by `id`) a search.
 * @param search the search record
 * @returns the record
 * @throws {StorageFullError} when the browser has no space left
 * @example
 * await putSearch({ id: 's1', createdAt: Date.now(), request, status: 'running',
 *   study: study.toJSON(), runIds: {}, best: null });
 */
export async function putSearch(search: SearchRecord): Promise<SearchRecord> {
  const db = await getDb();
  await withStorageErrors(`search "${search.id}"`, () => db.searches.put(search));
  return search;
}

/**
 * Gets one search.
 * @param id the search id
 * @returns the record, or `undefined`
 * @example
 * (await getSearch('s1'))?.status // 'completed'
 */
export async function getSearch(id: string): Promise<SearchRecord | undefined> {
  const db = await getDb();
  return db.searches.get(id);
}

/**
 * Lists searches, newest first (equal times: by id descending).
 * @param filter optional: only searches on this dataset version; at most `limit` records
 * @returns the records
 * @example
 * (await listSearches({ datasetVersionId: v.id })).map((s) => s.id) // ['s2', 's1']
 */
export async function listSearches(
  filter: { datasetVersionId?: string; limit?: number } = {},
): Promise<SearchRecord[]> {
  const db = await getDb();
  const versionId = filter.datasetVersionId;
  const found =
    versionId === undefined
      ? await db.searches.toArray()
      : await db.searches.where('request.datasetVersionId').equals(versionId).toArray();
  found.sort(newestFirst);
  return filter.limit === undefined ? found : found.slice(0, filter.limit);
}

/**
 * Updates some fields of a search atomically (read-modify-write in one transaction).
 * @param id the search id
 * @param patch the fields to change (`id` cannot change)
 * @returns the updated record
 * @throws {NotFoundError} when there is no such search
 * @throws {StorageFullError} when the browser has no space left
 * @example
 * await updateSearch('s1', { status: 'completed', durationMs: 61_000 });
 */
export async function updateSearch(
  id: string,
  patch: Partial<Omit<SearchRecord, 'id'>>,
): Promise<SearchRecord> {
  const db = await getDb();
  return withStorageErrors(`search "${id}"`, () =>
    db.transaction('rw', db.searches, async () => {
      const search = await db.searches.get(id);
      if (!search) throw new NotFoundError('search', id);
      const updated: SearchRecord = { ...search, ...patch, id };
      await db.searches.put(updated);
      return updated;
    }),
  );
}
