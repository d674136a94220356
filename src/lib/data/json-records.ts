/**
 * JSON (an array of records) and NDJSON (one record per line) → typed columns, streaming.
 *
 * Rules (IMPORT.md §3): columns are the union of the records' keys in first-seen order (names
 * then normalised like CSV headers); a key missing from a record is a missing cell; values
 * become cell text and are typed by the same rules as CSV cells (TYPING.md): strings as they
 * are, numbers and booleans as written, `null` missing, arrays and objects as JSON text. Keys
 * such as `__proto__` or `constructor` are ordinary columns: records come from `JSON.parse`
 * (own properties, no setters run) and columns are looked up in a `Map`.
 */
import type { ColumnType } from '../contracts/entities';
import { DataError, formatValue } from '../contracts/errors';
import { ColumnBuilder } from './column-builder';
import type { StreamedTable } from './delimited-table';
import { typeMismatch } from './delimited-table';
import { normaliseHeader } from './header-names';

/** Options of {@link RecordTableBuilder}. */
export interface RecordTableOptions {
  fileName: string;
  format: 'json' | 'ndjson';
  /** User-chosen types by key (trimmed). */
  types?: Readonly<Record<string, ColumnType>>;
  /** Keys to keep losslessly from the start (second pass after a contradiction). */
  lossless?: ReadonlySet<string>;
  sampleSize?: number;
  /** Keep the cells of the first `keepRows` records (for a preview) in {@link RecordTableBuilder.kept}. */
  keepRows?: number;
}

/**
 * The text of one JSON value as a cell.
 * @param v a parsed JSON value
 * @returns `''` (missing) for null/undefined, strings as they are, numbers/booleans as
 *   `String(v)`, arrays/objects as JSON text
 * @example
 * cellText({ a: [1] }) // '{"a":[1]}'
 * cellText(null)       // ''
 */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

const WS = /^[\s]*$/;

/**
 * Builds typed columns from JSON or NDJSON text pushed in chunks of any size.
 * @example
 * const t = new RecordTableBuilder({ fileName: 'f.ndjson', format: 'ndjson' });
 * t.push('{"a":1}\n{"a":2,"b":"x"}\n');
 * t.finish().header // ['a', 'b']
 */
export class RecordTableBuilder {
  private readonly options: RecordTableOptions;
  private readonly keys = new Map<string, number>();
  private readonly names: string[] = [];
  private readonly builders: ColumnBuilder[] = [];
  private rows = 0;
  /** The cells of the first `keepRows` records, by column index (undefined = key absent). */
  readonly kept: (string | undefined)[][] = [];
  // splitter state
  private line = 1;
  private pieces: string[] = [];
  private elementLine = 1;
  private started = false;
  private ended = false;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private afterCR = false;
  /** The next non-blank character at depth 0 starts an element (its line is recorded). */
  private needLine = false;

  /** @param options see {@link RecordTableOptions} */
  constructor(options: RecordTableOptions) {
    this.options = options;
  }

  /** Records read so far. */
  get rowCount(): number {
    return this.rows;
  }

  /**
   * Reads one chunk.
   * @param text the next chunk (any length)
   * @throws DataError on malformed JSON, a non-object record or a value not fitting a chosen type
   */
  push(text: string): void {
    if (this.options.format === 'ndjson') this.pushLines(text);
    else this.pushArray(text);
  }

  /**
   * Ends the input.
   * @returns the columns (see `StreamedTable`; `contradicted` holds column indexes)
   * @throws DataError when the input is empty, not closed, or has no records
   */
  finish(): StreamedTable {
    const file = this.options.fileName;
    if (this.options.format === 'ndjson') {
      const rest = this.pieces.join('');
      this.pieces = [];
      if (!WS.test(rest)) this.record(rest, this.line);
    } else if (!this.ended) {
      if (!this.started) throw this.empty();
      throw new DataError(
        `${file}: the JSON array is not closed (no final "]"); the file may be cut off`,
        { file, line: this.line },
      );
    }
    if (this.rows === 0) {
      if (!this.started && this.options.format === 'ndjson') throw this.empty();
      throw new DataError(`${file} has no records; add at least one object`, { file, line: 1 });
    }
    const { names, renames } = normaliseHeader(this.names);
    const contradicted: number[] = [];
    const built = this.builders.map((b, j) => {
      try {
        return b.finish();
      } catch (e) {
        if (!b.contradicted) throw e;
        contradicted.push(j);
        return null;
      }
    });
    const ok = contradicted.length === 0;
    return {
      header: names,
      renames,
      rowCount: this.rows,
      contradicted,
      schema: ok ? built.map((c, j) => ({ ...c!.schema, name: names[j]! })) : [],
      columns: ok ? built.map((c) => c!.values) : [],
    };
  }

  /** The keys (columns) in first-seen order, before name normalisation. */
  get rawKeys(): readonly string[] {
    return this.names;
  }

  private empty(): DataError {
    const file = this.options.fileName;
    return new DataError(`${file} is empty; choose a file with at least one record`, {
      file,
      line: 1,
    });
  }

  private pushLines(text: string): void {
    let start = 0;
    let i = 0;
    const n = text.length;
    if (this.afterCR && n > 0 && text.charCodeAt(0) === 10) start = i = 1;
    this.afterCR = false;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      this.pieces.push(text.slice(start, i));
      const line = this.pieces.length === 1 ? this.pieces[0]! : this.pieces.join('');
      this.pieces = [];
      if (!WS.test(line)) {
        this.started = true;
        this.record(line, this.line);
      }
      this.line++;
      if (c === 13) {
        if (i + 1 < n) {
          if (text.charCodeAt(i + 1) === 10) i++;
        } else this.afterCR = true;
      }
      start = i + 1;
    }
    if (start < n) this.pieces.push(text.slice(start));
  }

  /** Splits the top-level array into element texts, tracking strings, nesting and lines. */
  private pushArray(text: string): void {
    const file = this.options.fileName;
    const n = text.length;
    let start = 0;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 13) {
        this.line++;
        this.afterCR = true;
      } else {
        if (c === 10 && !this.afterCR) this.line++;
        this.afterCR = false;
      }
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === 92) this.escaped = true;
        else if (c === 34) this.inString = false;
        continue;
      }
      if (c === 32 || c === 9 || c === 10 || c === 13) continue;
      if (this.needLine && this.depth === 0) {
        this.elementLine = this.line;
        this.needLine = false;
      }
      if (this.ended) {
        throw new DataError(
          `${file}, line ${this.line}: text after the closing "]" of the JSON array`,
          {
            file,
            line: this.line,
          },
        );
      }
      if (!this.started) {
        if (c !== 91) {
          throw new DataError(
            `${file}, line ${this.line}: a JSON file must be an array of records ([{...}, ...]) or NDJSON (one {...} per line)`,
            { file, line: this.line },
          );
        }
        this.started = true;
        start = i + 1;
        this.needLine = true;
        continue;
      }
      if (c === 34) {
        this.inString = true;
      } else if (c === 123 || c === 91) {
        this.depth++;
      } else if (c === 125 || c === 93) {
        if (this.depth === 0) {
          if (c === 93) {
            this.element(this.take(text, start, i), true);
            this.ended = true;
            start = i + 1;
            continue;
          }
        } else this.depth--;
      } else if (c === 44 && this.depth === 0) {
        this.element(this.take(text, start, i), false);
        start = i + 1;
        this.needLine = true;
      }
    }
    if (!this.ended && start < n) this.pieces.push(text.slice(start));
  }

  private take(text: string, start: number, end: number): string {
    this.pieces.push(text.slice(start, end));
    const s = this.pieces.join('');
    this.pieces = [];
    return s;
  }

  private element(raw: string, last: boolean): void {
    if (WS.test(raw)) {
      // `[]` is an empty array; `[{..},]` or `[,` is not JSON.
      if (last && this.rows === 0) return;
      const file = this.options.fileName;
      throw new DataError(
        `${file}, line ${this.line}: an empty element in the JSON array (extra ",")`,
        {
          file,
          line: this.line,
          row: this.rows + 1,
        },
      );
    }
    this.record(raw, this.elementLine);
  }

  private record(raw: string, line: number): void {
    const file = this.options.fileName;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (e) {
      throw new DataError(
        `${file}, line ${line}, record ${this.rows + 1}: not valid JSON (${(e as Error).message}): ${formatValue(raw.trim())}`,
        { file, line, row: this.rows + 1, value: raw.trim().slice(0, 60) },
      );
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new DataError(
        `${file}, line ${line}, record ${this.rows + 1}: ${formatValue(raw.trim())} is not an object; each record must be {"column": value, ...}`,
        { file, line, row: this.rows + 1 },
      );
    }
    const cells = new Array<string | undefined>(this.builders.length);
    for (const [key, v] of Object.entries(value)) {
      let j = this.keys.get(key);
      if (j === undefined) j = this.addColumn(key);
      cells[j] = cellText(v);
    }
    if (this.kept.length < (this.options.keepRows ?? 0)) this.kept.push(cells);
    for (let j = 0; j < this.builders.length; j++) {
      const cell = cells[j] ?? '';
      if (!this.builders[j]!.add(cell, 0, cell.length)) {
        const name = this.names[j]!;
        throw typeMismatch(file, line, this.rows + 1, name, this.typeOf(name)!, cell);
      }
    }
    this.rows++;
  }

  private typeOf(key: string): ColumnType | undefined {
    const types = this.options.types;
    const name = key.trim();
    return types && Object.hasOwn(types, name) ? types[name] : undefined;
  }

  private addColumn(key: string): number {
    const j = this.builders.length;
    const type = this.typeOf(key);
    const b = new ColumnBuilder(key, {
      sampleSize: this.options.sampleSize ?? 4096,
      ...(type ? { type } : {}),
      ...(this.options.lossless?.has(key) ? { lossless: true } : {}),
    });
    b.addMissing(this.rows);
    this.keys.set(key, j);
    this.names.push(key);
    this.builders.push(b);
    return j;
  }
}
