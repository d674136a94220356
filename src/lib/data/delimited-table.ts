/**
 * Streaming delimited text → typed columns: a {@link DelimitedScanner} feeding one
 * {@link ColumnBuilder} per header column. Same rules and same result as
 * `buildColumns(parseDelimited(text))` (TYPING.md), for any split of the text into chunks.
 */
import type { ColumnType } from '../contracts/entities';
import { DataError, formatValue } from '../contracts/errors';
import { ColumnBuilder, type ColumnPart } from './column-builder';
import type { ColumnTable } from './columns';
import {
  DelimitedScanner,
  fieldText,
  type RecordBatch,
  type StreamProblem,
} from './delimited-stream';
import type { Delimiter } from './detect-delimiter';
import { normaliseHeader, type HeaderRename } from './header-names';

/** Options of {@link DelimitedTableBuilder}. */
export interface DelimitedTableOptions {
  fileName: string;
  delimiter: Delimiter;
  /** Whether the first non-blank record is the header (default true); else `column_N` names. */
  hasHeader?: boolean;
  /** User-chosen types by final column name. */
  types?: Readonly<Record<string, ColumnType>>;
  /** Columns (0-based) to keep losslessly from the start (second pass after a contradiction). */
  lossless?: ReadonlySet<number>;
  /** Cells per column sampled before choosing a storage mode (default: see {@link sampleSizeFor}). */
  sampleSize?: number;
  /**
   * The final column names, for a builder that reads a later part of the rows (from a record
   * boundary): every record is then data, `hasHeader` is ignored.
   */
  header?: readonly string[];
}

/** A later part of the rows, read by another builder ({@link DelimitedTableBuilder.exportPart}). */
export interface TablePart {
  rows: number;
  columns: ColumnPart[];
}

/** What {@link DelimitedTableBuilder.finish} returns. */
export interface StreamedTable extends ColumnTable {
  header: string[];
  renames: HeaderRename[];
  rowCount: number;
  /** Columns whose sampled mode was contradicted: read the source again with them `lossless`. */
  contradicted: number[];
}

const DELIMITER_NAMES: Record<Delimiter, string> = {
  ',': 'comma',
  '\t': 'tab',
  ';': 'semicolon',
  '|': 'pipe',
};

/** What a user-chosen type expects, for error messages (as `buildColumns`). */
export const EXPECTED_VALUE: Partial<Record<ColumnType, string>> = {
  number: 'a number',
  integer: 'an integer',
  datetime: 'an ISO 8601 date (YYYY-MM-DD[THH:MM[:SS]][Z])',
  boolean: 'true/false/yes/no',
};

/**
 * Cells sampled per column: 4,096, fewer for very wide tables so the sample stays near 1M cells.
 * @param width number of columns
 * @returns the sample size
 * @example
 * sampleSizeFor(21)     // 4096
 * sampleSizeFor(10_000) // 104
 */
export function sampleSizeFor(width: number): number {
  return Math.max(64, Math.min(4096, Math.floor(1_048_576 / Math.max(1, width))));
}

/**
 * The DataError for a cell that does not fit its user-chosen type (wording of `buildColumns`).
 * @param file file name
 * @param line 1-based source line
 * @param row 1-based data row
 * @param column column name
 * @param type the chosen type
 * @param value the cell
 * @returns the error
 * @example
 * typeMismatch('f.csv', 3, 2, 'age', 'integer', 'x').message
 * // 'f.csv, line 3, column `age`: "x" is not an integer; fix the value, ...'
 */
export function typeMismatch(
  file: string,
  line: number,
  row: number,
  column: string,
  type: ColumnType,
  value: string,
): DataError {
  return new DataError(
    `${file}, line ${line}, column \`${column}\`: ${formatValue(value)} is not ${
      EXPECTED_VALUE[type] ?? type
    }; fix the value, leave the cell empty to mark it missing, or choose another type for the column`,
    { file, line, row, column, value },
  );
}

/**
 * Builds typed columns from delimited text pushed in chunks of any size.
 * @example
 * const t = new DelimitedTableBuilder({ fileName: 'f.csv', delimiter: ',' });
 * t.push('n,c\n1,a\n');
 * t.push(',b\n3,a\n4,a\n');
 * t.finish().schema.map((c) => c.type) // ['integer', 'category']
 */
export class DelimitedTableBuilder {
  private readonly options: DelimitedTableOptions;
  private readonly scanner: DelimitedScanner;
  private header: string[] | null = null;
  private renames: HeaderRename[] = [];
  private builders: ColumnBuilder[] = [];
  private rows = 0;
  private headerLine = 1;

  /** @param options see {@link DelimitedTableOptions} */
  constructor(options: DelimitedTableOptions) {
    this.options = options;
    this.scanner = new DelimitedScanner(options.delimiter);
  }

  /** Data rows read so far. */
  get rowCount(): number {
    return this.rows;
  }

  /** The final column names, once the first record was read (else null). */
  get columnNames(): readonly string[] | null {
    return this.header;
  }

  /** Whether the text pushed so far ends exactly at a record boundary (outside quotes). */
  get atRecordStart(): boolean {
    return this.scanner.atRecordStart;
  }

  /**
   * The rows read so far as a {@link TablePart} (for a builder made with `header`, after all
   * its text was pushed and no error was thrown; the last record must be complete). The builder
   * is spent.
   * @returns the part; its typed arrays can be transferred
   * @throws DataError as {@link finish} for a record left open (an unclosed quote)
   */
  exportPart(): TablePart {
    const batch = this.scanner.finish();
    if (this.scanner.problem) throw this.problemError(this.scanner.problem);
    this.take(batch);
    if (!this.header) this.startColumns(null);
    return { rows: this.rows, columns: this.builders.map((b) => b.exportPart()) };
  }

  /**
   * Appends a part that was read from where this builder's text ends (which must be a record
   * boundary: {@link atRecordStart}), as if its text had been pushed here.
   * @param part the part, from a builder with the same options plus `header`
   * @returns false, changing nothing, when the part's column modes differ from these (the
   *   caller then pushes that text here instead)
   */
  mergePart(part: TablePart): boolean {
    if (!this.header || !this.scanner.atRecordStart) return false;
    const builders = this.builders;
    if (part.columns.length !== builders.length) return false;
    if (!builders.every((b, j) => b.canMerge(part.columns[j]!))) return false;
    builders.forEach((b, j) => b.mergePart(part.columns[j]!));
    this.rows += part.rows;
    return true;
  }

  /**
   * Reads one chunk of text.
   * @param text the next chunk (any length)
   * @param bytes optionally the chunk's bytes, one per character (see `DelimitedScanner.push`)
   * @throws DataError on a malformed quote, a ragged row or a cell that does not fit a chosen type
   */
  push(text: string, bytes?: Uint8Array): void {
    const batch = this.scanner.push(text, bytes);
    this.take(batch);
    if (this.scanner.problem) throw this.problemError(this.scanner.problem);
  }

  /**
   * Ends the input and returns the columns.
   * @returns schema, columns, header, renames, row count and any contradicted columns
   * @throws DataError when the text is empty, has only a header, or ends inside a quote
   */
  finish(): StreamedTable {
    const batch = this.scanner.finish();
    if (this.scanner.problem) throw this.problemError(this.scanner.problem);
    this.take(batch);
    const file = this.options.fileName;
    if (!this.header) {
      throw new DataError(
        `${file} is empty; choose a file with a header line and at least one data row`,
        { file, line: 1 },
      );
    }
    if (this.rows === 0) {
      throw new DataError(
        `${file} has a header line but no data rows; add at least one row below the header (line ${
          this.headerLine + 1
        })`,
        { file, line: this.headerLine + 1 },
      );
    }
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
      header: this.header,
      renames: this.renames,
      rowCount: this.rows,
      contradicted,
      schema: ok ? built.map((c) => c!.schema) : [],
      columns: ok ? built.map((c) => c!.values) : [],
    };
  }

  private take(b: RecordBatch): void {
    if (b.records === 0) return;
    let r0 = 0;
    if (!this.header) {
      this.startColumns(b);
      if (this.options.hasHeader !== false && !this.options.header) r0 = 1;
    }
    const width = this.header!.length;
    const f0 = r0 === 0 ? 0 : b.recordEnd[r0 - 1]!;
    for (let r = r0; r < b.records; r++) {
      const start = r === 0 ? 0 : b.recordEnd[r - 1]!;
      if (b.recordEnd[r]! - start !== width) {
        throw this.raggedError(b, r, start, this.rows + r - r0 + 1);
      }
    }
    const count = b.records - r0;
    if (count === 0) return;
    for (let j = 0; j < width; j++) {
      const k = this.builders[j]!.addFields(b, f0, width, j, count);
      if (k >= 0) {
        const f = f0 + k * width + j;
        throw typeMismatch(
          this.options.fileName,
          b.recordLine[r0 + k]!,
          this.rows + k + 1,
          this.header![j]!,
          this.options.types![this.header![j]!]!,
          fieldText(b, f),
        );
      }
    }
    this.rows += count;
  }

  private startColumns(b: RecordBatch | null): void {
    const first: string[] = [];
    if (b) for (let f = 0; f < b.recordEnd[0]!; f++) first.push(fieldText(b, f));
    this.headerLine = b ? b.recordLine[0]! : 1;
    if (this.options.header) {
      this.header = [...this.options.header];
    } else if (this.options.hasHeader === false) {
      this.header = first.map((_, j) => `column_${j + 1}`);
    } else {
      const { names, renames } = normaliseHeader(first);
      this.header = names;
      this.renames = renames;
    }
    const types = this.options.types;
    const sampleSize = this.options.sampleSize ?? sampleSizeFor(this.header.length);
    this.builders = this.header.map((name, j) => {
      // Own-property lookup only: a column named `constructor` must not find Object.prototype's.
      const type = types && Object.hasOwn(types, name) ? types[name] : undefined;
      return new ColumnBuilder(name, {
        sampleSize,
        ...(type ? { type } : {}),
        ...(this.options.lossless?.has(j) ? { lossless: true } : {}),
      });
    });
  }

  private raggedError(b: RecordBatch, r: number, start: number, row: number): DataError {
    const file = this.options.fileName;
    const header = this.header!;
    const fields = b.recordEnd[r]! - start;
    const line = b.recordLine[r]!;
    const name = DELIMITER_NAMES[this.options.delimiter];
    if (fields < header.length) {
      const column = header[fields]!;
      return new DataError(
        `${file}, line ${line}: ${fields} field(s) but the header has ${header.length}, so ` +
          `column \`${column}\` has no value; add the missing ${name}(s) (an empty field is read ` +
          `as missing)`,
        { file, line, row, column },
      );
    }
    const value = fieldText(b, start + header.length);
    const column = `column_${header.length + 1}`;
    return new DataError(
      `${file}, line ${line}: ${fields} fields but the header has ${header.length}; the extra ` +
        `field ${formatValue(value)} (${column}) has no header; put values that contain a ` +
        `${name} in double quotes, or add a header name`,
      { file, line, row, column, value },
    );
  }

  private problemError(p: StreamProblem): DataError {
    const file = this.options.fileName;
    const column = this.header?.[p.field] || `column_${p.field + 1}`;
    const hasHeader = this.options.hasHeader !== false;
    const location = {
      file,
      line: p.line,
      row: hasHeader ? p.record : p.record + 1,
      column,
      value: p.excerpt,
    };
    if (p.kind === 'unterminated-quote') {
      return new DataError(
        `${file}, line ${p.line}, column \`${column}\`: a quoted field starts here (${formatValue(
          p.excerpt,
        )}) but its closing " is missing, so the rest of the file would be read as one value; ` +
          `close the quote, and write any " inside the field as ""`,
        location,
      );
    }
    if (p.kind === 'field-too-long') {
      return new DataError(
        `${file}, line ${p.line}, column \`${column}\`: one value is longer than 256 MB; this is ` +
          `not a delimited text file, or a quote is not closed`,
        location,
      );
    }
    return new DataError(
      `${file}, line ${p.line}, column \`${column}\`: text follows the closing " of a quoted field ` +
        `(${formatValue(p.excerpt)}); quote the whole field and write any " inside it as ""`,
      location,
    );
  }
}
