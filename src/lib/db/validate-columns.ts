/**
 * Checks that columns about to be stored agree with their schema, before anything is hashed or
 * written (RELIABILITY.md promise 3: the error names the column at fault).
 */
import type { ColumnSchema } from '../contracts/entities';
import { DataError } from '../contracts/errors';
import type { ColumnValues } from './chunk-codec';

/**
 * Validates a schema and its columns.
 * @param schema one entry per column
 * @param columns one typed array per schema entry
 * @returns the row count (the length shared by every column)
 * @throws {DataError} naming the column when: there are no columns, counts differ, a name
 *   repeats, the array type does not match the encoding (`f64` → Float64Array, `dict` →
 *   Int32Array), lengths differ, or a `dict` code is outside `-1 … dictionary.length - 1`
 * @example
 * validateColumns([{ name: 'x', type: 'number', encoding: 'f64', missing: 0 }], [new Float64Array(3)]) // 3
 */
export function validateColumns(
  schema: readonly ColumnSchema[],
  columns: readonly ColumnValues[],
): number {
  if (schema.length === 0) throw new DataError('a dataset version needs at least one column');
  if (columns.length !== schema.length) {
    throw new DataError(
      `${columns.length} column arrays were given for a schema of ${schema.length} columns`,
    );
  }
  const rowCount = columns[0]?.length ?? 0;
  const seen = new Set<string>();
  schema.forEach((col, i) => {
    const values = columns[i];
    const where = { column: col.name };
    if (seen.has(col.name)) throw new DataError(`column "${col.name}" appears twice`, where);
    seen.add(col.name);
    if (col.encoding === 'f64') {
      if (!(values instanceof Float64Array)) {
        throw new DataError(
          `column "${col.name}" is f64 but its values are not a Float64Array`,
          where,
        );
      }
    } else if (col.encoding === 'dict') {
      if (!(values instanceof Int32Array)) {
        throw new DataError(
          `column "${col.name}" is dict but its values are not an Int32Array`,
          where,
        );
      }
      checkCodes(col, values);
    } else {
      throw new DataError(
        `column "${col.name}" has unknown encoding "${String(col.encoding)}"`,
        where,
      );
    }
    if (values.length !== rowCount) {
      throw new DataError(
        `column "${col.name}" has ${values.length} rows but the first column has ${rowCount}`,
        where,
      );
    }
  });
  return rowCount;
}

function checkCodes(col: ColumnSchema, codes: Int32Array): void {
  const size = col.dictionary?.length ?? 0;
  for (let r = 0; r < codes.length; r++) {
    const code = codes[r] ?? -1;
    if (code < -1 || code >= size) {
      throw new DataError(
        `row ${r + 1}, column "${col.name}": code ${code} is outside its dictionary of ${size} values`,
        { column: col.name, row: r + 1, value: code },
      );
    }
  }
}
