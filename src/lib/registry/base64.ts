/**
 * Standard base64 (RFC 4648 §4, with padding) for byte arrays of any size, through the
 * `btoa`/`atob` globals of browsers, workers and Node ≥ 16. Decoding is strict: only the
 * alphabet, correct padding and a length that is a multiple of 4 (no whitespace, no URL-safe
 * alphabet), so a malformed file fails clearly instead of decoding to something else.
 */

// A multiple of 3, so the base64 of consecutive chunks concatenates without inner padding.
const CHUNK = 3 * 8192;
const STRICT = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Encodes bytes as base64.
 * @param bytes the bytes
 * @returns the base64 text
 * @throws never
 * @example
 * encodeBase64(new Uint8Array([104, 105])) // 'aGk='
 */
export function encodeBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += CHUNK) {
    parts.push(btoa(String.fromCharCode(...bytes.subarray(i, i + CHUNK))));
  }
  return parts.join('');
}

/**
 * Number of bytes a well-formed base64 text decodes to (without decoding it).
 * @param text base64 text
 * @returns the byte count
 * @throws never
 * @example
 * base64ByteLength('aGk=') // 2
 */
export function base64ByteLength(text: string): number {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return (text.length / 4) * 3 - padding;
}

/**
 * Decodes strict base64.
 * @param text base64 text
 * @returns the bytes, or null when the text is not strict base64
 * @throws never
 * @example
 * decodeBase64('aGk=') // Uint8Array [104, 105]
 * decodeBase64('aGk')  // null
 */
export function decodeBase64(text: string): Uint8Array | null {
  if (!STRICT.test(text)) return null;
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
