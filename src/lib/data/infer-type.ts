import type { ColumnType } from '../contracts/entities';
import { isMissing, parseBoolean, parseDatetime, parseNumber } from './parse-value';

export { parseNumber } from './parse-value';

/** Most distinct values a column may have to be a category (also at most half its values). */
export const CATEGORY_MAX_DISTINCT = 50;
/** A category's distinct count is at most this share of its non-missing values. */
export const CATEGORY_MAX_SHARE = 0.5;
/** A text column is id-like when at least this share of its values are distinct. */
export const ID_MIN_UNIQUE_SHARE = 0.95;
/** An integer column of distinct consecutive values needs this many rows to count as row ids. */
export const ID_MIN_ROWS = 20;
/** A column is "nearly numeric" (worth a warning) when this share of values parse as numbers. */
const NEARLY_NUMERIC_SHARE = 0.9;

/** What {@link inferColumn} found out about a column. */
export interface ColumnInference {
  type: ColumnType;
  /** Count of missing cells ({@link isMissing}). */
  missing: number;
  /** Count of distinct non-missing values (after trimming). */
  distinct: number;
  /** Why this type was chosen, in one sentence. */
  reason: string;
  /**
   * Set when at least 90% of the non-missing values are numbers but some are not (e.g.
   * `Infinity`, `1,5`): the column is typed by the other rules, and these are the first few
   * offending values (0-based row index and text) so the user can fix them.
   */
  nearlyNumeric?: { invalid: number; examples: { row: number; value: string }[] };
}

/**
 * Infers a column's type from its raw text values. Rules, in order (table in TYPING.md):
 *
 * 1. no non-missing value → `text` (unusable as a feature);
 * 2. every value a boolean (`true/false/yes/no`, any case) → `boolean`;
 * 3. every value a finite decimal number ({@link parseNumber}):
 *    - if all are digit strings of one width ≥ 2 and some start with `0` (zip codes, ids like
 *      `007`), the column is not numeric and falls through to rule 5;
 *    - all safe integers → `integer`, except that distinct consecutive integers (max − min + 1 =
 *      count) with nothing missing and at least 20 rows are row numbers → `id`;
 *    - otherwise `number`;
 * 4. every value an ISO 8601 date/date-time → `datetime`;
 * 5. distinct values ≤ 50 and ≤ 50% of non-missing values → `category`;
 * 6. nothing missing, ≥ 95% of values distinct and no value contains whitespace → `id`;
 * 7. otherwise `text`.
 *
 * Missing cells (`''`, `NA`, `N/A`, `null`, `NaN`, `.`, any case, trimmed) are ignored by rules
 * 2–5. A value that is not a finite number (`Infinity`, `1e309`, `0x10`, `1,5`) makes the column
 * non-numeric; `nearlyNumeric` then lists it so the mistake is reported, never turned into NaN.
 * @param values the raw cells of one column
 * @returns the type, counts, a reason and any near-numeric offenders
 * @throws never
 * @example
 * inferColumn(['1', '2', 'NA']).type  // 'integer'
 * inferColumn(['01', '02', '10']).type // 'category' (leading zeros: codes, not quantities)
 */
export function inferColumn(values: readonly string[]): ColumnInference {
  const present: string[] = [];
  const rows: number[] = [];
  values.forEach((v, i) => {
    if (!isMissing(v)) {
      present.push(v.trim());
      rows.push(i);
    }
  });
  const missing = values.length - present.length;
  const distinct = new Set(present).size;
  const n = present.length;
  const done = (type: ColumnType, reason: string): ColumnInference => ({
    type,
    missing,
    distinct,
    reason,
  });
  if (n === 0) return done('text', 'every value is missing');
  if (present.every((v) => parseBoolean(v) !== 'invalid')) {
    return done('boolean', 'every value is true/false/yes/no');
  }

  const numbers: number[] = [];
  const invalid: { row: number; value: string }[] = [];
  present.forEach((v, k) => {
    const x = parseNumber(v);
    if (typeof x === 'number') numbers.push(x);
    else invalid.push({ row: rows[k]!, value: v });
  });
  if (invalid.length === 0) {
    if (isZeroPaddedCode(present)) {
      return byDistinct(done, missing, n, distinct, present, 'zero-padded digit codes');
    }
    if (numbers.every((x) => Number.isSafeInteger(x))) {
      if (missing === 0 && n >= ID_MIN_ROWS && distinct === n && isConsecutive(numbers)) {
        return done('id', 'distinct consecutive integers (row numbers)');
      }
      return done('integer', 'every value is an integer');
    }
    return done('number', 'every value is a number');
  }
  if (present.every((v) => parseDatetime(v) !== 'invalid')) {
    return done('datetime', 'every value is an ISO 8601 date');
  }
  const result = byDistinct(done, missing, n, distinct, present, 'non-numeric values');
  if (numbers.length >= NEARLY_NUMERIC_SHARE * n) {
    result.nearlyNumeric = { invalid: invalid.length, examples: invalid.slice(0, 5) };
  }
  return result;
}

/**
 * Infers a column's type; see {@link inferColumn} for the rules.
 * @param values the raw cells of one column
 * @returns the inferred {@link ColumnType}
 * @throws never
 * @example
 * inferColumnType(['Adelie', 'Gentoo', 'Adelie', 'Gentoo']) // 'category'
 * inferColumnType(['1.5', '', '2'])                        // 'number'
 * inferColumnType(['1', 'Infinity', '2'])                  // 'category' (not silently NaN)
 */
export function inferColumnType(values: readonly string[]): ColumnType {
  return inferColumn(values).type;
}

function byDistinct(
  done: (type: ColumnType, reason: string) => ColumnInference,
  missing: number,
  n: number,
  distinct: number,
  present: readonly string[],
  what: string,
): ColumnInference {
  if (distinct <= CATEGORY_MAX_DISTINCT && distinct <= CATEGORY_MAX_SHARE * n) {
    return done('category', `${what} with ${distinct} distinct value(s)`);
  }
  if (missing === 0 && distinct >= ID_MIN_UNIQUE_SHARE * n && !present.some((v) => /\s/.test(v))) {
    return done('id', `${what}, (almost) all distinct, no spaces`);
  }
  return done('text', `${what} with ${distinct} distinct value(s)`);
}

function isZeroPaddedCode(present: readonly string[]): boolean {
  const width = present[0]!.length;
  if (width < 2) return false;
  let leadingZero = false;
  for (const v of present) {
    if (v.length !== width || !/^\d+$/.test(v)) return false;
    if (v.charCodeAt(0) === 48) leadingZero = true;
  }
  return leadingZero;
}

function isConsecutive(xs: readonly number[]): boolean {
  let min = Infinity;
  let max = -Infinity;
  for (const x of xs) {
    if (x < min) min = x;
    if (x > max) max = x;
  }
  return max - min + 1 === xs.length;
}
