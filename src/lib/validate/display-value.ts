/**
 * Cell values as display text, for the offending values of suite runs.
 */
import type { ColumnSchema } from '../contracts/entities';
import type { Column } from '../data/columns';

/**
 * The value of one cell as text: dictionary entries as they are, datetimes as ISO 8601 (UTC),
 * numbers in JavaScript's shortest round-trip form, missing as the empty string.
 * @param schema the column's schema entry
 * @param column the stored column
 * @param row a 0-based row index
 * @returns the display text
 * @throws never
 * @example
 * displayValue({ name: 'd', type: 'datetime', encoding: 'f64', missing: 0 },
 *   new Float64Array([0]), 0) // '1970-01-01T00:00:00.000Z'
 */
export function displayValue(schema: ColumnSchema, column: Column, row: number): string {
  const v = column[row]!;
  if (column instanceof Int32Array) return v < 0 ? '' : (schema.dictionary?.[v] ?? '');
  if (v !== v) return '';
  return formatNumber(schema.type === 'datetime', v);
}

/**
 * A number (or a datetime in ms) as display text.
 * @param datetime whether the number is ms since epoch
 * @param v the number
 * @returns the text
 * @throws never
 * @example
 * formatNumber(false, 2.5) // '2.5'
 */
export function formatNumber(datetime: boolean, v: number): string {
  if (datetime && Number.isFinite(v) && Math.abs(v) <= 8.64e15) return new Date(v).toISOString();
  return String(v);
}
