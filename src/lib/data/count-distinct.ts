import type { Column } from './columns';

/**
 * Counts the distinct non-missing values of a column (NaN and code -1 are missing).
 * @param column a Float64Array (NaN = missing) or Int32Array of codes (-1 = missing)
 * @param rows optional row indices to look at; all rows when omitted
 * @returns the number of distinct non-missing values
 * @throws never
 * @example
 * countDistinct(new Float64Array([1, 1, NaN, 2])) // 2
 * countDistinct(new Int32Array([0, -1, 0]))       // 1
 */
export function countDistinct(column: Column, rows?: ArrayLike<number>): number {
  const seen = new Set<number>();
  const n = rows ? rows.length : column.length;
  for (let k = 0; k < n; k++) {
    const v = column[rows ? rows[k]! : k]!;
    if (column instanceof Int32Array ? v >= 0 : !Number.isNaN(v)) seen.add(v);
  }
  return seen.size;
}
