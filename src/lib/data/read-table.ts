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
import { DelimitedTableBuilder, type StreamedTable } from './delimited-table';
import { DELIMITERS, detectDelimiter, type Delimiter } from './detect-delimiter';
import type { HeaderRename } from './header-names';
import { RecordTableBuilder } from './json-records';
import { detectFormat, previewSource } from './preview-source';

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

/** Characters of the start of the text used to decide format, delimiter and header. */
export const HEAD_CHARS = 64 * 1024;

interface Builder {
  push(text: string): void;
  finish(): StreamedTable;
  readonly rowCount: number;
}

/**
 * Reads a table from text chunks.
 * @param open opens the text from its start; called again for a second pass
 * @param options format, delimiter, header, types (by final column name) and the file name
 * @param onChunk called after every chunk with the characters and rows read so far
 * @returns the typed columns, exactly as `buildColumns(parseDelimited(text))` for delimited text
 * @throws DataError on malformed input or a value that does not fit a chosen type
 * @example
 * const t = await readTable(async function* () { yield 'a,b\n1,x\n'; }, { fileName: 'f.csv' });
 * t.schema.map((c) => c.type) // ['integer', 'category']
 */
export async function readTable(
  open: () => AsyncIterable<string>,
  options: ReadTableOptions,
  onChunk?: ChunkHook,
): Promise<ReadTableResult> {
  const file = options.fileName;
  if (options.delimiter !== undefined && !DELIMITERS.includes(options.delimiter as Delimiter)) {
    throw new DataError(
      `${file}: the delimiter ${JSON.stringify(options.delimiter)} is not supported; use comma, tab, semicolon or pipe`,
      { file },
    );
  }
  const source = open()[Symbol.asyncIterator]();
  const head: string[] = [];
  let headChars = 0;
  let done = false;
  while (headChars < HEAD_CHARS) {
    const next = await source.next();
    if (next.done) {
      done = true;
      break;
    }
    let text = next.value;
    if (head.length === 0 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    head.push(text);
    headChars += text.length;
  }
  const decided = decide(head.join(''), options, !done);

  let pass = 1;
  let lossless: ReadonlySet<number> | undefined;
  let keys: readonly string[] = [];
  for (;;) {
    const builder = makeBuilder(decided, options, lossless, keys);
    let chars = 0;
    const feed = async (text: string): Promise<void> => {
      builder.push(text);
      chars += text.length;
      if (onChunk) await onChunk({ chars, rows: builder.rowCount, pass });
    };
    if (pass === 1) {
      for (const text of head) await feed(text);
      if (!done)
        for (let n = await source.next(); !n.done; n = await source.next()) await feed(n.value);
    } else {
      let first = true;
      for await (let text of open()) {
        if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        first = false;
        await feed(text);
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

function makeBuilder(
  decided: { format: ImportFormat; delimiter: Delimiter | null; hasHeader: boolean },
  options: ReadTableOptions,
  lossless: ReadonlySet<number> | undefined,
  keys: readonly string[],
): Builder {
  const common = {
    fileName: options.fileName,
    ...(options.types ? { types: options.types } : {}),
    ...(options.sampleSize ? { sampleSize: options.sampleSize } : {}),
  };
  if (decided.format === 'csv') {
    return new DelimitedTableBuilder({
      ...common,
      delimiter: decided.delimiter ?? ',',
      hasHeader: decided.hasHeader,
      ...(lossless ? { lossless } : {}),
    });
  }
  return new RecordTableBuilder({
    ...common,
    format: decided.format,
    ...(lossless ? { lossless: new Set([...lossless].map((j) => keys[j]!)) } : {}),
  });
}
