/**
 * The dataset repository: named containers of immutable versions.
 */
import type { Dataset } from '../contracts/entities';
import { InvalidArgumentError } from '../contracts/errors';
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

/**
 * Deletes a dataset and all its versions: the dataset row and every manifest go first in one
 * transaction (so nothing half-deleted is ever visible), then the chunks. A crash in between
 * leaves orphan chunks for {@link cleanOrphanChunks}.
 * @param id the dataset id (unknown ids delete nothing)
 * @returns how many versions and chunks were removed
 * @example
 * await deleteDataset(id) // { versions: 2, chunks: 18 }
 */
export async function deleteDataset(id: string): Promise<{ versions: number; chunks: number }> {
  const db = await getDb();
  const versionIds = await db.transaction('rw', [db.datasets, db.datasetVersions], async () => {
    const ids = await db.datasetVersions.where('datasetId').equals(id).primaryKeys();
    await db.datasetVersions.bulkDelete(ids);
    await db.datasets.delete(id);
    return ids;
  });
  let chunks = 0;
  for (const versionId of versionIds) {
    chunks += await db.chunks.where('versionId').equals(versionId).delete();
  }
  return { versions: versionIds.length, chunks };
}
