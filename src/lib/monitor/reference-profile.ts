/**
 * The reference of a monitor: profiles (sorted values / category counts) of a model version's
 * training data, built once and reused for every window (PERFORMANCE.md D1: only `cur` is
 * sorted per window).
 */
import { InvalidArgumentError } from '../contracts/errors';
import { buildReferenceProfile, type SampleProfile } from '../stats/profile';
import type { ColumnValues, MonitoredColumn } from './monitored-columns';

/** A monitored column with its reference profile (null: no usable reference value). */
export interface ReferenceColumn extends MonitoredColumn {
  profile: SampleProfile | null;
}

/** The cached reference of one model version. */
export interface ReferenceProfile {
  modelVersionId: string;
  /** Reference rows (the training split of the version's run). */
  rows: number;
  columns: ReferenceColumn[];
  /** The predictions of the model on its own training rows; null when not scored. */
  prediction: ReferenceColumn | null;
}

/**
 * Profiles reference columns.
 * @param modelVersionId the model version the reference belongs to
 * @param columns the monitored columns
 * @param values column name → reference values (every column must be present, equal lengths)
 * @param prediction the prediction column and its reference values, if any
 * @returns the reference profile; a column with no usable value gets `profile: null`
 * @throws {InvalidArgumentError} when a column's values are missing or lengths differ
 * @example
 * buildMonitorReference('v1', [{ name: 'x', kind: 'numeric' }], new Map([['x', Float64Array.of(3, 1)]]))
 * // { modelVersionId: 'v1', rows: 2, columns: [{ name: 'x', kind: 'numeric', profile: { sorted: [1, 3], ... } }], prediction: null }
 */
export function buildMonitorReference(
  modelVersionId: string,
  columns: readonly MonitoredColumn[],
  values: ReadonlyMap<string, ColumnValues>,
  prediction?: { column: MonitoredColumn; values: ColumnValues },
): ReferenceProfile {
  let rows = -1;
  const profileOf = (c: MonitoredColumn, v: ColumnValues | undefined): ReferenceColumn => {
    if (!v) throw new InvalidArgumentError('values', c.name, 'has no reference values');
    if (rows >= 0 && v.length !== rows) {
      throw new InvalidArgumentError(`values of ${c.name}`, v.length, `must have ${rows} rows`);
    }
    rows = v.length;
    return { ...c, profile: tryProfile(v, c) };
  };
  const cols = columns.map((c) => profileOf(c, values.get(c.name)));
  const pred = prediction ? profileOf(prediction.column, prediction.values) : null;
  return { modelVersionId, rows: Math.max(rows, 0), columns: cols, prediction: pred };
}

function tryProfile(v: ColumnValues, c: MonitoredColumn): SampleProfile | null {
  try {
    return buildReferenceProfile(v as ArrayLike<number>, c.kind);
  } catch (e) {
    // An all-missing reference column has nothing to compare against: reported as skipped.
    if (e instanceof InvalidArgumentError) return null;
    throw e;
  }
}
