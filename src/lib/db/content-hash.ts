/**
 * The content hash that identifies a dataset version (ARCHITECTURE.md rule 3).
 *
 * Definition (format 1):
 *
 * 1. Split every column into chunks of `chunkRows` rows (the last may be shorter).
 * 2. `d(c, k)` = SHA-256 of the canonical plaintext bytes of chunk `k` of column `c`
 *    ({@link chunkPlaintext}: the values little-endian, every NaN canonicalised; no codec
 *    header, so the hash does not change when the codec or encryption does).
 * 3. `id` = hex SHA-256 of
 *    `UTF-8(canonicalJson({ format: 1, rowCount, chunkRows, schema })) ‖ 0x0A ‖ d(0,0) ‖ d(0,1)
 *    ‖ … ‖ d(1,0) ‖ …` (column-major, 32 raw bytes per digest).
 *
 * Equal schema (names, types, encodings, dictionaries, missing counts) and equal values give
 * the same id on every machine; any change to either gives a different one. Parent, source,
 * note and creation time are not content and do not enter the hash.
 */
import type { ColumnSchema } from '../contracts/entities';
import { canonicalJson } from './canonical-json';
import { chunkPlaintext, isCanonicalPlaintext, type ColumnValues } from './chunk-codec';
import { sha256Bytes, sha256Hex } from './sha256';

/** Rows per chunk: ~64k rows (512 KiB of float64) per ARCHITECTURE.md "Storage". */
export const CHUNK_ROWS = 65_536;

/** Version of the hash definition above; part of the hashed text. */
export const CONTENT_HASH_FORMAT = 1;

/**
 * Number of chunks each column of `rowCount` rows is split into.
 * @param rowCount rows in the version
 * @param chunkRows rows per chunk
 * @returns `ceil(rowCount / chunkRows)` (0 for an empty version)
 * @example
 * chunkCountFor(150_001, 65_536) // 3
 */
export function chunkCountFor(rowCount: number, chunkRows: number): number {
  return Math.ceil(rowCount / chunkRows);
}

/**
 * SHA-256 of one chunk's canonical plaintext (step 2 above).
 * @param values the chunk's values
 * @returns the 32-byte digest
 * @example
 * (await chunkDigest(new Float64Array([1, 2]))).length // 32
 */
export async function chunkDigest(values: ColumnValues): Promise<Uint8Array> {
  // Without a NaN the values' own bytes are the canonical plaintext: hash them without a copy.
  return sha256Bytes(isCanonicalPlaintext(values) ? values : chunkPlaintext(values));
}

/**
 * Combines the schema and the chunk digests into the version id (step 3 above).
 * @param schema the version's schema
 * @param rowCount rows in the version
 * @param chunkRows rows per chunk
 * @param digests chunk digests, column-major
 * @returns 64 hex characters
 * @example
 * await combineContentHash(schema, 3, CHUNK_ROWS, digests) // 'e3b0…'
 */
export async function combineContentHash(
  schema: readonly ColumnSchema[],
  rowCount: number,
  chunkRows: number,
  digests: readonly Uint8Array[],
): Promise<string> {
  const head = new TextEncoder().encode(
    `${canonicalJson({ format: CONTENT_HASH_FORMAT, rowCount, chunkRows, schema })}\n`,
  );
  const all = new Uint8Array(head.length + 32 * digests.length);
  all.set(head, 0);
  digests.forEach((d, i) => all.set(d, head.length + 32 * i));
  return sha256Hex(all);
}

/**
 * The content hash (= id) of a dataset version given its columns in memory.
 * @param schema the version's schema
 * @param columns one typed array per schema column, all `rowCount` long
 * @param chunkRows rows per chunk (default {@link CHUNK_ROWS})
 * @returns 64 hex characters
 * @example
 * await datasetContentHash(schema, [new Float64Array([1, 2])]) // stable hex id
 */
export async function datasetContentHash(
  schema: readonly ColumnSchema[],
  columns: readonly ColumnValues[],
  chunkRows: number = CHUNK_ROWS,
): Promise<string> {
  const rowCount = columns[0]?.length ?? 0;
  const chunks = chunkCountFor(rowCount, chunkRows);
  const digests: Uint8Array[] = [];
  // One column's digests at a time, requested together (WebCrypto works on them in parallel
  // with this thread); memory stays bounded by one column.
  for (const values of columns) {
    const column: Promise<Uint8Array>[] = [];
    for (let k = 0; k < chunks; k++) {
      column.push(chunkDigest(values.subarray(k * chunkRows, (k + 1) * chunkRows)));
    }
    digests.push(...(await Promise.all(column)));
  }
  return combineContentHash(schema, rowCount, chunkRows, digests);
}
