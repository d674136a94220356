/**
 * Writing and listing dataset versions: chunks first, manifest last (ARCHITECTURE.md
 * "Storage"). A version is visible only once its manifest exists, and a manifest is only ever
 * written in the same transaction that counts its chunks, so a crash, a quota error or a
 * concurrent orphan clean-up can leave orphan chunks but never a half-visible version.
 */
import type { ColumnChunk, ColumnSchema, Dataset, DatasetVersion } from '../contracts/entities';
import { DataError, IntegrityError, NotFoundError } from '../contracts/errors';
import { encodeChunk, type ColumnValues } from './chunk-codec';
import { CHUNK_ROWS, chunkCountFor, datasetContentHash } from './content-hash';
import { CHUNK_WRITE_LOCK, withLock } from './locks';
import { getDb } from './connection';
import type { BenchtopDb } from './schema';
import { withStorageErrors } from './storage-errors';
import { validateColumns } from './validate-columns';

/** Input of {@link writeDatasetVersion}. */
export interface NewDatasetVersion {
  /** The dataset (or its id) the version belongs to; it must exist. */
  dataset: Dataset | string;
  parentId: string | null;
  schema: ColumnSchema[];
  /** One typed array per schema column, all the same length. Not modified. */
  columns: ColumnValues[];
  source: DatasetVersion['source'];
  note?: string;
  /** Creation time (ms since epoch); default now. */
  createdAt?: number;
}

/** Encoded bytes handed to one bulkPut: bounds memory while keeping transactions few. */
export const CHUNK_BATCH_BYTES = 32 * 1024 * 1024;

let batchBytes = CHUNK_BATCH_BYTES;

/**
 * Sets the bytes per chunk batch (tests use small ones to write several batches quickly).
 * @param bytes the new size
 * @returns the previous size
 * @example
 * const before = setChunkBatchBytes(1 << 20);
 * // ... writeDatasetVersion(...) now writes batches of ~1 MiB
 * setChunkBatchBytes(before);
 */
export function setChunkBatchBytes(bytes: number): number {
  const before = batchBytes;
  batchBytes = bytes;
  return before;
}

/**
 * Stores a dataset version: validates, hashes (the hash is the id, see `content-hash.ts`),
 * writes the chunks (relaxed durability, in batches) and then the manifest (strict, one small
 * transaction that first checks every chunk is present). Writing content that already exists
 * in this dataset is a no-op returning the stored version.
 *
 * @param input see {@link NewDatasetVersion}
 * @returns the stored version
 * @throws {DataError} when the columns do not match the schema (names the column), or this
 *   exact content is already a version of another dataset
 * @throws {NotFoundError} when the dataset does not exist (or was deleted meanwhile)
 * @throws {StorageFullError} when the browser ran out of space; nothing becomes visible
 * @throws {IntegrityError} when chunks vanished before the manifest could be written
 * @example
 * const v = await writeDatasetVersion({
 *   dataset, parentId: null, source: { kind: 'file', name: 'a.csv' },
 *   schema: [{ name: 'x', type: 'number', encoding: 'f64', missing: 0 }],
 *   columns: [new Float64Array([1, 2, 3])],
 * });
 * v.rowCount // 3; v.id is the 64-hex content hash
 */
export async function writeDatasetVersion(input: NewDatasetVersion): Promise<DatasetVersion> {
  const db = await getDb();
  const { schema, columns } = input;
  const rowCount = validateColumns(schema, columns);
  const datasetId = typeof input.dataset === 'string' ? input.dataset : input.dataset.id;
  if (!(await db.datasets.get(datasetId))) throw new NotFoundError('dataset', datasetId);

  const chunkRows = CHUNK_ROWS;
  const chunkCount = chunkCountFor(rowCount, chunkRows);
  const id = await datasetContentHash(schema, columns, chunkRows);
  const existing = await db.datasetVersions.get(id);
  if (existing) return sameDataset(db, existing, datasetId);

  const version: DatasetVersion = {
    id,
    datasetId,
    parentId: input.parentId,
    createdAt: input.createdAt ?? Date.now(),
    rowCount,
    schema: structuredClone(schema),
    chunkRows,
    chunkCount,
    source: { ...input.source },
  };
  if (input.note !== undefined) version.note = input.note;
  const what = `dataset version ${id.slice(0, 12)}`;

  const stored = await withLock(CHUNK_WRITE_LOCK, 'shared', async () => {
    await writeChunks(db, id, columns, chunkRows, chunkCount, what);
    return withStorageErrors(what, () =>
      db.transaction('rw', [db.datasets, db.datasetVersions, db.chunks], async () => {
        const have = await db.chunks.where('versionId').equals(id).count();
        if (have !== chunkCount * schema.length) {
          throw new IntegrityError(
            `${what}: ${have} of ${chunkCount * schema.length} chunks are stored (removed meanwhile?); import again`,
          );
        }
        if (!(await db.datasets.get(datasetId))) throw new NotFoundError('dataset', datasetId);
        const raced = await db.datasetVersions.get(id);
        if (raced) return raced;
        await db.datasetVersions.add(version);
        return version;
      }),
    );
  });
  return sameDataset(db, stored ?? version, datasetId);
}

/**
 * Lists the versions of a dataset, newest first.
 * @param datasetId the dataset's id
 * @returns its visible versions (an empty array for an unknown dataset)
 * @example
 * (await listVersions(dataset.id)).map((v) => v.rowCount) // [150001]
 */
export async function listVersions(datasetId: string): Promise<DatasetVersion[]> {
  const db = await getDb();
  const versions = await db.datasetVersions.where('datasetId').equals(datasetId).toArray();
  return versions.sort((a, b) => b.createdAt - a.createdAt);
}

/**
 * Gets one dataset version's manifest.
 * @param id the version id (content hash)
 * @returns the manifest, or `undefined` when there is none (never a half-written one)
 * @example
 * (await getVersion(v.id))?.chunkCount // 3
 */
export async function getVersion(id: string): Promise<DatasetVersion | undefined> {
  const db = await getDb();
  return db.datasetVersions.get(id);
}

async function sameDataset(
  db: BenchtopDb,
  version: DatasetVersion,
  datasetId: string,
): Promise<DatasetVersion> {
  if (version.datasetId !== datasetId) {
    const other = await db.datasets.get(version.datasetId);
    throw new DataError(
      `this exact data is already stored as dataset ${JSON.stringify(other?.name ?? version.datasetId)} (version ${version.id.slice(0, 12)}); open that dataset instead of importing it again`,
    );
  }
  return version;
}

/**
 * Encodes chunk by chunk, outside any transaction, and bulk-puts them in bounded batches. The
 * next batch is encoded while the previous one is being written (at most two batches in
 * memory); the first failure stops the writing and is thrown.
 */
async function writeChunks(
  db: BenchtopDb,
  versionId: string,
  columns: readonly ColumnValues[],
  chunkRows: number,
  chunkCount: number,
  what: string,
): Promise<void> {
  let batch: ColumnChunk[] = [];
  let bytes = 0;
  let writing: Promise<void> = Promise.resolve();
  const flush = async (): Promise<void> => {
    await writing;
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    bytes = 0;
    writing = withStorageErrors(what, () => db.chunks.bulkPut(rows)).then(() => undefined);
    // Observed here so that a failure while the next batch is encoded is never unhandled; it
    // is thrown by the next `await writing`.
    writing.catch(() => undefined);
  };
  for (let column = 0; column < columns.length; column++) {
    const values = columns[column];
    if (!values) continue;
    for (let index = 0; index < chunkCount; index++) {
      const slice = values.subarray(index * chunkRows, (index + 1) * chunkRows);
      const payload = await encodeChunk({ versionId, column, index }, slice);
      batch.push({ versionId, column, index, payload });
      bytes += payload.byteLength;
      if (bytes >= batchBytes) await flush();
    }
  }
  await flush();
  await writing;
}
