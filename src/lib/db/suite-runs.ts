/**
 * The suite run repository: the result of checking one expectation suite version against one
 * dataset version. Runs are deleted with the dataset version they checked.
 */
import type { SuiteRun } from '../contracts/entities';
import { NotFoundError } from '../contracts/errors';
import { getDb } from './connection';
import { newestFirst } from './newest-first';
import { withStorageErrors } from './storage-errors';

/**
 * Stores (inserts or replaces, by `id`) a suite run. The suite and the dataset version are
 * checked in the same transaction as the write, so no run outlives a deleted dataset or names a
 * suite that was never saved.
 * @param run the run
 * @returns the run
 * @throws {NotFoundError} when the suite or the dataset version does not exist
 * @throws {StorageFullError} when the browser has no space left
 * @example
 * await putSuiteRun({ id: crypto.randomUUID(), suiteId: 'penguins@2', versionId: v.id,
 *   createdAt: Date.now(), passed: true, results });
 */
export async function putSuiteRun(run: SuiteRun): Promise<SuiteRun> {
  const db = await getDb();
  await withStorageErrors(`suite run "${run.id}"`, () =>
    db.transaction('rw', [db.datasetVersions, db.suites, db.suiteRuns], async () => {
      if ((await db.suites.where('id').equals(run.suiteId).count()) === 0) {
        throw new NotFoundError('expectation suite', run.suiteId);
      }
      if ((await db.datasetVersions.where('id').equals(run.versionId).count()) === 0) {
        throw new NotFoundError('dataset version', run.versionId);
      }
      await db.suiteRuns.put(run);
    }),
  );
  return run;
}

/**
 * Lists suite runs, newest first (equal times: by id descending), optionally only those of one
 * dataset version and/or one suite version (both given: runs matching both).
 * @param filter `versionId` and/or `suiteId`; all runs when empty
 * @returns the runs
 * @example
 * (await listSuiteRuns({ versionId: v.id })).map((r) => r.passed) // [true, false]
 */
export async function listSuiteRuns(
  filter: { versionId?: string; suiteId?: string } = {},
): Promise<SuiteRun[]> {
  const db = await getDb();
  const { versionId, suiteId } = filter;
  let runs: SuiteRun[];
  if (versionId !== undefined) {
    runs = await db.suiteRuns.where('versionId').equals(versionId).toArray();
    if (suiteId !== undefined) runs = runs.filter((r) => r.suiteId === suiteId);
  } else if (suiteId !== undefined) {
    runs = await db.suiteRuns.where('suiteId').equals(suiteId).toArray();
  } else {
    runs = await db.suiteRuns.toArray();
  }
  return runs.sort(newestFirst);
}
