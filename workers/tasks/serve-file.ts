/**
 * Files of the serving tasks: an uploaded delimited file read into string columns (encoding
 * sniffed as for imports, then `parseDelimited`), and CSV output guarded against spreadsheet
 * formula injection (RELIABILITY.md X4).
 */
import { DataError } from '../../src/lib/contracts/errors';
import { parseDelimited, type ParsedTable } from '../../src/lib/data';
import { openSource } from './import-source';

/**
 * Reads a whole delimited file (CSV, TSV, `;` or `|`) in memory.
 * @param file the bytes
 * @param fileName for messages
 * @returns the parsed table (string columns, normalised header)
 * @throws DataError when the file is not text or not well-formed (naming the line and column)
 */
export async function readDelimitedFile(file: Blob, fileName: string): Promise<ParsedTable> {
  const source = await openSource({ name: fileName, fileName, file });
  const parts: string[] = [];
  for await (const chunk of source.openText()) {
    parts.push(typeof chunk === 'string' ? chunk : chunk.text);
  }
  return parseDelimited(parts.join(''), { fileName });
}

/**
 * The index of a named column, or a DataError listing the columns there are.
 * @param table the parsed file
 * @param column the column name
 * @param role what the column is for, e.g. `key column`
 * @returns the column index
 */
export function columnIndex(table: ParsedTable, column: string, role: string): number {
  const j = table.header.indexOf(column);
  if (j < 0) {
    const shown = table.header
      .slice(0, 10)
      .map((h) => JSON.stringify(h))
      .join(', ');
    throw new DataError(
      `${table.fileName}: the ${role} ${JSON.stringify(column)} is not in the file (columns: ${shown}${table.header.length > 10 ? ', …' : ''})`,
      { file: table.fileName, column },
    );
  }
  return j;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell: text that a spreadsheet would run as a formula (starting with `= + - @`, tab or
 * carriage return) gets a leading `'`, numbers (`-5`, `+1e3`) stay as they are; then RFC 4180
 * quoting when the cell holds a comma, quote or line break.
 * @param value the cell
 * @returns the CSV text of the cell
 * @example
 * csvCell('=HYPERLINK("x")') // '"\'=HYPERLINK(""x"")"'
 * csvCell('-5') // '-5'
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value !== 'number' && FORMULA_START.test(text) && !NUMBER.test(text)) {
    text = `'${text}`;
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * CSV text of a header and rows (`\r\n` line ends, every cell through {@link csvCell}).
 * @param header the column names
 * @param rows the cells of each row
 * @returns the CSV text
 */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
): string {
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
