import type { ColumnEncoding, ColumnSchema, ColumnType } from '../contracts/entities';
import { DataError, formatValue } from '../contracts/errors';
import { inferColumnType } from './infer-type';
import type { ParsedTable } from './parse-delimited';
import { isMissing, parseBoolean, parseDatetime, parseInteger, parseNumber } from './parse-value';

/** A stored column: Float64Array (NaN = missing) or Int32Array of dictionary codes (-1 = missing). */
export type Column = Float64Array | Int32Array;

/** Columns of a table with their schema, in header order. */
export interface ColumnTable {
  schema: ColumnSchema[];
  columns: Column[];
}

/**
 * The encoding each type is stored with (entities.ts `ColumnEncoding`).
 * @param type a column type
 * @returns `f64` for number/integer/datetime, `dict` otherwise
 * @throws never
 * @example
 * encodingOf('datetime') // 'f64'
 */
export function encodingOf(type: ColumnType): ColumnEncoding {
  return type === 'number' || type === 'integer' || type === 'datetime' ? 'f64' : 'dict';
}

const NUMERIC_PARSERS: Partial<Record<ColumnType, (t: string) => number | null | 'invalid'>> = {
  number: parseNumber,
  integer: parseInteger,
  datetime: parseDatetime,
};

const EXPECTED: Partial<Record<ColumnType, string>> = {
  number: 'a number',
  integer: 'an integer',
  datetime: 'an ISO 8601 date (YYYY-MM-DD[THH:MM[:SS]][Z])',
  boolean: 'true/false/yes/no',
};

/**
 * Types and encodes parsed string columns.
 *
 * `number`/`integer`/`datetime` become Float64Array (datetime as ms since epoch, NaN = missing);
 * `boolean`/`category`/`text`/`id` become Int32Array codes into the schema's `dictionary`
 * (first-seen order, -1 = missing). Values are trimmed before typing and before going into a
 * dictionary; booleans are stored as the words `true`/`false`. Missing markers are those of
 * {@link isMissing}.
 * @param parsed the output of {@link parseDelimited}
 * @param types optional type per column (same order as `parsed.header`); `undefined` entries
 *   are inferred with {@link inferColumnType}
 * @returns the schema and the encoded columns
 * @throws DataError when a user-chosen type does not fit a value, naming file, line, column and
 *   value (inferred types always fit)
 * @example
 * const t = buildColumns(parseDelimited('n,c\n1,a\n,b\n3,a\n4,a\n', { fileName: 'f.csv' }));
 * t.schema  // [{ name: 'n', type: 'integer', encoding: 'f64', missing: 1 },
 * //            { name: 'c', type: 'category', encoding: 'dict', dictionary: ['a', 'b'], missing: 0 }]
 * t.columns // [Float64Array [1, NaN, 3, 4], Int32Array [0, 1, 0, 0]]
 */
export function buildColumns(
  parsed: ParsedTable,
  types?: readonly (ColumnType | undefined)[],
): ColumnTable {
  const schema: ColumnSchema[] = [];
  const columns: Column[] = [];
  parsed.header.forEach((name, j) => {
    const values = parsed.columns[j]!;
    const type = types?.[j] ?? inferColumnType(values);
    const fail = (i: number, value: string): DataError =>
      new DataError(
        `${parsed.fileName}, line ${parsed.lines[i]}, column \`${name}\`: ${formatValue(
          value,
        )} is not ${EXPECTED[type] ?? type}; fix the value, leave the cell empty to mark it ` +
          `missing, or choose another type for the column`,
        { file: parsed.fileName, line: parsed.lines[i]!, row: i + 1, column: name, value },
      );
    const numeric = NUMERIC_PARSERS[type];
    if (numeric) {
      const { column, missing } = encodeNumeric(values, numeric, fail);
      schema.push({ name, type, encoding: 'f64', missing });
      columns.push(column);
    } else {
      const { codes, dictionary, missing } = encodeDictionary(values, type, fail);
      schema.push({ name, type, encoding: 'dict', dictionary, missing });
      columns.push(codes);
    }
  });
  return { schema, columns };
}

function encodeNumeric(
  values: readonly string[],
  parse: (t: string) => number | null | 'invalid',
  fail: (i: number, value: string) => DataError,
): { column: Float64Array; missing: number } {
  const column = new Float64Array(values.length);
  let missing = 0;
  values.forEach((v, i) => {
    const x = parse(v);
    if (x === 'invalid') throw fail(i, v);
    if (x === null) missing++;
    column[i] = x ?? NaN;
  });
  return { column, missing };
}

/**
 * The dictionary key of a cell of a `dict` column. Shared with serving, so a form value maps to
 * the same category as the training data.
 * @param type the column type (a `dict` type)
 * @param text the raw cell
 * @returns null when the cell is missing ({@link isMissing}); `undefined` when a boolean column
 *   gets a non-boolean; else the trimmed text (booleans as the words `true`/`false`)
 * @throws never
 * @example
 * dictionaryKey('boolean', 'Yes')      // 'true'
 * dictionaryKey('boolean', 'maybe')    // undefined
 * dictionaryKey('category', ' Dream ') // 'Dream'
 * dictionaryKey('category', 'NA')      // null
 */
export function dictionaryKey(type: ColumnType, text: string): string | null | undefined {
  if (type === 'boolean') {
    const b = parseBoolean(text);
    if (b === 'invalid') return undefined;
    return b === null ? null : String(b);
  }
  return isMissing(text) ? null : text.trim();
}

function encodeDictionary(
  values: readonly string[],
  type: ColumnType,
  fail: (i: number, value: string) => DataError,
): { codes: Int32Array; dictionary: string[]; missing: number } {
  const codes = new Int32Array(values.length);
  const index = new Map<string, number>();
  const dictionary: string[] = [];
  let missing = 0;
  values.forEach((v, i) => {
    const key = dictionaryKey(type, v);
    if (key === undefined) throw fail(i, v);
    if (key === null) {
      missing++;
      codes[i] = -1;
      return;
    }
    let code = index.get(key);
    if (code === undefined) {
      code = dictionary.length;
      index.set(key, code);
      dictionary.push(key);
    }
    codes[i] = code;
  });
  return { codes, dictionary, missing };
}
