/**
 * Where an import's text comes from, inside the worker: a File/Blob (streamed), text, or a url
 * of the app's own origin (bundled examples). Byte sources are decoded with the sniffed or
 * chosen encoding (src/lib/data/decode-text.ts); text sources are used as they are.
 */
import type { ImportRequest, TextEncoding } from '../../src/lib/contracts/compute';
import { DataError } from '../../src/lib/contracts/errors';
import {
  SNIFF_BYTES,
  decodeTextChunks,
  sniffEncoding,
  type TextChunk,
} from '../../src/lib/data/decode-text';

/** A source that can be read from the start more than once, counting the bytes read. */
export interface ImportSource {
  /** Total size in bytes (characters for text), when known. */
  totalBytes: number | null;
  /** Bytes read in the current pass. */
  bytesRead: number;
  encoding: TextEncoding;
  notes: string[];
  /** Opens the decoded text from the start (with the bytes where they line up, see TextChunk). */
  openText(): AsyncIterable<string | TextChunk>;
  /**
   * Byte sources only: opens the decoded text of bytes `[start, end)`, which must begin at a
   * character boundary (bytes read are counted in `bytesRead`, not reset).
   */
  openRange?(start: number, end: number): AsyncIterable<TextChunk>;
  /** Byte sources only: the bytes. */
  blob?: Blob;
  /** The first `n` bytes decoded (for a preview); `truncated` when the source is longer. */
  headText(n: number): Promise<{ text: string; truncated: boolean }>;
}

/** Characters per chunk when the source is already text. */
const TEXT_CHUNK = 1 << 20;

/**
 * Resolves the request's source.
 * @param request the import request (file, text or url)
 * @param encoding a forced encoding (else sniffed)
 * @returns the source
 * @throws DataError when there is no source, the url is not the app's origin, or the bytes are
 *   UTF-32 / binary
 */
export async function openSource(
  request: ImportRequest,
  encoding?: TextEncoding,
): Promise<ImportSource> {
  if (request.text !== undefined) return textSource(request.text);
  if (request.file) return blobSource(request.file, request.fileName, encoding);
  if (request.url)
    return blobSource(
      await fetchOwnOrigin(request.url, request.fileName),
      request.fileName,
      encoding,
    );
  throw new DataError(`${request.fileName}: nothing to import (no file, text or url)`, {
    file: request.fileName,
  });
}

function textSource(text: string): ImportSource {
  const source: ImportSource = {
    totalBytes: text.length,
    bytesRead: 0,
    encoding: 'utf-8',
    notes: [],
    async *openText() {
      source.bytesRead = 0;
      for (let p = 0; p < text.length; p += TEXT_CHUNK) {
        const piece = text.slice(p, p + TEXT_CHUNK);
        source.bytesRead += piece.length;
        yield piece;
      }
    },
    headText: async (n) => ({ text: text.slice(0, n), truncated: text.length > n }),
  };
  return source;
}

async function blobSource(
  blob: Blob,
  fileName: string,
  chosen?: TextEncoding,
): Promise<ImportSource> {
  const head = new Uint8Array(await blob.slice(0, SNIFF_BYTES).arrayBuffer());
  const guess = sniffEncoding(head, fileName, chosen);
  const source: ImportSource = {
    totalBytes: blob.size,
    bytesRead: 0,
    encoding: guess.encoding,
    notes: guess.notes,
    blob,
    openText() {
      source.bytesRead = 0;
      return decodeTextChunks(countBytes(blob, source), source.encoding, fileName);
    },
    openRange(start, end) {
      return decodeBlobRange(blob, start, end, source.encoding, fileName, source);
    },
    async headText(n) {
      // UTF-16 needs 2 bytes per character; the decoder keeps a cut character for later.
      const bytes = new Uint8Array(await blob.slice(0, n * 2).arrayBuffer());
      const text = new TextDecoder(source.encoding).decode(bytes, { stream: true });
      return { text: text.slice(0, n), truncated: blob.size > bytes.length || text.length > n };
    },
  };
  return source;
}

/** Bytes handed on at once: Blob streams deliver small pieces; per-chunk work is amortised. */
const COALESCE_BYTES = 1 << 20;

/**
 * The decoded text of bytes `[start, end)` of a blob, which must begin at a character boundary
 * (an import source's `openRange`, and the second worker's half of a split import).
 * @param blob the bytes
 * @param start first byte
 * @param end end byte (exclusive)
 * @param encoding the encoding
 * @param fileName for messages
 * @param counter what counts the bytes read (`bytesRead` is added to, not reset)
 * @returns the text chunks, with their bytes where they line up (see TextChunk)
 * @throws InvalidTextError (while iterating) on bytes that are not valid in the encoding
 * @example
 * for await (const c of decodeBlobRange(file, cut, file.size, 'utf-8', file.name, counter)) builder.push(c.text, c.bytes);
 */
export function decodeBlobRange(
  blob: Blob,
  start: number,
  end: number,
  encoding: TextEncoding,
  fileName: string,
  counter: { bytesRead: number },
): AsyncGenerator<TextChunk> {
  return decodeTextChunks(countBytes(blob.slice(start, end), counter), encoding, fileName, start);
}

/** A blob's bytes in pieces of at least 1 MiB, counted into `counter.bytesRead`. */
async function* countBytes(blob: Blob, counter: { bytesRead: number }): AsyncGenerator<Uint8Array> {
  const reader = blob.stream().getReader();
  let parts: Uint8Array[] = [];
  let held = 0;
  const take = (): Uint8Array => {
    const out = parts.length === 1 ? parts[0]! : new Uint8Array(held);
    if (parts.length > 1) {
      let o = 0;
      for (const p of parts) {
        out.set(p, o);
        o += p.byteLength;
      }
    }
    parts = [];
    held = 0;
    return out;
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      counter.bytesRead += value.byteLength;
      parts.push(value);
      held += value.byteLength;
      if (held >= COALESCE_BYTES) yield take();
    }
    if (held > 0) yield take();
  } finally {
    // Stops reading when the consumer stops early (error or cancel).
    await reader.cancel().catch(() => undefined);
  }
}

async function fetchOwnOrigin(url: string, fileName: string): Promise<Blob> {
  const resolved = new URL(url, self.location.href);
  if (resolved.origin !== self.location.origin) {
    // The app never fetches from another origin (RELIABILITY.md promise 1).
    throw new DataError(
      `${fileName}: refusing to fetch ${resolved.href}: not the app's own origin`,
      {
        file: fileName,
      },
    );
  }
  const response = await fetch(resolved);
  if (!response.ok) {
    throw new DataError(
      `${fileName}: could not load the bundled example (HTTP ${response.status})`,
      {
        file: fileName,
      },
    );
  }
  return response.blob();
}
