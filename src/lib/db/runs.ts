/**
 * The run repository: one record per training run (config, seed, backend, history, metrics).
 */
import type { Run } from '../contracts/entities';
import { NotFoundError } from '../contracts/errors';
import { getDb } from './connection';
import { withStorageErrors } from './storage-errors';

/**
 * Stores (inserts or replaces) a run.
 * @param run the run
 * @returns the run
 * @throws {StorageFullError} when the browser has no space left
 * @example
 * await putRun({ id: 'r1', status: 'running', … });
 */
export async function putRun(run: Run): Promise<Run> {
  const db = await getDb();
  await withStorageErrors(`run "${run.id}"`, () => db.runs.put(run));
  return run;
}

/**
 * Gets one run.
 * @param id the run id
 * @returns the run, or `undefined`
 * @example
 * (await getRun('r1'))?.status // 'completed'
 */
export async function getRun(id: string): Promise<Run | undefined> {
  const db = await getDb();
  return db.runs.get(id);
}

/**
 * Lists runs, newest first.
 * @param filter optional: only runs on this dataset version; at most `limit` runs
 * @returns the runs
 * @example
 * (await listRuns({ limit: 2 })).map((r) => r.id) // ['r3', 'r2']
 */
export async function listRuns(
  filter: { datasetVersionId?: string; limit?: number } = {},
): Promise<Run[]> {
  const db = await getDb();
  let runs = db.runs.orderBy('createdAt').reverse();
  const versionId = filter.datasetVersionId;
  if (versionId !== undefined) runs = runs.filter((r) => r.datasetVersionId === versionId);
  if (filter.limit !== undefined) runs = runs.limit(filter.limit);
  return runs.toArray();
}

/**
 * Updates some fields of a run atomically (read-modify-write in one transaction, so two
 * concurrent updates of different fields both survive).
 * @param id the run id
 * @param patch the fields to change (`id` cannot change)
 * @returns the updated run
 * @throws {NotFoundError} when there is no such run
 * @throws {StorageFullError} when the browser has no space left
 * @example
 * await updateRun('r1', { status: 'completed', durationMs: 5120 });
 */
export async function updateRun(id: string, patch: Partial<Omit<Run, 'id'>>): Promise<Run> {
  const db = await getDb();
  return withStorageErrors(`run "${id}"`, () =>
    db.transaction('rw', db.runs, async () => {
      const run = await db.runs.get(id);
      if (!run) throw new NotFoundError('run', id);
      const updated: Run = { ...run, ...patch, id };
      await db.runs.put(updated);
      return updated;
    }),
  );
}

/**
 * Deletes a run and those of its artifacts no registered model version uses (registered
 * versions keep their weights; their lineage then names a deleted run).
 * @param id the run id (unknown ids delete nothing)
 * @returns resolves when deleted
 * @example
 * await deleteRun('r1');
 */
export async function deleteRun(id: string): Promise<void> {
  const db = await getDb();
  await db.transaction('rw', [db.runs, db.artifacts, db.modelVersions], async () => {
    const artifactIds = await db.artifacts.where('runId').equals(id).primaryKeys();
    for (const artifactId of artifactIds) {
      const used = await db.modelVersions.where('artifactId').equals(artifactId).count();
      if (used === 0) await db.artifacts.delete(artifactId);
    }
    await db.runs.delete(id);
  });
}
