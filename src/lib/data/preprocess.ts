import type {
  ColumnSchema,
  FittedTransform,
  InputSignature,
  PreprocessingSpec,
  SignatureField,
} from '../contracts/entities';
import { DataError, InvalidArgumentError, TrainingConfigError } from '../contracts/errors';
import type { InputRow } from '../contracts/compute';
import { dictionaryKey, type Column } from './columns';
import { parseDatetime, parseNumber } from './parse-value';

/**
 * Fits the preprocessing of the features on the training rows only.
 *
 * - `number`, `integer`, `datetime` → `standardize`: mean and population standard deviation
 *   (ddof 0, like scikit-learn's StandardScaler) of the present train values; a std of 0 becomes
 *   1; missing values are filled with the train mean (so they standardise to 0); a column with no
 *   present train value gets mean 0, std 1.
 * - `boolean`, `category` → `one-hot` over the categories present in the train rows (dictionary
 *   order) plus one last "unseen or missing" slot.
 * Rows outside `trainRows` never influence the result.
 * @param schema the table schema
 * @param columns the encoded columns, in schema order
 * @param features feature names, in the order their outputs are concatenated
 * @param trainRows the training row indices
 * @returns the fitted spec (plain data, serialisable)
 * @throws TrainingConfigError when a feature is an `id` or `text` column;
 *   InvalidArgumentError when a feature is not in the schema
 * @example
 * fitPreprocessing(schema, columns, ['Island', 'Body Mass (g)'], split.train)
 * // { transforms: [{ kind: 'one-hot', column: 'Island', categories: ['Torgersen', 'Biscoe',
 * //   'Dream'], unseen: true }, { kind: 'standardize', column: 'Body Mass (g)', mean: 4200.1,
 * //   std: 801.9, fill: 4200.1 }], outputWidth: 5 }
 */
export function fitPreprocessing(
  schema: readonly ColumnSchema[],
  columns: readonly Column[],
  features: readonly string[],
  trainRows: ArrayLike<number>,
): PreprocessingSpec {
  const transforms = features.map((name): FittedTransform => {
    const j = schemaIndex(schema, name);
    const s = schema[j]!;
    const column = columns[j]!;
    if (s.type === 'id' || s.type === 'text') {
      throw new TrainingConfigError(
        `feature \`${name}\` is a ${s.type} column and cannot be used as a model input; ` +
          `remove it or change its type to category`,
      );
    }
    if (column instanceof Float64Array) {
      const { mean, std } = meanStd(column, trainRows);
      return { kind: 'standardize', column: name, mean, std, fill: mean };
    }
    const seen = new Uint8Array(s.dictionary?.length ?? 0);
    for (let k = 0; k < trainRows.length; k++) {
      const code = column[trainRows[k]!]!;
      if (code >= 0) seen[code] = 1;
    }
    const categories = (s.dictionary ?? []).filter((_, c) => seen[c] === 1);
    return { kind: 'one-hot', column: name, categories, unseen: true };
  });
  const outputWidth = transforms.reduce((w, t) => w + transformWidth(t), 0);
  return { transforms, outputWidth };
}

/**
 * Number of outputs a transform writes.
 * @param t a fitted transform
 * @returns 1 for standardize; categories (+1 for the unseen slot) for one-hot
 * @throws never
 * @example
 * transformWidth({ kind: 'one-hot', column: 'c', categories: ['a', 'b'], unseen: true }) // 3
 */
export function transformWidth(t: FittedTransform): number {
  return t.kind === 'standardize' ? 1 : t.categories.length + (t.unseen ? 1 : 0);
}

/**
 * Standardises one value: `(x - mean) / std`, with NaN (missing) replaced by `fill` first.
 * Used by both {@link transformRows} and {@link encodeInputRow}.
 * @param t a standardize transform
 * @param x the raw value, NaN when missing
 * @returns the standardised value
 * @throws never
 * @example
 * standardizeValue({ kind: 'standardize', column: 'x', mean: 2, std: 4, fill: 2 }, 10) // 2
 */
export function standardizeValue(
  t: Extract<FittedTransform, { kind: 'standardize' }>,
  x: number,
): number {
  return ((Number.isNaN(x) ? t.fill : x) - t.mean) / t.std;
}

/**
 * The one-hot slot of a category. Used by both {@link transformRows} and {@link encodeInputRow}.
 * @param t a one-hot transform
 * @param key the category (a dictionary key), or null when missing
 * @returns the slot index, or -1 when the value is unseen/missing and `t.unseen` is false
 * @throws never
 * @example
 * const t: Extract<FittedTransform, { kind: 'one-hot' }> = { kind: 'one-hot', column: 'c', categories: ['a', 'b'], unseen: true };
 * oneHotSlot(t, 'b') // 1
 * oneHotSlot(t, 'z') // 2 (the unseen/missing slot)
 */
export function oneHotSlot(
  t: Extract<FittedTransform, { kind: 'one-hot' }>,
  key: string | null,
): number {
  const k = key === null ? -1 : t.categories.indexOf(key);
  if (k >= 0) return k;
  return t.unseen ? t.categories.length : -1;
}

/**
 * Applies a fitted spec to rows of the encoded table.
 * @param spec the fitted preprocessing
 * @param schema the table schema
 * @param columns the encoded columns, in schema order
 * @param rows row indices to transform, in output order
 * @returns a row-major Float32Array of `rows.length × spec.outputWidth`
 * @throws InvalidArgumentError when a transform's column is not in the schema or has the wrong
 *   encoding
 * @example
 * transformRows(spec, schema, columns, split.test) // Float32Array(test.length * spec.outputWidth)
 */
export function transformRows(
  spec: PreprocessingSpec,
  schema: readonly ColumnSchema[],
  columns: readonly Column[],
  rows: ArrayLike<number>,
): Float32Array {
  const width = spec.outputWidth;
  const out = new Float32Array(rows.length * width);
  let offset = 0;
  for (const t of spec.transforms) {
    const j = schemaIndex(schema, t.column);
    const column = columns[j]!;
    if (t.kind === 'standardize') {
      if (!(column instanceof Float64Array)) throw wrongEncoding(t.column, 'numeric');
      for (let k = 0; k < rows.length; k++) {
        out[k * width + offset] = standardizeValue(t, column[rows[k]!]!);
      }
    } else {
      if (!(column instanceof Int32Array)) throw wrongEncoding(t.column, 'categorical');
      // Resolve each dictionary code to its slot once; code -1 (missing) is the last entry.
      const dictionary = schema[j]!.dictionary ?? [];
      const slots = dictionary.map((key) => oneHotSlot(t, key));
      const missingSlot = oneHotSlot(t, null);
      for (let k = 0; k < rows.length; k++) {
        const code = column[rows[k]!]!;
        const slot = code >= 0 ? (slots[code] ?? missingSlot) : missingSlot;
        if (slot >= 0) out[k * width + offset + slot] = 1;
      }
    }
    offset += transformWidth(t);
  }
  return out;
}

/** A problem with a serving input that did not stop the prediction. */
export interface InputWarning {
  field: string;
  message: string;
}

/**
 * Encodes one serving input (e.g. a form) into the model's feature vector, with the same value
 * rules as import ({@link parseNumber}, {@link parseDatetime}, {@link dictionaryKey}) and the same
 * transform functions as training ({@link standardizeValue}, {@link oneHotSlot}), so a table row
 * and the same row typed into the form give the same vector.
 *
 * - a field absent from `row` is an error; `null`, `''` or a missing marker (`NA`, ...) means
 *   missing and is filled as in training (with a warning);
 * - numeric fields accept finite numbers or numeric text; datetime fields ISO text or ms;
 * - a category not seen in training goes to the unseen slot, with a warning;
 * - values outside the training range and fields the model does not use give warnings.
 * @param spec the fitted preprocessing
 * @param signature the model's input signature (field types, categories, ranges)
 * @param row the input: field name → text, number, boolean or null
 * @returns the Float32Array vector of length `spec.outputWidth` and the warnings
 * @throws DataError naming the field and value when a field is absent, numeric text does not
 *   parse, a number is not finite, or a boolean field gets a non-boolean;
 *   InvalidArgumentError when the spec names a field the signature lacks
 * @example
 * encodeInputRow(spec, signature, { Island: 'Dream', 'Body Mass (g)': '4200' })
 * // { vector: Float32Array [0, 0, 1, 0, -0.0001], warnings: [] }
 */
export function encodeInputRow(
  spec: PreprocessingSpec,
  signature: InputSignature,
  row: InputRow,
): { vector: Float32Array; warnings: InputWarning[] } {
  const vector = new Float32Array(spec.outputWidth);
  const warnings: InputWarning[] = [];
  const used = new Set<string>();
  let offset = 0;
  for (const t of spec.transforms) {
    const field = signature.inputs.find((f) => f.name === t.column);
    if (!field) {
      throw new InvalidArgumentError('signature', t.column, 'the model input has no such field');
    }
    used.add(field.name);
    // Object.hasOwn: a field named `constructor` or `__proto__` must not read the prototype.
    if (!Object.hasOwn(row, field.name)) {
      throw new DataError(
        `field \`${field.name}\` is missing from the input; give a value (or leave it empty to ` +
          `use the training default)`,
        { column: field.name, value: undefined },
      );
    }
    const raw = row[field.name];
    if (t.kind === 'standardize') {
      const x = numericValue(field, raw ?? null);
      if (Number.isNaN(x)) {
        warnings.push({ field: field.name, message: 'missing; the training mean was used' });
      } else if (
        (field.min !== undefined && x < field.min) ||
        (field.max !== undefined && x > field.max)
      ) {
        warnings.push({
          field: field.name,
          message: `${x} is outside the training range [${field.min}, ${field.max}]`,
        });
      }
      vector[offset] = standardizeValue(t, x);
    } else {
      const key = categoryKey(field, raw ?? null);
      const slot = oneHotSlot(t, key);
      if (key === null) {
        warnings.push({ field: field.name, message: 'missing; treated as an unseen category' });
      } else if (!t.categories.includes(key)) {
        warnings.push({
          field: field.name,
          message: `${JSON.stringify(key)} was not seen in training; treated as an unseen category`,
        });
      }
      if (slot >= 0) vector[offset + slot] = 1;
    }
    offset += transformWidth(t);
  }
  for (const name of Object.keys(row)) {
    if (!used.has(name)) warnings.push({ field: name, message: 'not used by this model; ignored' });
  }
  return { vector, warnings };
}

function numericValue(field: SignatureField, raw: string | number | boolean | null): number {
  if (raw === null) return NaN;
  if (typeof raw === 'number') {
    if (Number.isFinite(raw)) return raw;
    throw badValue(field, raw, 'is not a finite number');
  }
  if (typeof raw === 'boolean') throw badValue(field, raw, 'is not a number');
  const x = field.type === 'datetime' ? parseDatetime(raw) : parseNumber(raw);
  if (x === 'invalid') {
    throw badValue(
      field,
      raw,
      field.type === 'datetime' ? 'is not an ISO 8601 date (YYYY-MM-DD)' : 'is not a number',
    );
  }
  return x ?? NaN;
}

function categoryKey(field: SignatureField, raw: string | number | boolean | null): string | null {
  if (raw === null) return null;
  if (typeof raw === 'number' && !Number.isFinite(raw)) {
    throw badValue(field, raw, 'is not a finite number');
  }
  const key = dictionaryKey(field.type, String(raw));
  if (key === undefined) throw badValue(field, raw, 'is not true/false/yes/no');
  return key;
}

function badValue(field: SignatureField, value: unknown, what: string): DataError {
  const shown = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return new DataError(`field \`${field.name}\`: ${shown} ${what}; correct the value`, {
    column: field.name,
    value,
  });
}

function schemaIndex(schema: readonly ColumnSchema[], name: string): number {
  const j = schema.findIndex((c) => c.name === name);
  if (j < 0) throw new InvalidArgumentError('feature', name, 'is not a column of the table');
  return j;
}

function wrongEncoding(name: string, expected: string): InvalidArgumentError {
  return new InvalidArgumentError('column', name, `expected a ${expected} column`);
}

function meanStd(column: Float64Array, rows: ArrayLike<number>): { mean: number; std: number } {
  let n = 0;
  let sum = 0;
  for (let k = 0; k < rows.length; k++) {
    const x = column[rows[k]!]!;
    if (!Number.isNaN(x)) {
      n++;
      sum += x;
    }
  }
  if (n === 0) return { mean: 0, std: 1 };
  const mean = sum / n;
  let ss = 0;
  for (let k = 0; k < rows.length; k++) {
    const x = column[rows[k]!]!;
    if (!Number.isNaN(x)) ss += (x - mean) * (x - mean);
  }
  const std = Math.sqrt(ss / n);
  // A constant (or numerically constant) column would divide by ~0; leave it centred instead.
  return { mean, std: std > 0 && Number.isFinite(std) ? std : 1 };
}
