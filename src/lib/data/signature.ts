import type { ColumnSchema, InputSignature, SignatureField, Task } from '../contracts/entities';
import { InvalidArgumentError } from '../contracts/errors';
import type { Column } from './columns';

/**
 * Describes a model's inputs and output for serving (the form, input validation, the API).
 *
 * Each feature becomes a field with its column type; categorical fields (`dict` columns) list
 * the categories present in the train rows, in dictionary order (as {@link fitPreprocessing}
 * does); numeric fields (`number`, `integer`, `datetime` in ms) carry the min and max over the
 * present train values. Test and validation rows are not looked at.
 * @param schema the table schema
 * @param columns the encoded columns, in schema order
 * @param features feature names, in model input order
 * @param target the target column name
 * @param task the learning task
 * @param labels class labels (classification), in model output order
 * @param trainRows the training row indices
 * @returns the input signature
 * @throws InvalidArgumentError when a feature or the target is not in the schema
 * @example
 * buildSignature(schema, columns, ['Island', 'Body Mass (g)'], 'Species', 'multiclass',
 *   ['Adelie', 'Chinstrap', 'Gentoo'], split.train)
 * // { inputs: [{ name: 'Island', type: 'category', categories: ['Torgersen', 'Biscoe', 'Dream'] },
 * //            { name: 'Body Mass (g)', type: 'integer', min: 2700, max: 6300 }],
 * //   target: { name: 'Species', task: 'multiclass', labels: ['Adelie', 'Chinstrap', 'Gentoo'] } }
 */
export function buildSignature(
  schema: readonly ColumnSchema[],
  columns: readonly Column[],
  features: readonly string[],
  target: string,
  task: Task,
  labels: readonly string[] | undefined,
  trainRows: ArrayLike<number>,
): InputSignature {
  if (!schema.some((c) => c.name === target)) {
    throw new InvalidArgumentError('target', target, 'is not a column of the table');
  }
  const inputs = features.map((name): SignatureField => {
    const j = schema.findIndex((c) => c.name === name);
    if (j < 0) throw new InvalidArgumentError('feature', name, 'is not a column of the table');
    const s = schema[j]!;
    const column = columns[j]!;
    if (column instanceof Int32Array) {
      const seen = new Uint8Array(s.dictionary?.length ?? 0);
      for (let k = 0; k < trainRows.length; k++) {
        const code = column[trainRows[k]!]!;
        if (code >= 0) seen[code] = 1;
      }
      return { name, type: s.type, categories: (s.dictionary ?? []).filter((_, c) => seen[c]) };
    }
    let min = Infinity;
    let max = -Infinity;
    for (let k = 0; k < trainRows.length; k++) {
      const x = column[trainRows[k]!]!;
      if (x < min) min = x;
      if (x > max) max = x;
    }
    const field: SignatureField = { name, type: s.type };
    // NaN compares false, so missing values never set min/max; no present value → no range.
    if (min <= max) {
      field.min = min;
      field.max = max;
    }
    return field;
  });
  const out: InputSignature = { inputs, target: { name: target, task } };
  if (labels && task !== 'regression') out.target.labels = [...labels];
  return out;
}
