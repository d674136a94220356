/**
 * Streaming import of a whole table: decoded text chunks in, typed columns out. Format,
 * delimiter and header are decided from the start of the text exactly as the preview decides
 * them (unless the user chose), then every chunk goes through the format's table builder. If
 * a column's sampled type is contradicted later on, the source is read a second time with that
 * column kept as text from the start (IMPORT.md §2): at most two passes, never a lost value.
 */
import type { ImportFormat, ImportOptions } from '../contracts/compute';
import { DataError } from '../contracts/errors';
import type { ColumnTable } from './columns';
import type { TextChunk } from './decode-text';
import {
  DelimitedTableBuilder,
  type DelimitedTableOptions,
  type StreamedTable,
  type TablePart,
} from './delimited-table';
import { DELIMITERS, detectDelimiter, type Delimiter } from './detect-delimiter';
import type { HeaderRename } from './header-names';
import { RecordTableBuilder } from './json-records';
import { PREVIEW_CHARS, detectFormat, previewSource } from './preview-source';

/** Options of {@link readTable}: the import options plus the file name. */
export interface ReadTableOptions extends ImportOptions {
  fileName: string;
  /** Cells per column sampled before a storage mode is chosen (tests use tiny ones). */
  sampleSize?: number;
}

/** What {@link readTable} returns. */
export interface ReadTableResult extends ColumnTable {
  header: string[];
  renames: HeaderRename[];
  rowCount: number;
  format: ImportFormat;
  delimiter: Delimiter | null;
  hasHeader: boolean;
  /** 1, or 2 when a contradicted column needed a second read. */
  passes: number;
}

/** Progress after each chunk; may throw (e.g. `CancelledError`) to stop the import. */
export type ChunkHook = (progress: {
  chars: number;
  rows: number;
  pass: number;
}) => void | Promise<void>;

/**
 * A source cut in two at a line break, so that a delimited file's second part can be read
 * elsewhere (another worker) while the first is read here (IMPORT.md §2, "two workers"). The
 * second part is used only if the first part ends at a record boundary (the line break was not
 * inside quotes) and its columns were typed in the same modes; otherwise it is read here after
 * the first, so the result is always the one-pass result.
 */
export interface SplitSource {
  /** The text up to and including the line break. */
  openFirst(): AsyncIterable<string | TextChunk>;
  /** The text after it. */
  openRest(): AsyncIterable<string | TextChunk>;
  /**
   * Starts reading the second part with these options; resolves to its rows, or null when it
   * could not (any error: the text is then read here, which reports it exactly).
   */
  readRest(options: DelimitedTableOptions & { header: string[] }): Promise<TablePart | null>;
  /**
   * Stops a `readRest` whose result is not wanted, and frees what was prepared for one (called
   * whenever the second part is not used, also on errors).
   */
  cancel(): void;
}

/** Characters of the start of the text used to decide format, delimiter and header. */
export const HEAD_CHARS = 64 * 1024;

interface Builder {
  push(text: string, bytes?: Uint8Array): void;
  /** The column names, once known (delimited). */
  readonly columnNames?: readonly string[] | null;
  finish(): StreamedTable;
  readonly rowCount: number;
}

/**
 * Reads a table from text chunks.
 * @param open opens the text from its start; called again for a second pass. Chunks may be
 *   strings or {@link TextChunk}s (text plus its bytes when they line up, read faster)
 * @param options format, delimiter, header, types (by final column name) and the file name
 * @param onChunk called after every chunk with the characters and rows read so far
 * @param split optionally the same source cut in two, for reading a delimited file's second
 *   half elsewhere at the same time (first pass only; `open` still serves a second pass)
 * @returns the typed columns, exactly as `buildColumns(parseDelimited(text))` for delimited text
 * @throws DataError on malformed input or a value that does not fit a chosen type
 * @example
 * const t = await readTable(async function* () { yield 'a,b\n1,x\n'; }, { fileName: 'f.csv' });
 * t.schema.map((c) => c.type) // ['integer', 'category']
 */
export async function readTable(
  open: () => AsyncIterable<string | TextChunk>,
  options: ReadTableOptions,
  onChunk?: ChunkHook,
  split?: SplitSource,
): Promise<ReadTableResult> {
  try {
    return await readPasses(open, options, onChunk, split);
  } catch (e) {
    split?.cancel();
    throw e;
  }
}

async function readPasses(
  open: () => AsyncIterable<string | TextChunk>,
  options: ReadTableOptions,
  onChunk: ChunkHook | undefined,
  split: SplitSource | undefined,
): Promise<ReadTableResult> {
  const file = options.fileName;
  if (options.delimiter !== undefined && !DELIMITERS.includes(options.delimiter as Delimiter)) {
    throw new DataError(
      `${file}: the delimiter ${JSON.stringify(options.delimiter)} is not supported; use comma, tab, semicolon or pipe`,
      { file },
    );
  }
  const source = (split ? split.openFirst() : open())[Symbol.asyncIterator]();
  const head: TextChunk[] = [];
  let headChars = 0;
  let done = false;
  while (headChars < HEAD_CHARS) {
    const next = await source.next();
    if (next.done) {
      done = true;
      break;
    }
    let chunk = asChunk(next.value);
    if (head.length === 0 && chunk.text.charCodeAt(0) === 0xfeff) {
      chunk = { text: chunk.text.slice(1) };
    }
    head.push(chunk);
    headChars += chunk.text.length;
  }
  // Decided from the same start as the preview (at most PREVIEW_CHARS; the head read above may
  // be a whole first chunk of a MiB, and previewing all of it only costs time).
  const headText = head.map((c) => c.text).join('');
  const decided =
    headText.length > PREVIEW_CHARS
      ? decide(headText.slice(0, PREVIEW_CHARS), options, true)
      : decide(headText, options, !done);

  let pass = 1;
  let lossless: ReadonlySet<number> | undefined;
  let keys: readonly string[] = [];
  for (;;) {
    const builder = makeBuilder(decided, options, lossless, keys);
    let chars = 0;
    const feed = async (chunk: string | TextChunk): Promise<void> => {
      const text = typeof chunk === 'string' ? chunk : chunk.text;
      builder.push(text, typeof chunk === 'string' ? undefined : chunk.bytes);
      chars += text.length;
      if (onChunk) await onChunk({ chars, rows: builder.rowCount, pass });
    };
    if (pass === 1) {
      let rest: Promise<TablePart | null> | null = null;
      const startRest = (): void => {
        const names = builder.columnNames;
        if (!split || rest || decided.format !== 'csv' || !names) return;
        rest = split.readRest({
          ...builderOptions(decided, options, lossless),
          header: [...names],
        });
      };
      // On an error readTable cancels the split.
      for (const [i, chunk] of head.entries()) {
        // The second part can start once the header is read: feed the first line alone.
        const lf = i === 0 && split ? chunk.text.indexOf('\n') + 1 : 0;
        if (lf > 0 && lf < chunk.text.length) {
          await feed(cut(chunk, 0, lf));
          startRest();
          await feed(cut(chunk, lf, chunk.text.length));
        } else await feed(chunk);
      }
      startRest();
      if (!done)
        for (let n = await source.next(); !n.done; n = await source.next()) await feed(n.value);
      if (split) {
        startRest();
        const part =
          rest && builder instanceof DelimitedTableBuilder && builder.atRecordStart
            ? await (rest as Promise<TablePart | null>)
            : null;
        if (!part || !(builder as DelimitedTableBuilder).mergePart(part)) {
          // Read the second part here (the cut was inside quotes, a column's mode differs,
          // or it failed): exactly the one-pass reading.
          split.cancel();
          for await (const next of split.openRest()) await feed(next);
        }
      }
    } else {
      let first = true;
      for await (const next of open()) {
        let chunk = asChunk(next);
        if (first && chunk.text.charCodeAt(0) === 0xfeff) chunk = { text: chunk.text.slice(1) };
        first = false;
        await feed(chunk);
      }
    }
    const table = builder.finish();
    if (table.contradicted.length === 0) {
      return { ...table, ...decided, passes: pass };
    }
    if (pass === 2)
      throw new Error(`internal: ${file} still has contradicted columns after a second pass`);
    // The second pass keeps these columns as text from the first row (see the module comment).
    lossless = new Set(table.contradicted);
    keys = builder instanceof RecordTableBuilder ? builder.rawKeys : [];
    pass = 2;
  }
}

/** Characters `[s, e)` of a chunk, with their bytes when it has them (one per character). */
function cut(c: TextChunk, s: number, e: number): TextChunk {
  const text = c.text.slice(s, e);
  return c.bytes ? { text, bytes: c.bytes.subarray(s, e) } : { text };
}

function asChunk(c: string | TextChunk): TextChunk {
  return typeof c === 'string' ? { text: c } : c;
}

function decide(
  head: string,
  options: ReadTableOptions,
  truncated: boolean,
): { format: ImportFormat; delimiter: Delimiter | null; hasHeader: boolean } {
  const file = options.fileName;
  try {
    const p = previewSource(head, file, options, truncated);
    return { format: p.format, delimiter: p.delimiter as Delimiter | null, hasHeader: p.hasHeader };
  } catch {
    // A malformed start: decide plainly and let the builder report the problem precisely.
    const format = options.format ?? detectFormat(head, file);
    return {
      format,
      delimiter:
        format === 'csv' ? ((options.delimiter as Delimiter) ?? detectDelimiter(head)) : null,
      hasHeader: options.hasHeader ?? true,
    };
  }
}

/** The options every builder takes. */
function commonOptions(options: ReadTableOptions) {
  return {
    fileName: options.fileName,
    ...(options.types ? { types: options.types } : {}),
    ...(options.sampleSize ? { sampleSize: options.sampleSize } : {}),
  };
}

/** A delimited builder's options (also those of the second part's, plus its `header`). */
function builderOptions(
  decided: { format: ImportFormat; delimiter: Delimiter | null; hasHeader: boolean },
  options: ReadTableOptions,
  lossless: ReadonlySet<number> | undefined,
): DelimitedTableOptions {
  return {
    ...commonOptions(options),
    delimiter: decided.delimiter ?? ',',
    hasHeader: decided.hasHeader,
    ...(lossless ? { lossless } : {}),
  };
}

function makeBuilder(
  decided: { format: ImportFormat; delimiter: Delimiter | null; hasHeader: boolean },
  options: ReadTableOptions,
  lossless: ReadonlySet<number> | undefined,
  keys: readonly string[],
): Builder {
  if (decided.format === 'csv')
    return new DelimitedTableBuilder(builderOptions(decided, options, lossless));
  return new RecordTableBuilder({
    ...commonOptions(options),
    format: decided.format,
    ...(lossless ? { lossless: new Set([...lossless].map((j) => keys[j]!)) } : {}),
  });
}
