/**
 * Row-level validation of one serving input before it reaches a model, with the same value rules
 * as import and as {@link encodeInputRow} (src/lib/data/parse-value.ts, TYPING.md), so a value
 * that imports cleanly also serves cleanly.
 *
 * | case                                                       | result  |
 * |------------------------------------------------------------|---------|
 * | a signature field absent from the row (no own key)         | error   |
 * | numeric/datetime text that does not parse, a non-finite number, a boolean for a number | error |
 * | a boolean field that is not true/false/yes/no              | error   |
 * | a value outside a suite's `values-between`                  | error   |
 * | a value not in a suite's `values-in-set`                    | error   |
 * | a field a suite's `column-exists` needs, absent             | error   |
 * | empty / missing marker (`''`, `NA`, null)                   | warning (filled as in training) |
 * | a number outside the training range of the signature        | warning |
 * | a category not seen in training                             | warning (encoded as unseen) |
 * | a field the model does not use                              | warning (ignored) |
 *
 * Missing values never break `values-between` / `values-in-set` (as in `runSuite`). Batch-level
 * expectations (`row-count-between`, `values-unique`, `missing-share-at-most`, `column-type`)
 * do not apply to one row and are skipped. Keys are read with `Object.hasOwn` and collected in
 * Sets, so fields named `__proto__` or `constructor` are ordinary fields.
 */
import type {
  Expectation,
  ExpectationSuite,
  InputSignature,
  SignatureField,
} from '../contracts/entities';
import type { InputRow } from '../contracts/compute';
import { dictionaryKey, encodingOf } from '../data/columns';
import { parseDatetime, parseNumber } from '../data/parse-value';
import { formatNumber as displayNumber } from '../validate/display-value';

/** One problem with one field of a serving input. */
export interface ServingIssue {
  field: string;
  /** The raw value as given (undefined when the field is absent). */
  value: unknown;
  message: string;
}

/** Result of {@link validateServingInput}. */
export interface ServingValidation {
  /** No errors (warnings allowed). */
  ok: boolean;
  errors: ServingIssue[];
  warnings: ServingIssue[];
}

/** A parsed present value: a number (ms for datetimes) or a dictionary key. */
type Parsed = { kind: 'number'; x: number; datetime: boolean } | { kind: 'key'; key: string };

/**
 * Validates one input row against a model's signature and, optionally, the row-level
 * expectations of a suite (see the table in the module doc).
 * @param signature the model's input signature
 * @param row field name → text, number, boolean or null
 * @param suite an expectation suite whose row-level expectations apply
 * @returns `ok` (no errors), the errors and the warnings, each naming the field and the value
 * @throws never (a row that is not an object is one error)
 * @example
 * validateServingInput(signature, { Island: 'Atlantis', 'Body Mass (g)': 'abc' })
 * // { ok: false,
 * //   errors: [{ field: 'Body Mass (g)', value: 'abc', message: '"abc" is not a number' }],
 * //   warnings: [{ field: 'Island', value: 'Atlantis',
 * //                message: '"Atlantis" was not seen in training; treated as an unseen category' }] }
 */
export function validateServingInput(
  signature: InputSignature,
  row: InputRow,
  suite?: ExpectationSuite,
): ServingValidation {
  const errors: ServingIssue[] = [];
  const warnings: ServingIssue[] = [];
  if (typeof row !== 'object' || row === null || Array.isArray(row)) {
    errors.push({ field: '', value: row, message: 'the input must be an object of field → value' });
    return { ok: false, errors, warnings };
  }
  const parsed = new Map<string, Parsed>();
  const fields = new Set<string>();
  for (const field of signature.inputs) {
    fields.add(field.name);
    if (!Object.hasOwn(row, field.name)) {
      errors.push({
        field: field.name,
        value: undefined,
        message:
          'is missing from the input; give a value (or leave it empty to use the training default)',
      });
      continue;
    }
    const value = checkField(field, row[field.name], errors, warnings);
    if (value) parsed.set(field.name, value);
  }
  for (const name of Object.keys(row)) {
    if (!fields.has(name)) {
      warnings.push({
        field: name,
        value: row[name],
        message: 'is not used by this model; ignored',
      });
    }
  }
  if (suite) checkSuite(suite, row, fields, parsed, errors);
  return { ok: errors.length === 0, errors, warnings };
}

function quote(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

const MISSING_MESSAGE = 'is empty; the training default will be used';

/** Parses one signature field's value, recording errors and warnings. */
function checkField(
  field: SignatureField,
  raw: InputRow[string] | undefined,
  errors: ServingIssue[],
  warnings: ServingIssue[],
): Parsed | null {
  const name = field.name;
  const issue = (message: string): ServingIssue => ({ field: name, value: raw, message });
  if (raw === null || raw === undefined) {
    warnings.push(issue(MISSING_MESSAGE));
    return null;
  }
  if (typeof raw === 'number' && !Number.isFinite(raw)) {
    errors.push(issue(`${quote(raw)} is not a finite number`));
    return null;
  }
  if (encodingOf(field.type) === 'f64') {
    const datetime = field.type === 'datetime';
    if (typeof raw === 'boolean') {
      errors.push(issue(`${raw} is not ${datetime ? 'a date' : 'a number'}`));
      return null;
    }
    const x =
      typeof raw === 'number' ? raw : datetime ? parseDatetime(String(raw)) : parseNumber(raw);
    if (x === 'invalid') {
      errors.push(
        issue(
          `${quote(raw)} is ${datetime ? 'not an ISO 8601 date (YYYY-MM-DD)' : 'not a number'}`,
        ),
      );
      return null;
    }
    if (x === null) {
      warnings.push(issue(MISSING_MESSAGE));
      return null;
    }
    if ((field.min !== undefined && x < field.min) || (field.max !== undefined && x > field.max)) {
      const range = `[${displayNumber(datetime, field.min ?? -Infinity)}, ${displayNumber(datetime, field.max ?? Infinity)}]`;
      warnings.push(issue(`${displayNumber(datetime, x)} is outside the training range ${range}`));
    }
    return { kind: 'number', x, datetime };
  }
  const key = dictionaryKey(field.type, String(raw));
  if (key === undefined) {
    errors.push(issue(`${quote(raw)} is not true/false/yes/no`));
    return null;
  }
  if (key === null) {
    warnings.push(issue(MISSING_MESSAGE));
    return null;
  }
  if (field.categories && !field.categories.includes(key)) {
    warnings.push(
      issue(`${JSON.stringify(key)} was not seen in training; treated as an unseen category`),
    );
  }
  return { kind: 'key', key };
}

/** A field outside the signature, read leniently: numbers stay numbers, text is a key. */
function parseLoose(raw: InputRow[string] | undefined): Parsed | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number')
    return Number.isFinite(raw) ? { kind: 'number', x: raw, datetime: false } : null;
  const key = dictionaryKey(typeof raw === 'boolean' ? 'boolean' : 'category', String(raw));
  return key === null || key === undefined ? null : { kind: 'key', key };
}

/** The number a value stands for, as `runSuite` reads dictionary values; null if none. */
function asNumber(v: Parsed): { x: number; datetime: boolean } | null {
  if (v.kind === 'number') return v;
  const n = parseNumber(v.key);
  if (typeof n === 'number') return { x: n, datetime: false };
  const d = parseDatetime(v.key);
  return typeof d === 'number' ? { x: d, datetime: true } : null;
}

/** What a row-level check sees: the value of a column (null when absent or missing). */
interface RowContext {
  /** The parsed value of a column, null when absent, missing or already an error. */
  valueOf(column: string): Parsed | null;
  /** Whether the row has the column or the signature already reported it absent. */
  covered(column: string): boolean;
  raw(column: string): unknown;
}

/** A row-level check of one expectation kind: the error message, or null when it holds. */
type RowCheck<K extends Expectation['kind']> = (
  e: Extract<Expectation, { kind: K }>,
  row: RowContext,
) => string | null;

/**
 * The expectations that apply to a single row, one check per kind (a lookup table rather than a
 * switch). Kinds not listed (`row-count-between`, `values-unique`, `missing-share-at-most`,
 * `column-type`) are batch-level and skipped.
 * @example
 * Object.keys(ROW_CHECKS) // ['column-exists', 'values-between', 'values-in-set']
 */
export const ROW_CHECKS: { [K in Expectation['kind']]?: RowCheck<K> } = {
  'column-exists': (e, row) => (row.covered(e.column) ? null : 'is required'),
  'values-between': (e, row) => {
    const v = row.valueOf(e.column);
    if (!v) return null;
    const n = asNumber(v);
    const datetime = n?.datetime ?? (v.kind === 'number' && v.datetime);
    const range = `[${displayNumber(datetime, e.min)}, ${displayNumber(datetime, e.max)}]`;
    if (!n) return `${quote(row.raw(e.column))} is not a number, so it cannot be in ${range}`;
    if (n.x < e.min || n.x > e.max) {
      return `${displayNumber(n.datetime, n.x)} is outside the allowed range ${range}`;
    }
    return null;
  },
  'values-in-set': (e, row) => {
    const v = row.valueOf(e.column);
    if (!v) return null;
    const text = v.kind === 'key' ? v.key : displayNumber(v.datetime, v.x);
    if (e.values.includes(text)) return null;
    const shown = e.values
      .slice(0, 5)
      .map((s) => JSON.stringify(s))
      .join(', ');
    const more = e.values.length > 5 ? `, … (${e.values.length} in all)` : '';
    return `${JSON.stringify(text)} is not one of the allowed values ${shown}${more}`;
  },
};

function checkSuite(
  suite: ExpectationSuite,
  row: InputRow,
  fields: ReadonlySet<string>,
  parsed: ReadonlyMap<string, Parsed>,
  errors: ServingIssue[],
): void {
  const context: RowContext = {
    valueOf: (column) => {
      if (!Object.hasOwn(row, column)) return null;
      return fields.has(column) ? (parsed.get(column) ?? null) : parseLoose(row[column]);
    },
    // A signature field that is absent was already reported; do not report it twice.
    covered: (column) => Object.hasOwn(row, column) || fields.has(column),
    raw: (column) => (Object.hasOwn(row, column) ? row[column] : undefined),
  };
  for (const e of suite.expectations) {
    const check = ROW_CHECKS[e.kind] as RowCheck<typeof e.kind> | undefined;
    const message = check?.(e, context);
    if (!message) continue;
    const column = (e as Extract<Expectation, { column: string }>).column;
    errors.push({
      field: column,
      value: context.raw(column),
      message: `${message} (expectation suite ${suite.id})`,
    });
  }
}
