import Papa from 'papaparse';
import { DataError, formatValue } from '../contracts/errors';
import { detectDelimiter, type Delimiter } from './detect-delimiter';
import { normaliseHeader, type HeaderRename } from './header-names';
import { scanRecords, type ScanProblem } from './scan-records';

/** Options of {@link parseDelimited}. */
export interface ParseDelimitedOptions {
  /** File name, used in every error message. */
  fileName: string;
  /** The delimiter; detected when omitted (see {@link detectDelimiter}). */
  delimiter?: Delimiter;
}

/** A parsed delimited file: string columns, one array per header cell. */
export interface ParsedTable {
  /** Column names after {@link normaliseHeader} (trimmed, non-empty, unique). */
  header: string[];
  /** `columns[j][i]` is the raw text of data row i in column j (quotes removed, not trimmed). */
  columns: string[][];
  rowCount: number;
  delimiter: Delimiter;
  /** 1-based source line on which each data row starts (for error messages). */
  lines: Int32Array;
  /** Header cells that were renamed (empty or duplicate names). */
  renames: HeaderRename[];
  /** The file name given in the options. */
  fileName: string;
}

const BOM = '\uFEFF';

const DELIMITER_NAMES: Record<Delimiter, string> = {
  ',': 'comma',
  '\t': 'tab',
  ';': 'semicolon',
  '|': 'pipe',
};

/**
 * Parses CSV / TSV / semicolon- or pipe-separated text into string columns.
 *
 * Documented behaviour (RELIABILITY.md P1; details in TYPING.md):
 * - a UTF-8 BOM is stripped; `\r\n`, `\r`, `\n` and any mix of them end a line (breaks inside
 *   quoted fields are kept as they are);
 * - fields follow RFC 4180 quoting as papaparse reads it (`""` inside quotes is one `"`);
 * - completely blank lines (no characters) are skipped everywhere, including leading ones; the
 *   first non-blank record is the header; so in a one-column file a missing value must be
 *   written `""`;
 * - header names are trimmed, empty ones become `column_N`, duplicates get `_2`, `_3`, ...;
 * - values are returned exactly as written (not trimmed, not typed).
 * @param text the whole file as text
 * @param options file name (for messages) and optional delimiter
 * @returns header, string columns, row count, delimiter and per-row source lines
 * @throws DataError when the file is empty or blank, has a header but no data rows, has a quoted
 *   field whose closing quote is missing, has text after a closing quote, or has a line whose
 *   field count differs from the header's; each names the file, the line and the column.
 * @example
 * parseDelimited('a;b\r\n1,5;x\r\n', { fileName: 'f.csv' })
 * // { header: ['a', 'b'], columns: [['1,5'], ['x']], rowCount: 1, delimiter: ';', lines: [2], ... }
 */
export function parseDelimited(text: string, options: ParseDelimitedOptions): ParsedTable {
  const file = options.fileName;
  const body = text.startsWith(BOM) ? text.slice(1) : text;
  if (body.trim() === '') {
    throw new DataError(
      `${file} is empty; choose a file with a header line and at least one data row`,
      { file, line: 1 },
    );
  }
  const delimiter = options.delimiter ?? detectDelimiter(body);
  // papaparse keeps the raw text of a quoted last field followed by whitespace at the very end
  // (`"x" ` → `x" `); ending the last line first makes it read `x`, as everywhere else.
  const last = body.charCodeAt(body.length - 1);
  const terminated = last === 10 || last === 13 ? body : `${body}\n`;
  const scan = scanRecords(terminated, delimiter);
  if (scan.problem) throw scanError(file, scan.problem, headerGuess(body, delimiter));

  const result = Papa.parse<string[]>(scan.text, {
    delimiter,
    newline: '\n',
    quoteChar: '"',
    escapeChar: '"',
    header: false,
    skipEmptyLines: false,
    dynamicTyping: false,
  });
  const rows = result.data;
  if (rows.length !== scan.fieldCounts.length) {
    // The scan mirrors papaparse's rules; a mismatch is a bug here, not a problem with the file.
    throw new Error(
      `internal: ${file} split into ${rows.length} records by papaparse but ${scan.fieldCounts.length} by the scan`,
    );
  }

  let headerIndex = scan.fieldCounts.findIndex((c) => c > 0);
  if (headerIndex < 0) headerIndex = 0;
  const { names: header, renames } = normaliseHeader(rows[headerIndex] ?? []);
  const width = header.length;

  const dataIndices: number[] = [];
  for (let r = headerIndex + 1; r < rows.length; r++) {
    if (scan.fieldCounts[r]! > 0) dataIndices.push(r);
  }
  if (dataIndices.length === 0) {
    throw new DataError(
      `${file} has a header line but no data rows; add at least one row below the header (line ${
        scan.startLines[headerIndex]! + 1
      })`,
      { file, line: scan.startLines[headerIndex]! + 1 },
    );
  }

  const ragged: number[] = [];
  dataIndices.forEach((r, i) => {
    if (rows[r]!.length !== width) ragged.push(i);
  });
  if (ragged.length > 0) {
    throw raggedError(file, delimiter, header, rows, scan.startLines, dataIndices, ragged);
  }

  const rowCount = dataIndices.length;
  const columns: string[][] = header.map(() => new Array<string>(rowCount));
  const lines = new Int32Array(rowCount);
  dataIndices.forEach((r, i) => {
    const row = rows[r]!;
    for (let j = 0; j < width; j++) columns[j]![i] = row[j]!;
    lines[i] = scan.startLines[r]!;
  });
  return { header, columns, rowCount, delimiter, lines, renames, fileName: file };
}

/** The header cells as a best effort, for naming the column of an early structural error. */
function headerGuess(body: string, delimiter: string): string[] {
  const first = body.split(/\r\n|\r|\n/, 1)[0] ?? '';
  return first.split(delimiter).map((s) => s.trim());
}

function scanError(file: string, p: ScanProblem, header: readonly string[]): DataError {
  const column = header[p.field] || `column_${p.field + 1}`;
  // Record 0 is normally the header, so record k is data row k.
  const location = { file, line: p.line, row: p.record, column, value: p.excerpt };
  if (p.kind === 'unterminated-quote') {
    return new DataError(
      `${file}, line ${p.line}, column \`${column}\`: a quoted field starts here (${formatValue(
        p.excerpt,
      )}) but its closing " is missing, so the rest of the file would be read as one value; ` +
        `close the quote, and write any " inside the field as ""`,
      location,
    );
  }
  return new DataError(
    `${file}, line ${p.line}, column \`${column}\`: text follows the closing " of a quoted field ` +
      `(${formatValue(p.excerpt)}); quote the whole field and write any " inside it as ""`,
    location,
  );
}

function raggedError(
  file: string,
  delimiter: Delimiter,
  header: readonly string[],
  rows: readonly string[][],
  startLines: readonly number[],
  dataIndices: readonly number[],
  ragged: readonly number[],
): DataError {
  const dataRow = ragged[0]!;
  const r = dataIndices[dataRow]!;
  const row = rows[r]!;
  const line = startLines[r]!;
  const others =
    ragged.length > 1 ? ` (${ragged.length - 1} more line(s) have the same problem)` : '';
  const name = DELIMITER_NAMES[delimiter];
  if (row.length < header.length) {
    const column = header[row.length]!;
    return new DataError(
      `${file}, line ${line}: ${row.length} field(s) but the header has ${header.length}, so ` +
        `column \`${column}\` has no value${others}; add the missing ${name}(s) (an empty field ` +
        `is read as missing)`,
      { file, line, row: dataRow + 1, column },
    );
  }
  const value = row[header.length];
  const column = `column_${header.length + 1}`;
  return new DataError(
    `${file}, line ${line}: ${row.length} fields but the header has ${header.length}; the extra ` +
      `field ${formatValue(value)} (${column}) has no header${others}; put values that contain a ` +
      `${name} in double quotes, or add a header name`,
    { file, line, row: dataRow + 1, column, value },
  );
}
