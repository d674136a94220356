/**
 * The dataset repository: named containers of immutable versions.
 */
import type { Dataset } from '../contracts/entities';
import { InvalidArgumentError, NotFoundError } from '../contracts/errors';
import { getDb } from './connection';
import { withStorageErrors } from './storage-errors';

/** Input of {@link createDataset}. */
export interface NewDataset {
  name: string;
  description?: string;
  /** Stable id (bundle import); default a random UUID. */
  id?: string;
  /** Creation time (ms since epoch); default now. */
  createdAt?: number;
}

/**
 * Creates a dataset (no versions yet).
 * @param input name, optional description, id and creation time
 * @returns the stored dataset
 * @throws {InvalidArgumentError} when the name is blank
 * @throws {StorageFullError} when the browser has no space left
 * @example
 * await createDataset({ name: 'penguins' }) // { id: '3f1c…', name: 'penguins', createdAt: … }
 */
export async function createDataset(input: NewDataset): Promise<Dataset> {
  const db = await getDb();
  const name = input.name.trim();
  if (name === '') throw new InvalidArgumentError('name', input.name, 'a dataset needs a name');
  const dataset: Dataset = {
    id: input.id ?? crypto.randomUUID(),
    name,
    createdAt: input.createdAt ?? Date.now(),
  };
  if (input.description !== undefined) dataset.description = input.description;
  await withStorageErrors(`dataset "${name}"`, () => db.datasets.add(dataset));
  return dataset;
}

/**
 * Lists all datasets, newest first.
 * @returns every dataset
 * @example
 * (await listDatasets()).map((d) => d.name) // ['penguins']
 */
export async function listDatasets(): Promise<Dataset[]> {
  const db = await getDb();
  return db.datasets.orderBy('createdAt').reverse().toArray();
}

/**
 * Gets one dataset.
 * @param id the dataset id
 * @returns the dataset, or `undefined` when there is none
 * @example
 * (await getDataset(id))?.name // 'penguins'
 */
export async function getDataset(id: string): Promise<Dataset | undefined> {
  const db = await getDb();
  return db.datasets.get(id);
}

/** Longest dataset name {@link renameDataset} accepts, in characters (UTF-16 code units). */
export const DATASET_NAME_MAX = 200;

/**
 * Renames a dataset. Versions, lineage and everything derived keep pointing at the dataset id,
 * so nothing else changes.
 * @param id the dataset id
 * @param name the new name; trimmed, 1–{@link DATASET_NAME_MAX} characters
 * @returns the updated dataset
 * @throws {InvalidArgumentError} when the name is blank or longer than 200 characters
 * @throws {NotFoundError} when there is no such dataset
 * @throws {StorageFullError} when the browser has no space left
 * @example
 * (await renameDataset(id, ' penguins 2024 ')).name // 'penguins 2024'
 */
export async function renameDataset(id: string, name: string): Promise<Dataset> {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > DATASET_NAME_MAX) {
    throw new InvalidArgumentError(
      'name',
      name,
      `a dataset name needs 1–${DATASET_NAME_MAX} characters`,
    );
  }
  const db = await getDb();
  return withStorageErrors(`dataset "${trimmed}"`, () =>
    db.transaction('rw', db.datasets, async () => {
      const dataset = await db.datasets.get(id);
      if (!dataset) throw new NotFoundError('dataset', id);
      const renamed: Dataset = { ...dataset, name: trimmed };
      await db.datasets.put(renamed);
      return renamed;
    }),
  );
}

/**
 * Deletes a dataset and all its versions: the dataset row, every manifest and everything derived
 * from the versions alone (profiles, validation reports, suite runs) go first in one transaction
 * (so nothing half-deleted is ever visible), then the chunks. A crash in between leaves orphan
 * chunks for {@link cleanOrphanChunks}. Expectation suites inferred from a version, runs and
 * models trained on it are kept: they are lineage, not part of the dataset.
 * @param id the dataset id (unknown ids delete nothing)
 * @returns how many versions and chunks were removed
 * @example
 * await deleteDataset(id) // { versions: 2, chunks: 18 }
 */
export async function deleteDataset(id: string): Promise<{ versions: number; chunks: number }> {
  const db = await getDb();
  const derived = [db.profiles, db.reports, db.suiteRuns];
  const versionIds = await db.transaction(
    'rw',
    [db.datasets, db.datasetVersions, ...derived],
    async () => {
      const ids = await db.datasetVersions.where('datasetId').equals(id).primaryKeys();
      await db.profiles.bulkDelete(ids);
      for (const versionId of ids) {
        await db.reports.where('versionId').equals(versionId).delete();
        await db.suiteRuns.where('versionId').equals(versionId).delete();
      }
      await db.datasetVersions.bulkDelete(ids);
      await db.datasets.delete(id);
      return ids;
    },
  );
  let chunks = 0;
  for (const versionId of versionIds) {
    chunks += await db.chunks.where('versionId').equals(versionId).delete();
  }
  return { versions: versionIds.length, chunks };
}
