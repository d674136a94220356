/**
 * The chunk codec: the ONE seam every column chunk passes through on its way into and out of
 * IndexedDB (ARCHITECTURE.md "Storage"; RELIABILITY.md promise 4).
 *
 * Payload layout, codec version 1 (plaintext):
 *
 * ```
 * offset 0  4 bytes  magic "BTCK"
 * offset 4  1 byte   codec version (1 = plaintext)
 * offset 5  1 byte   dtype (1 = float64, 2 = int32)
 * offset 6  2 bytes  reserved, 0
 * offset 8  ...      the values, little-endian (8-byte aligned, so decoding is zero-copy)
 * ```
 *
 * Encryption slots in as codec version 2 with the same 8-byte header followed by a fresh
 * 96-bit IV and the AES-256-GCM ciphertext+tag of the version-1 value bytes, authenticated with
 * additional data {@link chunkAdditionalData} (record id ‖ codec version ‖ column ‖ chunk
 * index, so a chunk swapped between records or positions is refused). Both functions are
 * already async and take the chunk's context for that reason. Callers must encode/decode
 * OUTSIDE Dexie transactions: WebCrypto promises would let a transaction auto-commit.
 */
import { IntegrityError } from '../contracts/errors';
import type { ColumnEncoding } from '../contracts/entities';

/** Where a chunk belongs; bound into the ciphertext once encryption is on. */
export interface ChunkContext {
  versionId: string;
  column: number;
  index: number;
}

/** The typed arrays a column is stored as (see `ColumnEncoding`). */
export type ColumnValues = Float64Array | Int32Array;

/** Header length in bytes. */
export const CHUNK_HEADER_BYTES = 8;
/** Codec version written today. */
export const CHUNK_CODEC_VERSION = 1;

const MAGIC = [0x42, 0x54, 0x43, 0x4b]; // "BTCK"
const DTYPE_F64 = 1;
const DTYPE_I32 = 2;

// Payloads are little-endian; the typed arrays are native-endian. Every platform browsers ship
// on is little-endian; refuse rather than silently write bytes another machine reads wrong.
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * The canonical plaintext bytes of a chunk's values: a copy, with every NaN rewritten to the
 * one canonical NaN so that equal-looking data always hashes equal.
 * @param values the chunk's values
 * @returns a fresh byte array (little-endian)
 * @example
 * chunkPlaintext(new Int32Array([1])) // Uint8Array [1, 0, 0, 0]
 */
export function chunkPlaintext(values: ColumnValues): Uint8Array {
  const out = new ArrayBuffer(values.byteLength);
  writeValues(out, 0, values);
  return new Uint8Array(out);
}

/**
 * Encodes one chunk for storage.
 * @param ctx where the chunk belongs (unused by the plaintext codec; the AD of encryption)
 * @param values the chunk's values
 * @returns the payload to store in `ColumnChunk.payload`
 * @throws {IntegrityError} on a big-endian platform
 * @example
 * const payload = await encodeChunk({ versionId: 'ab…', column: 0, index: 0 }, new Float64Array([1, NaN]));
 * payload.byteLength // 24 (8 header + 2 × 8)
 */
export async function encodeChunk(_ctx: ChunkContext, values: ColumnValues): Promise<ArrayBuffer> {
  const out = new ArrayBuffer(CHUNK_HEADER_BYTES + values.byteLength);
  const header = new Uint8Array(out, 0, CHUNK_HEADER_BYTES);
  header.set(MAGIC, 0);
  header[4] = CHUNK_CODEC_VERSION;
  header[5] = values instanceof Float64Array ? DTYPE_F64 : DTYPE_I32;
  writeValues(out, CHUNK_HEADER_BYTES, values);
  return out;
}

/**
 * Decodes one stored chunk.
 * @param ctx where the chunk should belong (for error messages; verified once encrypted)
 * @param payload the stored payload
 * @param encoding the column's encoding from the manifest's schema
 * @returns the values, as a view over `payload` (no copy)
 * @throws {IntegrityError} when the header is not a Benchtop chunk, the codec version is
 *   unknown, the dtype does not match `encoding`, or the length is not whole values
 * @example
 * await decodeChunk(ctx, payload, 'f64') // Float64Array [1, NaN]
 */
export async function decodeChunk(
  ctx: ChunkContext,
  payload: ArrayBuffer,
  encoding: ColumnEncoding,
): Promise<ColumnValues> {
  const where = `chunk ${ctx.index} of column ${ctx.column} of version ${ctx.versionId.slice(0, 12)}`;
  if (!(payload instanceof ArrayBuffer) || payload.byteLength < CHUNK_HEADER_BYTES) {
    throw new IntegrityError(`${where} is truncated or not a chunk; re-import the dataset`);
  }
  const header = new Uint8Array(payload, 0, CHUNK_HEADER_BYTES);
  if (MAGIC.some((b, i) => header[i] !== b)) {
    throw new IntegrityError(`${where} has no chunk header; re-import the dataset`);
  }
  if (header[4] !== CHUNK_CODEC_VERSION) {
    throw new IntegrityError(
      `${where} uses codec version ${header[4]}, which this version of Benchtop cannot read; reload the page`,
    );
  }
  const want = encoding === 'f64' ? DTYPE_F64 : DTYPE_I32;
  if (header[5] !== want) {
    throw new IntegrityError(`${where} holds dtype ${header[5]} but the schema says ${encoding}`);
  }
  const size = encoding === 'f64' ? 8 : 4;
  const bytes = payload.byteLength - CHUNK_HEADER_BYTES;
  if (bytes % size !== 0) {
    throw new IntegrityError(`${where} is ${bytes} bytes, not a whole number of values`);
  }
  assertLittleEndian();
  return encoding === 'f64'
    ? new Float64Array(payload, CHUNK_HEADER_BYTES, bytes / size)
    : new Int32Array(payload, CHUNK_HEADER_BYTES, bytes / size);
}

/**
 * The additional authenticated data that AES-GCM (codec version 2) will bind each chunk to:
 * UTF-8 version id ‖ 0x00 ‖ codec version (1 byte) ‖ column (u32 BE) ‖ chunk index (u32 BE).
 * The 0x00 separator is unambiguous because version ids are hex.
 * @param ctx where the chunk belongs
 * @param codecVersion the codec version written in the header
 * @returns the AD bytes
 * @example
 * chunkAdditionalData({ versionId: 'ab', column: 1, index: 2 }, 2)
 * // Uint8Array [0x61, 0x62, 0, 2, 0, 0, 0, 1, 0, 0, 0, 2]
 */
export function chunkAdditionalData(ctx: ChunkContext, codecVersion: number): Uint8Array {
  const id = new TextEncoder().encode(ctx.versionId);
  const out = new Uint8Array(id.length + 10);
  out.set(id, 0);
  const view = new DataView(out.buffer);
  view.setUint8(id.length, 0);
  view.setUint8(id.length + 1, codecVersion);
  view.setUint32(id.length + 2, ctx.column, false);
  view.setUint32(id.length + 6, ctx.index, false);
  return out;
}

/**
 * Whether a chunk's values are already their canonical plaintext: true unless it holds a NaN
 * (whose bit pattern may differ from the canonical one). Then the values' own bytes (a view,
 * no copy) can be hashed instead of {@link chunkPlaintext}.
 * @param values the chunk's values
 * @returns whether `new Uint8Array(values.buffer, values.byteOffset, values.byteLength)` equals
 *   `chunkPlaintext(values)`
 * @example
 * isCanonicalPlaintext(new Float64Array([1, 2])) // true
 * isCanonicalPlaintext(new Float64Array([NaN]))  // false
 */
export function isCanonicalPlaintext(values: ColumnValues): boolean {
  assertLittleEndian();
  // `includes` uses SameValueZero, so it finds NaN (a builtin scan, much faster than a loop).
  return !(values instanceof Float64Array) || !values.includes(NaN);
}

function writeValues(out: ArrayBuffer, offset: number, values: ColumnValues): void {
  assertLittleEndian();
  if (values instanceof Float64Array) {
    const dst = new Float64Array(out, offset, values.length);
    dst.set(values);
    if (!dst.includes(NaN)) return;
    for (let i = 0; i < dst.length; i++) {
      // Self-inequality is the NaN test; storing the NaN literal canonicalises its bit pattern.
      if (dst[i] !== dst[i]) dst[i] = NaN;
    }
  } else {
    new Int32Array(out, offset, values.length).set(values);
  }
}

function assertLittleEndian(): void {
  if (!LITTLE_ENDIAN) {
    throw new IntegrityError('this platform is big-endian; Benchtop chunks are little-endian');
  }
}
