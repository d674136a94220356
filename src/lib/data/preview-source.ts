/**
 * The import preview: format, delimiter and header guesses, the first rows as text and the
 * column types guessed from the start of a file, so the user can correct them before
 * committing (IMPORT.md §4).
 */
import type { ImportFormat, ImportOptions, ImportPreview } from '../contracts/compute';
import type { ColumnType } from '../contracts/entities';
import { DataError } from '../contracts/errors';
import { DelimitedScanner, fieldText } from './delimited-stream';
import { detectDelimiter, type Delimiter } from './detect-delimiter';
import { normaliseHeader } from './header-names';
import { inferColumn } from './infer-type';
import { RecordTableBuilder } from './json-records';
import { isMissing, parseBoolean, parseDatetime, parseNumber } from './parse-value';

/** Rows shown in a preview. */
export const PREVIEW_ROWS = 20;
/** Characters of the start of a file a preview is made from (the import decides from the same). */
export const PREVIEW_CHARS = 256 * 1024;
/** Rows the preview's type guesses are made from (at most). */
export const PREVIEW_TYPE_ROWS = 1000;

const DELIMITER_NAMES: Record<Delimiter, string> = {
  ',': 'comma',
  '\t': 'tab',
  ';': 'semicolon',
  '|': 'pipe',
};

/**
 * Guesses the format: the extension when it is unambiguous (`.csv`, `.tsv`, `.txt` → csv;
 * `.ndjson`, `.jsonl` → ndjson), else the first non-blank character (`[` → json, `{` →
 * ndjson), else csv.
 * @param text the start of the file (BOM removed)
 * @param fileName the file name
 * @returns the format
 * @example
 * detectFormat('[{"a":1}]', 'x.json') // 'json'
 * detectFormat('a,b\n', 'x.dat')      // 'csv'
 */
export function detectFormat(text: string, fileName: string): ImportFormat {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (['csv', 'tsv', 'tab', 'txt', 'psv'].includes(ext)) return 'csv';
  if (ext === 'ndjson' || ext === 'jsonl') return 'ndjson';
  const first = /\S/.exec(text)?.[0];
  if (first === '[') return 'json';
  if (first === '{') return 'ndjson';
  return 'csv';
}

/**
 * Guesses whether the first record is a header. It is when, in some column whose other values
 * are all numbers, booleans or dates, the first cell is not; it is not when every column is
 * typed that way and the first cell fits. Otherwise (text columns) it is a header unless one of
 * its cells also occurs further down its column.
 * @param records the first records (header candidate first), as raw text
 * @returns true when the first record looks like a header
 * @example
 * detectHeader([['x', 'y'], ['1', '2']]) // true
 * detectHeader([['1', '2'], ['3', '4']]) // false
 */
export function detectHeader(records: readonly (readonly string[])[]): boolean {
  const first = records[0];
  if (!first || records.length < 2) return true;
  const body = records.slice(1);
  let typed = 0;
  let repeated = false;
  for (let j = 0; j < first.length; j++) {
    const cell = first[j]!;
    const present = body.map((r) => r[j] ?? '').filter((v) => !isMissing(v));
    const kind = kindOf(present);
    if (kind) {
      if (!isMissing(cell) && kind(cell) === 'invalid') return true;
      typed++;
    } else if (present.some((v) => v.trim() === cell.trim())) repeated = true;
  }
  if (typed === first.length) return false;
  return !repeated;
}

type CellParser = (t: string) => unknown;

function kindOf(present: readonly string[]): CellParser | null {
  if (present.length === 0) return null;
  for (const p of [parseNumber, parseBoolean, parseDatetime] as CellParser[]) {
    if (present.every((v) => p(v) !== 'invalid')) return p;
  }
  return null;
}

/**
 * Builds the preview of an import from the start of the (decoded) file.
 * @param text the first part of the file as text (e.g. 256 KiB); a BOM is ignored
 * @param fileName the file name (for the format guess and messages)
 * @param options the user's corrections so far (format, delimiter, header, encoding, types)
 * @param truncated whether `text` is only the start of the file (its last record may be cut)
 * @returns the preview: format, delimiter, header flag, names, first rows, types and notes
 * @throws DataError when the start of the file is empty or malformed (unclosed quote, bad JSON)
 * @example
 * previewSource('a;b\n1,5;x\n2;y\n', 'f.csv').delimiter // ';'
 * previewSource('a;b\n1,5;x\n2;y\n', 'f.csv').types     // ['category', 'category'] (1,5 is text)
 */
export function previewSource(
  text: string,
  fileName: string,
  options: ImportOptions = {},
  truncated = false,
): ImportPreview {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') {
    throw new DataError(
      `${fileName} is empty; choose a file with a header line and at least one data row`,
      {
        file: fileName,
        line: 1,
      },
    );
  }
  const format = options.format ?? detectFormat(body, fileName);
  const encoding = options.encoding ?? 'utf-8';
  if (format !== 'csv') return previewRecords(body, fileName, format, options, truncated, encoding);

  const delimiter = (options.delimiter as Delimiter | undefined) ?? detectDelimiter(body);
  const scanner = new DelimitedScanner(delimiter);
  const records: string[][] = [];
  const lines: number[] = [];
  const take = (b: ReturnType<DelimitedScanner['push']>): void => {
    let f = 0;
    for (let r = 0; r < b.records && records.length <= PREVIEW_TYPE_ROWS; r++) {
      const row: string[] = [];
      for (; f < b.recordEnd[r]!; f++) row.push(fieldText(b, f));
      records.push(row);
      lines.push(b.recordLine[r]!);
    }
  };
  take(scanner.push(body));
  if (!truncated && !scanner.problem) take(scanner.finish());
  const notes: string[] = [];
  if (scanner.problem && records.length < 2) {
    const p = scanner.problem;
    throw new DataError(
      `${fileName}, line ${p.line}: ${
        p.kind === 'text-after-quote'
          ? 'text follows the closing " of a quoted field'
          : 'a quoted field is never closed'
      } (${p.excerpt.slice(0, 30)}); fix the quoting or choose another delimiter`,
      { file: fileName, line: p.line },
    );
  }
  if (scanner.problem)
    notes.push(`line ${scanner.problem.line}: a quoting problem; the import will stop there`);
  const hasHeader = options.hasHeader ?? detectHeader(records.slice(0, 50));
  const firstRow = records[0] ?? [];
  let header: string[];
  if (hasHeader) {
    const { names, renames } = normaliseHeader(firstRow);
    header = names;
    for (const r of renames)
      notes.push(`column ${r.index + 1} renamed ${JSON.stringify(r.from)} → ${r.to}`);
  } else header = firstRow.map((_, j) => `column_${j + 1}`);
  const dataRows = hasHeader ? records.slice(1) : records;
  const dataLines = hasHeader ? lines.slice(1) : lines;
  const ragged = dataRows.findIndex((r) => r.length !== header.length);
  if (ragged >= 0) {
    notes.push(
      `line ${dataLines[ragged]}: ${dataRows[ragged]!.length} field(s) but ${header.length} column(s); the import will stop there unless another delimiter is chosen`,
    );
  }
  if (!options.delimiter) notes.push(`delimiter guessed: ${DELIMITER_NAMES[delimiter]}`);
  const types = guessTypes(header, dataRows, options, notes);
  return {
    format,
    encoding,
    delimiter,
    hasHeader,
    header,
    rows: dataRows.slice(0, PREVIEW_ROWS),
    types,
    notes,
  };
}

function previewRecords(
  body: string,
  fileName: string,
  format: 'json' | 'ndjson',
  options: ImportOptions,
  truncated: boolean,
  encoding: ImportPreview['encoding'],
): ImportPreview {
  const builder = new RecordTableBuilder({
    fileName,
    format,
    keepRows: PREVIEW_TYPE_ROWS,
    sampleSize: 1,
  });
  // A cut-off file may end inside a record: keep what parsed before it.
  let cut = body;
  if (truncated && format === 'ndjson') cut = body.slice(0, body.lastIndexOf('\n') + 1);
  builder.push(cut);
  if (!truncated) builder.finish();
  const keys = builder.rawKeys;
  const { names, renames } = normaliseHeader(keys);
  const rows = builder.kept.map((cells) => keys.map((_, j) => cells[j] ?? ''));
  const notes = renames.map((r) => `key ${JSON.stringify(r.from)} renamed ${r.to}`);
  const types = guessTypes(names, rows, options, notes);
  return {
    format,
    encoding,
    delimiter: null,
    hasHeader: true,
    header: names,
    rows: rows.slice(0, PREVIEW_ROWS),
    types,
    notes,
  };
}

function guessTypes(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  options: ImportOptions,
  notes: string[],
): ColumnType[] {
  const chosen = options.types;
  const types = header.map((name, j) => {
    if (chosen && Object.hasOwn(chosen, name)) return chosen[name]!;
    const inf = inferColumn(rows.map((r) => r[j] ?? ''));
    if (inf.nearlyNumeric) {
      const ex = inf.nearlyNumeric.examples[0]!;
      notes.push(
        `column \`${name}\` would be numeric except ${inf.nearlyNumeric.invalid} value(s) such as ${JSON.stringify(ex.value)}`,
      );
    }
    return inf.type;
  });
  if (rows.length > 0) {
    notes.push(`types guessed from the first ${rows.length} row(s); the import checks every row`);
  }
  return types;
}
