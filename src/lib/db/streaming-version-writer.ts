/**
 * A faster {@link writeDatasetVersion} for big imports, with the same result: the same version
 * id (content hash), the same chunk records and the same rules (chunks first, manifest last in
 * one small transaction that counts them; identical content in another dataset refused).
 *
 * The difference is the pipeline. `writeDatasetVersion` hashes chunk by chunk (one WebCrypto
 * round trip each), then encodes and writes batch by batch. Here every chunk digest is started
 * at once (WebCrypto runs them off this thread) while this thread encodes the payloads, and
 * each batch is handed to IndexedDB without waiting for the one before to be serialised.
 */
import type { ColumnChunk, DatasetVersion } from '../contracts/entities';
import { DataError, IntegrityError, NotFoundError } from '../contracts/errors';
import { encodeChunk } from './chunk-codec';
import { getDb } from './connection';
import { CHUNK_ROWS, chunkCountFor, chunkDigest, combineContentHash } from './content-hash';
import type { NewDatasetVersion } from './dataset-versions';
import { CHUNK_WRITE_LOCK, withLock } from './locks';
import type { BenchtopDb } from './schema';
import { withStorageErrors } from './storage-errors';
import { validateColumns } from './validate-columns';

/** Encoded bytes per bulkPut (as writeDatasetVersion). */
const BATCH_BYTES = 32 * 1024 * 1024;
/** Batches in flight at once (bounds memory held by IndexedDB's serialisation). */
const IN_FLIGHT = 2;

/**
 * Stores a dataset version exactly as {@link writeDatasetVersion} does (same id, chunks,
 * manifest, errors), faster for big versions.
 * @param input see {@link NewDatasetVersion}
 * @returns the stored version
 * @throws {DataError} when the columns do not match the schema, or this exact content is
 *   already a version of another dataset
 * @throws {NotFoundError} when the dataset does not exist (or was deleted meanwhile)
 * @throws {StorageFullError} when the browser ran out of space; nothing becomes visible
 * @throws {IntegrityError} when chunks vanished before the manifest could be written
 * @example
 * const v = await writeDatasetVersionPipelined({ dataset, parentId: null, schema, columns, source });
 * v.id === (await datasetContentHash(schema, columns)) // true
 */
export async function writeDatasetVersionPipelined(
  input: NewDatasetVersion,
): Promise<DatasetVersion> {
  const db = await getDb();
  const { schema, columns } = input;
  const rowCount = validateColumns(schema, columns);
  const datasetId = typeof input.dataset === 'string' ? input.dataset : input.dataset.id;
  if (!(await db.datasets.get(datasetId))) throw new NotFoundError('dataset', datasetId);

  const chunkRows = CHUNK_ROWS;
  const chunkCount = chunkCountFor(rowCount, chunkRows);
  // All digests start now and run off this thread; the payloads are encoded meanwhile.
  const digests: Promise<Uint8Array>[] = [];
  const slices = columns.map((values) =>
    Array.from({ length: chunkCount }, (_, k) =>
      values.subarray(k * chunkRows, (k + 1) * chunkRows),
    ),
  );
  for (const column of slices) for (const s of column) digests.push(chunkDigest(s));
  const payloads: ArrayBuffer[][] = [];
  for (let c = 0; c < slices.length; c++) {
    const column: ArrayBuffer[] = [];
    // The codec's context is not used by the plaintext codec; encryption (codec 2) needs the
    // version id, so it must then encode after hashing: see encodeChunk.
    for (let k = 0; k < chunkCount; k++) column.push(await encodeLater(slices[c]![k]!));
    payloads.push(column);
  }
  const id = await combineContentHash(schema, rowCount, chunkRows, await Promise.all(digests));
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
    const inFlight: Promise<unknown>[] = [];
    let batch: ColumnChunk[] = [];
    let bytes = 0;
    const flush = async (): Promise<void> => {
      if (batch.length === 0) return;
      const rows = batch;
      batch = [];
      bytes = 0;
      inFlight.push(withStorageErrors(what, () => db.chunks.bulkPut(rows)));
      if (inFlight.length >= IN_FLIGHT) await inFlight.shift();
    };
    for (let column = 0; column < payloads.length; column++) {
      for (let index = 0; index < chunkCount; index++) {
        const payload = payloads[column]![index]!;
        batch.push({ versionId: id, column, index, payload });
        bytes += payload.byteLength;
        if (bytes >= BATCH_BYTES) await flush();
      }
    }
    await flush();
    await Promise.all(inFlight);
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

/** The plaintext codec does not depend on the version id (see chunk-codec.ts). */
function encodeLater(values: Float64Array | Int32Array): Promise<ArrayBuffer> {
  return encodeChunk({ versionId: '', column: 0, index: 0 }, values);
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
