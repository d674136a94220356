/** Small builders for validation tests: typed columns without going through the CSV parser. */
import type { ColumnSchema, ColumnType } from '../../../src/lib/contracts/entities';
import type { Column } from '../../../src/lib/data/columns';

export interface TestColumn {
  schema: ColumnSchema;
  column: Column;
}

/** A numeric (f64) column; null = missing. */
export function num(
  name: string,
  values: ArrayLike<number | null>,
  type: ColumnType = 'number',
): TestColumn {
  const column = Float64Array.from(Array.from(values), (v) => (v === null ? NaN : v));
  const missing = column.filter((v) => Number.isNaN(v)).length;
  return { schema: { name, type, encoding: 'f64', missing }, column };
}

/** A dictionary column in first-seen order; null = missing. */
export function cat(
  name: string,
  values: ArrayLike<string | null>,
  type: ColumnType = 'category',
): TestColumn {
  const dictionary: string[] = [];
  const index = new Map<string, number>();
  const column = Int32Array.from(Array.from(values), (v) => {
    if (v === null) return -1;
    let c = index.get(v);
    if (c === undefined) {
      c = dictionary.length;
      index.set(v, c);
      dictionary.push(v);
    }
    return c;
  });
  const missing = column.filter((c) => c < 0).length;
  return { schema: { name, type, encoding: 'dict', dictionary, missing }, column };
}

/** Schema and columns of a table. */
export function table(...cols: TestColumn[]): { schema: ColumnSchema[]; columns: Column[] } {
  return { schema: cols.map((c) => c.schema), columns: cols.map((c) => c.column) };
}

/** `n` values from a function of the row index. */
export function gen<T>(n: number, f: (i: number) => T): T[] {
  return Array.from({ length: n }, (_, i) => f(i));
}
