/**
 * Reading columns back: one column's chunks, decoded outside the transaction through the chunk
 * codec and concatenated; and a full re-hash that checks a version against its id.
 */
import type { DatasetVersion } from '../contracts/entities';
import { DataError, IntegrityError, NotFoundError } from '../contracts/errors';
import { Dexie } from 'dexie';
import { decodeChunk, type ColumnValues } from './chunk-codec';
import { chunkDigest, combineContentHash } from './content-hash';
import { getDb } from './connection';
import type { BenchtopDb } from './schema';

/**
 * Reads one whole column of a dataset version.
 * @param versionId the version id
 * @param column the column's index in the schema or its name
 * @returns a new Float64Array (`f64`) or Int32Array (`dict`) of `rowCount` values
 * @throws {NotFoundError} when the version does not exist
 * @throws {DataError} when the version has no such column
 * @throws {IntegrityError} when a chunk is missing, corrupt or the wrong length
 * @example
 * const ages = await readColumn(v.id, 'age'); // Float64Array(150001), NaN where missing
 */
export async function readColumn(
  versionId: string,
  column: number | string,
): Promise<ColumnValues> {
  const db = await getDb();
  return readResolved(db, await requireVersion(db, versionId), column);
}

/**
 * Reads several columns of a dataset version.
 * @param versionId the version id
 * @param columns column names or indexes
 * @returns the columns, in the order asked for
 * @throws {NotFoundError} | {DataError} | {IntegrityError} as {@link readColumn}
 * @example
 * const [x, y] = await readColumns(v.id, ['x', 'y']);
 */
export async function readColumns(
  versionId: string,
  columns: readonly (number | string)[],
): Promise<ColumnValues[]> {
  const db = await getDb();
  const version = await requireVersion(db, versionId);
  const out: ColumnValues[] = [];
  // Sequential on purpose: peak memory stays one column of chunk payloads above the result.
  for (const c of columns) out.push(await readResolved(db, version, c));
  return out;
}

/**
 * Re-reads every chunk of a version and checks that it hashes to the version's id (S1, S7).
 * @param versionId the version id
 * @returns resolves when the content matches
 * @throws {NotFoundError} when the version does not exist
 * @throws {IntegrityError} when a chunk is missing or corrupt, or the hash differs
 * @example
 * await verifyDatasetVersion(v.id); // resolves
 */
export async function verifyDatasetVersion(versionId: string): Promise<void> {
  const db = await getDb();
  const version = await requireVersion(db, versionId);
  const digests: Uint8Array[] = [];
  for (let c = 0; c < version.schema.length; c++) {
    for (const values of await readChunks(db, version, c)) digests.push(await chunkDigest(values));
  }
  const hash = await combineContentHash(
    version.schema,
    version.rowCount,
    version.chunkRows,
    digests,
  );
  if (hash !== version.id) {
    throw new IntegrityError(
      `dataset version ${versionId.slice(0, 12)} no longer matches its content hash; the stored data was altered`,
    );
  }
}

async function requireVersion(db: BenchtopDb, versionId: string): Promise<DatasetVersion> {
  const version = await db.datasetVersions.get(versionId);
  if (!version) throw new NotFoundError('dataset version', versionId);
  return version;
}

function resolveColumn(version: DatasetVersion, column: number | string): number {
  const index =
    typeof column === 'number' ? column : version.schema.findIndex((s) => s.name === column);
  if (!Number.isInteger(index) || index < 0 || index >= version.schema.length) {
    const names = version.schema.map((s) => s.name).join(', ');
    throw new DataError(
      `dataset version has no column ${JSON.stringify(column)}; its columns are ${names}`,
      {
        column: String(column),
      },
    );
  }
  return index;
}

async function readResolved(
  db: BenchtopDb,
  version: DatasetVersion,
  column: number | string,
): Promise<ColumnValues> {
  const c = resolveColumn(version, column);
  const chunks = await readChunks(db, version, c);
  const out =
    version.schema[c]?.encoding === 'dict'
      ? new Int32Array(version.rowCount)
      : new Float64Array(version.rowCount);
  let offset = 0;
  for (const values of chunks) {
    out.set(values, offset);
    offset += values.length;
  }
  return out;
}

/** The decoded chunks of one column, checked for completeness and length. */
async function readChunks(
  db: BenchtopDb,
  version: DatasetVersion,
  c: number,
): Promise<ColumnValues[]> {
  const col = version.schema[c];
  if (!col) throw new DataError(`dataset version has no column ${c}`);
  const rows = await db.chunks
    .where('[versionId+column+index]')
    .between([version.id, c, Dexie.minKey], [version.id, c, Dexie.maxKey], true, true)
    .toArray();
  const out: ColumnValues[] = [];
  for (let k = 0; k < version.chunkCount; k++) {
    const row = rows[k];
    if (!row || row.index !== k) {
      throw new IntegrityError(
        `column "${col.name}" of dataset version ${version.id.slice(0, 12)} is missing chunk ${k}; restore it from a bundle or re-import`,
      );
    }
    const values = await decodeChunk(
      { versionId: version.id, column: c, index: k },
      row.payload,
      col.encoding,
    );
    const expected = Math.min(version.chunkRows, version.rowCount - k * version.chunkRows);
    if (values.length !== expected) {
      throw new IntegrityError(
        `column "${col.name}", chunk ${k}: ${values.length} values stored, ${expected} expected`,
      );
    }
    out.push(values);
  }
  if (rows.length > version.chunkCount) {
    throw new IntegrityError(
      `column "${col.name}" has ${rows.length - version.chunkCount} extra chunks`,
    );
  }
  return out;
}
