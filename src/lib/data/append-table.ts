/**
 * Appending rows to a stored table: the new rows (typed with the stored schema's types) go after
 * the old ones, dictionaries are merged in first-seen order (old entries keep their codes), so
 * the result equals typing the concatenated files with those types (IMPORT.md §5).
 */
import type { ColumnSchema } from '../contracts/entities';
import { DataError } from '../contracts/errors';
import type { Column, ColumnTable } from './columns';

/**
 * Checks that `added` has exactly the columns of `base` (any order).
 * @param base the stored schema
 * @param added the new rows' column names
 * @param fileName for the message
 * @throws DataError naming the missing and extra columns
 * @example
 * checkSameColumns([{ name: 'a', ... }], ['a', 'b'], 'f.csv') // throws: extra column `b`
 */
export function checkSameColumns(
  base: readonly ColumnSchema[],
  added: readonly string[],
  fileName: string,
): void {
  const want = new Set(base.map((c) => c.name));
  const have = new Set(added);
  const missing = base.map((c) => c.name).filter((n) => !have.has(n));
  const extra = added.filter((n) => !want.has(n));
  if (missing.length === 0 && extra.length === 0 && added.length === base.length) return;
  const list = (xs: string[]): string => xs.map((x) => `\`${x}\``).join(', ');
  const parts: string[] = [];
  if (missing.length > 0) parts.push(`missing column(s) ${list(missing)}`);
  if (extra.length > 0) parts.push(`extra column(s) ${list(extra)}`);
  if (parts.length === 0) parts.push('a repeated column name');
  throw new DataError(
    `${fileName} cannot be appended: it has ${parts.join(' and ')}; appended rows need exactly the dataset's columns (${list(
      base.map((c) => c.name),
    )})`,
    {
      file: fileName,
      ...(missing[0] ? { column: missing[0] } : extra[0] ? { column: extra[0] } : {}),
    },
  );
}

/**
 * Appends the rows of `added` to `base`.
 * @param base the stored table (schema and columns)
 * @param added new rows typed with `base`'s types, columns in any order
 * @returns a new table: base's column order and types, values concatenated, dictionaries merged
 *   and missing counts added
 * @throws DataError when the columns differ or a column's type differs
 * @example
 * appendTable(
 *   { schema: [{ name: 'c', type: 'category', encoding: 'dict', dictionary: ['a'], missing: 0 }], columns: [Int32Array.of(0)] },
 *   { schema: [{ name: 'c', type: 'category', encoding: 'dict', dictionary: ['b', 'a'], missing: 0 }], columns: [Int32Array.of(0, 1)] },
 * ).columns[0] // Int32Array [0, 1, 0] with dictionary ['a', 'b']
 */
export function appendTable(base: ColumnTable, added: ColumnTable): ColumnTable {
  checkSameColumns(
    base.schema,
    added.schema.map((c) => c.name),
    'the new rows',
  );
  const schema: ColumnSchema[] = [];
  const columns: Column[] = [];
  base.schema.forEach((b, j) => {
    const k = added.schema.findIndex((c) => c.name === b.name);
    const a = added.schema[k]!;
    const x = base.columns[j]!;
    const y = added.columns[k]!;
    if (a.type !== b.type || a.encoding !== b.encoding) {
      throw new DataError(
        `column \`${b.name}\` is ${b.type} in the dataset but ${a.type} in the new rows`,
        { column: b.name },
      );
    }
    if (x instanceof Float64Array && y instanceof Float64Array) {
      const out = new Float64Array(x.length + y.length);
      out.set(x);
      out.set(y, x.length);
      schema.push({ ...b, missing: b.missing + a.missing });
      columns.push(out);
      return;
    }
    const dictionary = [...(b.dictionary ?? [])];
    const index = new Map(dictionary.map((v, i) => [v, i] as const));
    const map = (a.dictionary ?? []).map((v) => {
      let code = index.get(v);
      if (code === undefined) {
        code = dictionary.length;
        index.set(v, code);
        dictionary.push(v);
      }
      return code;
    });
    const out = new Int32Array(x.length + y.length);
    out.set(x as Int32Array);
    for (let i = 0; i < y.length; i++) {
      const c = y[i]!;
      out[x.length + i] = c < 0 ? -1 : map[c]!;
    }
    schema.push({ ...b, dictionary, missing: b.missing + a.missing });
    columns.push(out);
  });
  return { schema, columns };
}
