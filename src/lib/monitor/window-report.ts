/**
 * One window's full report: drift of every monitored column and of the predictions against the
 * cached reference, dataset drift, performance from labels, and serving health rates.
 */
import type { PredictionLogEntry, Task } from '../contracts/entities';
import type { Monitor, MonitorWindowReport } from '../contracts/monitoring';
import { PREDICTION_COLUMN } from '../contracts/monitoring';
import { extractColumns, type ColumnValues, type MonitoredColumn } from './monitored-columns';
import type { ReferenceProfile } from './reference-profile';
import { windowDrift } from './window-drift';
import { windowPerformance, type LabelledEntry } from './window-performance';
import { windowRates, type WindowRates } from './window-rates';

/** Inputs of {@link logWindowReport}. */
export interface LogWindowInput {
  id: string;
  monitor: Pick<Monitor, 'id' | 'columns' | 'driftShare'>;
  reference: ReferenceProfile;
  task: Task;
  /** Class labels of a model version, in probability order. */
  labelsOf: (modelVersionId: string) => readonly string[];
  window: { index: number; from: number; to: number };
  entries: readonly PredictionLogEntry[];
  /** Rejected requests in the window's span. */
  rejected: number;
  now: number;
}

/**
 * The report of a window of the prediction log. The bootstrap is seeded by the window index, so
 * recomputing a window gives the same intervals.
 * @param input the window, its entries, the reference and the monitor's settings
 * @returns the report (its `durationMs` is left 0 for the caller to fill)
 * @throws {InvalidArgumentError} for a bad drift share or a test that does not apply to a column
 * @example
 * logWindowReport({ id, monitor, reference, task: 'binary', labelsOf, window, entries, rejected: 0, now }).driftShare // 0.6
 */
export function logWindowReport(input: LogWindowInput): MonitorWindowReport {
  const { reference, entries } = input;
  return columnsWindowReport({
    ...input,
    window: { ...input.window, n: entries.length },
    current: extractColumns(entries, monitoredColumns(reference)),
    labelled: entries,
    rates: windowRates(entries, input.rejected),
  });
}

/** Inputs of {@link columnsWindowReport}. */
export interface ColumnsWindowInput {
  id: string;
  monitor: Pick<Monitor, 'id' | 'columns' | 'driftShare'>;
  reference: ReferenceProfile;
  task: Task;
  /** Class labels of a model version, in probability order. */
  labelsOf: (modelVersionId: string) => readonly string[];
  window: { index: number; from: number; to: number; n: number };
  /**
   * The window's values of every column of the reference (by name) and of the predictions (by
   * {@link PREDICTION_COLUMN}), as {@link extractColumns} gives them for log entries.
   */
  current: ReadonlyMap<string, ColumnValues>;
  /** The window's entries with a true label (others are ignored) for the performance. */
  labelled: readonly LabelledEntry[];
  rates: WindowRates;
  /** Rejected requests in the window's span. */
  rejected: number;
  now: number;
}

/**
 * The report of a window given as column values (e.g. a stored dataset version checked as one
 * batch, read column by column instead of as log entries): the same drift, performance and
 * rates as {@link logWindowReport}, which is this function over the entries' columns.
 * @param input the window's column values, labelled entries and rates, the reference and the
 *   monitor's settings
 * @returns the report (`source: 'log'` and `durationMs` 0 for the caller to adjust)
 * @throws {InvalidArgumentError} for a bad drift share or a test that does not apply to a column
 * @example
 * columnsWindowReport({ id, monitor, reference, task: 'regression', labelsOf, window: { index: -1, from: now, to: now, n: 1e6 },
 *   current: new Map([['x0', x0], ['(prediction)', predicted]]), labelled: [], rates: windowRates([], 0), rejected: 0, now }).driftShare // 0.2
 */
export function columnsWindowReport(input: ColumnsWindowInput): MonitorWindowReport {
  const { reference } = input;
  const drift = windowDrift(
    reference,
    input.current,
    input.monitor.columns,
    input.monitor.driftShare,
  );
  return {
    id: input.id,
    monitorId: input.monitor.id,
    createdAt: input.now,
    source: 'log',
    modelVersionId: reference.modelVersionId,
    window: input.window,
    columns: drift.columns,
    prediction: drift.prediction,
    driftShare: drift.driftShare,
    datasetDrift: drift.datasetDrift,
    performance: windowPerformance(input.labelled, input.task, input.labelsOf, {
      seed: 1 + Math.abs(input.window.index),
    }),
    ...input.rates,
    rejected: input.rejected,
    durationMs: 0,
  };
}

/** The reference's columns and, when it has them, the predictions. */
function monitoredColumns(reference: ReferenceProfile): MonitoredColumn[] {
  const columns: MonitoredColumn[] = reference.columns.map(({ name, kind }) => ({ name, kind }));
  if (reference.prediction)
    columns.push({ name: PREDICTION_COLUMN, kind: reference.prediction.kind });
  return columns;
}

/**
 * The modal answering version of entries: the version whose training data is the window's
 * reference (a window answered mostly by the primary uses the primary's).
 * @param entries the window's entries
 * @returns the version id, or null for no entry
 * @example
 * servingVersion([{ modelVersionId: 'a' }, { modelVersionId: 'b' }, { modelVersionId: 'a' }]) // 'a'
 */
export function servingVersion(
  entries: readonly Pick<PredictionLogEntry, 'modelVersionId' | 'responder'>[],
): string | null {
  const counts = new Map<string, number>();
  for (const e of entries) {
    // Fallback answers are the exception; the reference follows the primary when it answered.
    const w = e.responder === 'primary' ? 2 : 1;
    counts.set(e.modelVersionId, (counts.get(e.modelVersionId) ?? 0) + w);
  }
  let best: string | null = null;
  let most = -1;
  for (const [id, c] of counts) {
    if (c > most) {
      best = id;
      most = c;
    }
  }
  return best;
}
