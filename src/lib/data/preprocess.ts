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
import { fitNumeric, fitOneHot } from './preprocess-fit';
import {
  checkOptionColumns,
  resolveFeatureOptions,
  type PreprocessingOptions,
} from './preprocess-options';
import { transformEncoder, transformWidth } from './preprocess-values';

export {
  datePartsValues,
  oneHotSlot,
  scaleValue,
  standardizeValue,
  transformEncoder,
  transformWidth,
  type TransformEncoder,
} from './preprocess-values';
export type {
  FeaturePreprocessing,
  PreprocessingOptions,
  ResolvedFeatureOptions,
} from './preprocess-options';

/**
 * Fits the preprocessing of the features on the training rows only (issue 3 item 6).
 *
 * Without options (the defaults), exactly the original preprocessing:
 * - `number`, `integer`, `datetime` → `standardize`: mean and population standard deviation
 *   (ddof 0, like scikit-learn's StandardScaler) of the present train values; a std of 0 becomes
 *   1; missing values are filled with the train mean (so they standardise to 0); a column with no
 *   present train value gets mean 0, std 1.
 * - `boolean`, `category` → `one-hot` over the categories present in the train rows (dictionary
 *   order) plus one last "unseen or missing" slot.
 *
 * `options` (see {@link PreprocessingOptions}) choose, per feature or for all:
 * - numeric imputation `mean` | `median` (as `numpy.median`) | `most-frequent` (ties: smallest)
 *   | `constant` (`fillValue`, default 0), and scaling `standard` | `min-max` (train values to
 *   [0, 1]) | `none`; any choice but mean + standard gives a `scale` transform. Scaling
 *   statistics come from the present train values, not the filled ones;
 * - datetime `dateParts` (year, month, day, weekday Monday = 0, hour; UTC): a `date-parts`
 *   transform, each part filled and scaled like a numeric column of its own;
 * - categorical missing values: as unseen (default), a `bucket` slot of their own, or the
 *   `most-frequent` train category.
 *
 * Rows outside `trainRows` never influence the result.
 * @param schema the table schema
 * @param columns the encoded columns, in schema order
 * @param features feature names, in the order their outputs are concatenated
 * @param trainRows the training row indices
 * @param options optional imputation, scaling, date parts and missing-category choices
 * @returns the fitted spec (plain data, serialisable)
 * @throws TrainingConfigError when a feature is an `id` or `text` column;
 *   InvalidArgumentError when a feature is not in the schema, or for invalid options (naming the
 *   option and the column)
 * @example
 * fitPreprocessing(schema, columns, ['Island', 'Body Mass (g)'], split.train)
 * // { transforms: [{ kind: 'one-hot', column: 'Island', categories: ['Torgersen', 'Biscoe',
 * //   'Dream'], unseen: true }, { kind: 'standardize', column: 'Body Mass (g)', mean: 4200.1,
 * //   std: 801.9, fill: 4200.1 }], outputWidth: 5 }
 * fitPreprocessing(schema, columns, ['Body Mass (g)'], split.train,
 *   { defaults: { impute: 'median', scale: 'min-max' } }).transforms[0]
 * // { kind: 'scale', column: 'Body Mass (g)', method: 'min-max', impute: 'median',
 * //   center: 2700, scale: 3600, fill: 4050 }
 */
export function fitPreprocessing(
  schema: readonly ColumnSchema[],
  columns: readonly Column[],
  features: readonly string[],
  trainRows: ArrayLike<number>,
  options: PreprocessingOptions = {},
): PreprocessingSpec {
  checkOptionColumns(options, features);
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
    const resolved = resolveFeatureOptions(options, name, s.type);
    return column instanceof Float64Array
      ? fitNumeric(name, column, trainRows, resolved)
      : fitOneHot(name, s, column, trainRows, resolved);
  });
  const outputWidth = transforms.reduce((w, t) => w + transformWidth(t), 0);
  return { transforms, outputWidth };
}

/**
 * Applies a fitted spec to rows of the encoded table, through the same per-value encoders as
 * {@link encodeInputRow} ({@link transformEncoder}).
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
    const encoder = transformEncoder(t);
    if (encoder.input === 'number') {
      if (!(column instanceof Float64Array)) throw wrongEncoding(t.column, 'numeric');
      for (let k = 0; k < rows.length; k++) {
        encoder.write(column[rows[k]!]!, out, k * width + offset);
      }
    } else {
      if (!(column instanceof Int32Array)) throw wrongEncoding(t.column, 'categorical');
      const dictionary = schema[j]!.dictionary ?? [];
      for (let k = 0; k < rows.length; k++) {
        const code = column[rows[k]!]!;
        // Code -1 (missing) and a code outside the dictionary both mean missing.
        encoder.write(code >= 0 ? (dictionary[code] ?? null) : null, out, k * width + offset);
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
 * per-value encoders as training ({@link transformEncoder}, used by {@link transformRows}), so a
 * table row and the same row typed into the form give the same vector, for every transform kind.
 *
 * - a field absent from `row` is an error; `null`, `''` or a missing marker (`NA`, ...) means
 *   missing and is filled as in training (with a warning saying with what);
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
    const raw = row[field.name] ?? null;
    const encoder = transformEncoder(t);
    if (encoder.input === 'number') {
      const x = numericValue(field, raw);
      if (Number.isNaN(x)) {
        warnings.push({ field: field.name, message: missingMessage(t) });
      } else if (
        (field.min !== undefined && x < field.min) ||
        (field.max !== undefined && x > field.max)
      ) {
        warnings.push({
          field: field.name,
          message: `${x} is outside the training range [${field.min}, ${field.max}]`,
        });
      }
      encoder.write(x, vector, offset);
    } else {
      const key = categoryKey(field, raw);
      if (key === null) {
        warnings.push({ field: field.name, message: missingMessage(t) });
      } else if (t.kind === 'one-hot' && !t.categories.includes(key)) {
        warnings.push({
          field: field.name,
          message: `${JSON.stringify(key)} was not seen in training; treated as an unseen category`,
        });
      }
      encoder.write(key, vector, offset);
    }
    offset += transformWidth(t);
  }
  for (const name of Object.keys(row)) {
    if (!used.has(name)) warnings.push({ field: name, message: 'not used by this model; ignored' });
  }
  return { vector, warnings };
}

/** The warning for a missing input, saying what was used instead. */
function missingMessage(t: FittedTransform): string {
  switch (t.kind) {
    case 'standardize':
      return 'missing; the training mean was used';
    case 'scale':
    case 'date-parts': {
      const what =
        t.impute === 'constant' ? 'the constant' : `the training ${t.impute.replace('-', ' ')}`;
      const value = t.kind === 'scale' ? ` (${t.fill})` : ' of each date part';
      return `missing; ${what}${value} was used`;
    }
    case 'one-hot':
      if (t.missing === 'bucket') return 'missing; encoded as missing';
      if (t.missing === 'most-frequent' && t.fill !== undefined) {
        return `missing; the most frequent training category ${JSON.stringify(t.fill)} was used`;
      }
      return 'missing; treated as an unseen category';
  }
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
