/**
 * SHA-256 through WebCrypto (`globalThis.crypto.subtle`: browsers, workers, Node 20).
 * Always called outside Dexie transactions: an awaited non-IndexedDB promise inside one would
 * let the transaction auto-commit.
 */

/** 64 zeros: the `prevHash` of the first event of a hash chain. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * SHA-256 digest of bytes or of a UTF-8 string.
 * @param data bytes (any view or buffer) or text (encoded as UTF-8)
 * @returns the 32-byte digest
 * @example
 * (await sha256Bytes('abc')).length // 32
 */
export async function sha256Bytes(
  data: ArrayBuffer | ArrayBufferView | string,
): Promise<Uint8Array> {
  const input: BufferSource =
    typeof data === 'string' ? new TextEncoder().encode(data) : (data as BufferSource);
  return new Uint8Array(await crypto.subtle.digest('SHA-256', input));
}

/**
 * SHA-256 digest as lowercase hex.
 * @param data bytes or text (UTF-8)
 * @returns 64 hex characters
 * @example
 * await sha256Hex('abc') // 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
 */
export async function sha256Hex(data: ArrayBuffer | ArrayBufferView | string): Promise<string> {
  return toHex(await sha256Bytes(data));
}

/**
 * Lowercase hex of bytes.
 * @param bytes the bytes
 * @returns two hex characters per byte
 * @example
 * toHex(new Uint8Array([0, 255])) // '00ff'
 */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}
