/**
 * Dataset drift: the share of drifted columns, and drift when it reaches a configurable share
 * (0.5 by default, STATS.md / Evidently).
 */
import { InvalidArgumentError } from '../contracts/errors';
import {
  columnDrift,
  columnDriftWithProfile,
  type ColumnDriftOptions,
  type ColumnDriftResult,
} from './column-drift';
import type { ColumnKind, Sample, SampleProfile } from './profile';

/** A column given as raw samples. */
export interface DatasetDriftSampleColumn extends ColumnDriftOptions {
  name: string;
  kind: ColumnKind;
  ref: Sample;
  cur: Sample;
}

/** A column given as a cached reference profile plus the current sample. */
export interface DatasetDriftProfileColumn extends ColumnDriftOptions {
  name: string;
  profile: SampleProfile;
  cur: Sample;
}

/** One column of a dataset drift check. */
export type DatasetDriftColumn = DatasetDriftSampleColumn | DatasetDriftProfileColumn;

/** Options of a dataset drift check. */
export interface DatasetDriftOptions {
  /** Dataset drift when driftedShare >= this; default 0.5. */
  driftShare?: number;
}

/** Result of a dataset drift check. */
export interface DatasetDriftResult {
  driftedShare: number;
  drift: boolean;
  columns: Array<ColumnDriftResult & { name: string }>;
}

/** Default share of drifted columns that makes the dataset drift. */
export const DEFAULT_DRIFT_SHARE = 0.5;

/**
 * Runs the column drift check on every column and summarises.
 * @param columns the columns (raw samples, or a reference profile plus the current sample),
 *   each with an optional test and threshold
 * @param options the drift share (default 0.5)
 * @returns `{ driftedShare, drift, columns }`
 * @throws {InvalidArgumentError} when no column is given, the share is outside (0, 1], or a
 *   column is invalid (see `columnDrift`)
 * @example
 * datasetDrift([{ name: 'age', kind: 'numeric', ref: [1, 2, 3, 4, 5, 6, 7, 8], cur: [11, 12, 13, 14, 15, 16, 17, 18] }])
 * // { driftedShare: 1, drift: true, columns: [{ name: 'age', test: 'ks', value: 0.000155..., ... }] }
 */
export function datasetDrift(
  columns: readonly DatasetDriftColumn[],
  options: DatasetDriftOptions = {},
): DatasetDriftResult {
  if (columns.length === 0) {
    throw new InvalidArgumentError('columns', [], 'pass at least one column');
  }
  const share = options.driftShare ?? DEFAULT_DRIFT_SHARE;
  if (!(share > 0 && share <= 1)) {
    throw new InvalidArgumentError('options.driftShare', share, 'must be in (0, 1]');
  }
  const results = columns.map((c) => {
    const opts: ColumnDriftOptions = {};
    if (c.test !== undefined) opts.test = c.test;
    if (c.threshold !== undefined) opts.threshold = c.threshold;
    const r =
      'profile' in c
        ? columnDriftWithProfile(c.profile, c.cur, opts)
        : columnDrift(c.ref, c.cur, c.kind, opts);
    return { name: c.name, ...r };
  });
  const drifted = results.filter((r) => r.drift).length;
  const driftedShare = drifted / results.length;
  return { driftedShare, drift: driftedShare >= share, columns: results };
}
