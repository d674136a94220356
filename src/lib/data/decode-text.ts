/**
 * Bytes → text for imports (RELIABILITY.md P3; rules in IMPORT.md §1).
 *
 * A BOM decides: UTF-8 (`EF BB BF`), UTF-16LE (`FF FE`), UTF-16BE (`FE FF`); a UTF-32 BOM is
 * refused. Without a BOM, text that is valid UTF-8 is UTF-8; text that is not is decoded as
 * Windows-1252 (every byte has a character there) with a note, so a legacy Excel export reads
 * instead of failing. Binary data (NUL bytes that are not UTF-16) is refused. The BOM never
 * reaches the text.
 */
import type { TextEncoding } from '../contracts/compute';
import { DataError } from '../contracts/errors';

/** What {@link sniffEncoding} decided. */
export interface EncodingGuess {
  encoding: TextEncoding;
  /** How it was decided, for the preview's notes (empty when it is plain UTF-8). */
  notes: string[];
}

/** Invalid bytes for the chosen encoding (the caller may retry as Windows-1252). */
export class InvalidTextError extends DataError {
  /** 0-based offset of the chunk in which decoding failed. */
  readonly byteOffset: number;
  readonly encoding: TextEncoding;
  constructor(fileName: string, encoding: TextEncoding, byteOffset: number) {
    super(
      `${fileName} is not valid ${encoding.toUpperCase()} (bad bytes near byte ${byteOffset.toLocaleString(
        'en-US',
      )}); choose the encoding Windows-1252, or save the file as UTF-8 and import it again`,
      { file: fileName },
    );
    this.encoding = encoding;
    this.byteOffset = byteOffset;
  }
}

/** Bytes looked at to guess the encoding. */
export const SNIFF_BYTES = 64 * 1024;

/**
 * Guesses the encoding of a file from its first bytes (at most {@link SNIFF_BYTES} are used).
 * @param head the first bytes of the file
 * @param fileName for messages
 * @param chosen an encoding the user chose: it wins over detection (a UTF-32 BOM is still refused)
 * @returns the encoding and notes for the preview
 * @throws DataError for a UTF-32 BOM or binary content
 * @example
 * sniffEncoding(new Uint8Array([0xff, 0xfe, 0x61, 0x00]), 'f.csv').encoding // 'utf-16le'
 * sniffEncoding(new Uint8Array([0x63, 0x61, 0x66, 0xe9]), 'f.csv').encoding // 'windows-1252'
 */
export function sniffEncoding(
  head: Uint8Array,
  fileName: string,
  chosen?: TextEncoding,
): EncodingGuess {
  const b = head.subarray(0, SNIFF_BYTES);
  if (
    (b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) ||
    (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff)
  ) {
    throw new DataError(
      `${fileName} is UTF-32 text, which Benchtop does not read; save it as UTF-8 and import it again`,
      { file: fileName },
    );
  }
  if (chosen) return { encoding: chosen, notes: [] };
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', notes: [] };
  if (b[0] === 0xff && b[1] === 0xfe) {
    return {
      encoding: 'utf-16le',
      notes: ['read as UTF-16 (little-endian), from its byte-order mark'],
    };
  }
  if (b[0] === 0xfe && b[1] === 0xff) {
    return {
      encoding: 'utf-16be',
      notes: ['read as UTF-16 (big-endian), from its byte-order mark'],
    };
  }
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < b.length; i++) {
    if (b[i] === 0) {
      if (i % 2 === 0) evenNul++;
      else oddNul++;
    }
  }
  const half = b.length / 2;
  // ASCII text in UTF-16 without a BOM: every other byte is NUL.
  if (half >= 2 && oddNul >= 0.4 * half && evenNul === 0) {
    return {
      encoding: 'utf-16le',
      notes: ['read as UTF-16 (little-endian): no byte-order mark, guessed from NUL bytes'],
    };
  }
  if (half >= 2 && evenNul >= 0.4 * half && oddNul === 0) {
    return {
      encoding: 'utf-16be',
      notes: ['read as UTF-16 (big-endian): no byte-order mark, guessed from NUL bytes'],
    };
  }
  if (evenNul + oddNul > 0) {
    throw new DataError(
      `${fileName} does not look like a text file (it contains NUL bytes); export it as CSV, TSV, JSON or NDJSON`,
      { file: fileName },
    );
  }
  if (isUtf8(b)) return { encoding: 'utf-8', notes: [] };
  return {
    encoding: 'windows-1252',
    notes: [
      'not valid UTF-8, so read as Windows-1252 (Western European); if characters look wrong, save the file as UTF-8 and import it again',
    ],
  };
}

/** Whether the bytes are valid UTF-8 (a sequence cut at the end is allowed). */
function isUtf8(b: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * Incremental decoder: strict for UTF-8 and UTF-16 (bad bytes raise {@link InvalidTextError}),
 * total for Windows-1252. A BOM of the encoding is dropped.
 * @example
 * const d = new ChunkDecoder('utf-8', 'f.csv');
 * d.decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0xc3])) + d.decode(new Uint8Array([0xa9])) // 'aé'
 */
export class ChunkDecoder {
  private readonly decoder: TextDecoder;
  private readonly encoding: TextEncoding;
  private readonly fileName: string;
  private offset = 0;

  /**
   * @param encoding the encoding
   * @param fileName for messages
   * @param startOffset byte offset of the first chunk in the file (when decoding from the
   *   middle, at a character boundary; a BOM there is then text, not dropped)
   */
  constructor(encoding: TextEncoding, fileName: string, startOffset = 0) {
    this.encoding = encoding;
    this.fileName = fileName;
    this.offset = startOffset;
    this.decoder = new TextDecoder(encoding, {
      fatal: encoding !== 'windows-1252',
      ignoreBOM: startOffset > 0,
    });
  }

  /**
   * Decodes the next bytes (a character split between chunks is kept for the next call).
   * @param bytes the next chunk
   * @returns the text
   * @throws InvalidTextError on bytes that are not valid in the encoding
   */
  decode(bytes: Uint8Array): string {
    try {
      const text = this.decoder.decode(bytes, { stream: true });
      this.offset += bytes.length;
      return text;
    } catch {
      throw new InvalidTextError(this.fileName, this.encoding, this.offset);
    }
  }

  /**
   * Ends the input.
   * @returns any last text
   * @throws InvalidTextError when the input ends inside a character
   */
  end(): string {
    try {
      return this.decoder.decode();
    } catch {
      throw new InvalidTextError(this.fileName, this.encoding, this.offset);
    }
  }
}

/**
 * Decodes a stream of byte chunks: the texts of {@link decodeTextChunks}.
 * @param chunks the bytes
 * @param encoding the encoding
 * @param fileName for messages
 * @yields text chunks (never empty)
 * @throws InvalidTextError as {@link ChunkDecoder}
 * @example
 * for await (const text of decodeChunks(file.stream(), 'utf-8', file.name)) scanner.push(text);
 */
export async function* decodeChunks(
  chunks: AsyncIterable<Uint8Array>,
  encoding: TextEncoding,
  fileName: string,
): AsyncGenerator<string> {
  for await (const chunk of decodeTextChunks(chunks, encoding, fileName)) yield chunk.text;
}

/** A decoded chunk, with its bytes when they are one per character of `text`. */
export interface TextChunk {
  text: string;
  /**
   * The chunk's bytes, present only when `bytes.length === text.length` and byte `i` is the
   * code of character `i` for every ASCII character (ASCII-only UTF-8, or Windows-1252). The
   * delimited scanner then reads bytes (faster); values still come from `text`.
   */
  bytes?: Uint8Array;
}

/**
 * {@link decodeChunks}, also handing on each chunk's bytes when they line up with its text
 * (see {@link TextChunk.bytes}).
 * @param chunks the bytes
 * @param encoding the encoding
 * @param fileName for messages
 * @param startOffset byte offset of the first chunk (see {@link ChunkDecoder})
 * @yields text chunks (never empty) with aligned bytes where possible
 * @throws InvalidTextError as {@link ChunkDecoder}
 * @example
 * for await (const c of decodeTextChunks(file.stream(), 'utf-8', file.name)) scanner.push(c.text, c.bytes);
 */
export async function* decodeTextChunks(
  chunks: AsyncIterable<Uint8Array>,
  encoding: TextEncoding,
  fileName: string,
  startOffset = 0,
): AsyncGenerator<TextChunk> {
  const decoder = new ChunkDecoder(encoding, fileName, startOffset);
  const single = encoding === 'windows-1252';
  const utf8 = encoding === 'utf-8';
  // UTF-8: a chunk lines up only if no character was left open by the previous one (its last
  // byte was ASCII) and it is all ASCII (then, and only then, it decodes to as many characters).
  let clean = true;
  for await (const bytes of chunks) {
    const text = decoder.decode(bytes);
    const aligned = (single || (utf8 && clean)) && text.length === bytes.length && bytes.length > 0;
    if (utf8) clean = bytes.length === 0 ? clean : bytes[bytes.length - 1]! < 0x80;
    if (text.length > 0) yield aligned ? { text, bytes } : { text };
  }
  const last = decoder.end();
  if (last.length > 0) yield { text: last };
}
