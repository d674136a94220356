/**
 * Which columns a monitor watches and of which kind: the model's input signature fields, plus
 * the predictions (the predicted label of a classifier, the value of a regressor).
 */
import type { ColumnType, InputSignature, PredictionLogEntry } from '../contracts/entities';
import { PREDICTION_COLUMN } from '../contracts/monitoring';
import type { ColumnKind } from '../stats/profile';

/** A monitored column. */
export interface MonitoredColumn {
  name: string;
  kind: ColumnKind;
}

/** Column types read as numbers (datetimes as ms); every other type is categorical. */
const NUMERIC_TYPES: ReadonlySet<ColumnType> = new Set(['number', 'integer', 'datetime']);

/**
 * The drift kind of a column type (STATS.md: numeric = finite numbers; categorical = the rest).
 * @param type the column type
 * @returns 'numeric' or 'categorical'
 * @example
 * columnKindOf('integer') // 'numeric'
 */
export function columnKindOf(type: ColumnType): ColumnKind {
  return NUMERIC_TYPES.has(type) ? 'numeric' : 'categorical';
}

/**
 * The columns of a model's signature, in signature order.
 * @param signature the model version's input signature
 * @returns one column per input field
 * @example
 * featureColumns(signature) // [{ name: 'age', kind: 'numeric' }, { name: 'island', kind: 'categorical' }]
 */
export function featureColumns(signature: InputSignature): MonitoredColumn[] {
  return signature.inputs.map((f) => ({ name: f.name, kind: columnKindOf(f.type) }));
}

/**
 * The prediction column of a model: categorical labels for classifiers, numeric values for
 * regressors.
 * @param signature the model version's input signature
 * @returns the column, named {@link PREDICTION_COLUMN}
 * @example
 * predictionColumn(regressorSignature) // { name: '(prediction)', kind: 'numeric' }
 */
export function predictionColumn(signature: InputSignature): MonitoredColumn {
  return {
    name: PREDICTION_COLUMN,
    kind: signature.target.task === 'regression' ? 'numeric' : 'categorical',
  };
}

/** Values of one column, ready for a drift test (missing: NaN or null). */
export type ColumnValues = Float64Array | (string | null)[];

/**
 * Reads one raw value as the column kind wants it: numbers (numeric strings parsed, datetimes
 * as ms, anything else NaN) or text (null for missing).
 * @param v the raw value
 * @param kind the column kind
 * @returns a number or a string/null
 * @example
 * [cellOf('3.5', 'numeric'), cellOf(true, 'categorical'), cellOf('', 'categorical')] // [3.5, 'true', null]
 */
export function cellOf(v: unknown, kind: ColumnKind): number | string | null {
  if (kind === 'numeric') {
    if (typeof v === 'number') return v;
    if (typeof v === 'string' && v.trim() !== '') {
      const n = Number(v);
      if (Number.isFinite(n)) return n;
      const t = Date.parse(v);
      return Number.isFinite(t) ? t : NaN;
    }
    return NaN;
  }
  if (v === null || v === undefined || v === '') return null;
  return String(v);
}

/**
 * Extracts monitored columns from log entries: inputs by field name, predictions from the
 * logged output.
 * @param entries the window's log entries
 * @param columns the columns to read (the prediction column by {@link PREDICTION_COLUMN})
 * @returns column name → values in entry order
 * @example
 * extractColumns(entries, [{ name: 'age', kind: 'numeric' }]).age // Float64Array [31, NaN, 54]
 */
export function extractColumns(
  entries: readonly Pick<PredictionLogEntry, 'inputs' | 'output'>[],
  columns: readonly MonitoredColumn[],
): Map<string, ColumnValues> {
  const out = new Map<string, ColumnValues>();
  for (const c of columns) {
    const read = (e: Pick<PredictionLogEntry, 'inputs' | 'output'>): unknown =>
      c.name === PREDICTION_COLUMN
        ? c.kind === 'numeric'
          ? e.output.value
          : e.output.label
        : Object.hasOwn(e.inputs, c.name)
          ? e.inputs[c.name]
          : null;
    if (c.kind === 'numeric') {
      const values = new Float64Array(entries.length);
      entries.forEach((e, i) => (values[i] = cellOf(read(e), 'numeric') as number));
      out.set(c.name, values);
    } else {
      out.set(
        c.name,
        entries.map((e) => cellOf(read(e), 'categorical') as string | null),
      );
    }
  }
  return out;
}
