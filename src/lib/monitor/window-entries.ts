/**
 * Cutting a deployment's prediction log into monitoring windows with stable indices.
 */
import { InvalidArgumentError } from '../contracts/errors';
import type { MonitorWindow } from '../contracts/monitoring';

/** The fields of a log entry that windowing reads. */
export interface Timed {
  id: string;
  at: number;
}

/** One window: its stable index, its span of log time (ms) and its entries (time order). */
export interface LogWindow<T extends Timed> {
  index: number;
  /** Count windows: the first entry's time; time windows: the window's start. */
  from: number;
  /** Count windows: the last entry's time; time windows: the window's end (exclusive). */
  to: number;
  entries: T[];
  /** Whether no later entry can still join this window (see {@link windowEntries}). */
  complete: boolean;
}

/**
 * Log order: by time, then by id (the order `listPredictions` uses), so equal times are stable.
 * @param a an entry
 * @param b an entry
 * @returns negative, zero or positive
 * @example
 * [{ id: 'b', at: 1 }, { id: 'a', at: 1 }].sort(compareLogOrder) // a, b
 */
export function compareLogOrder(a: Timed, b: Timed): number {
  return a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Checks a window setting.
 * @param window the setting
 * @returns the same setting
 * @throws {InvalidArgumentError} when the size is not a whole number ≥ 1 or the span not > 0 ms
 * @example
 * checkWindow({ kind: 'count', size: 0 }) // throws: window.size 0 must be a whole number ≥ 1
 */
export function checkWindow(window: MonitorWindow): MonitorWindow {
  if (window.kind === 'count') {
    if (!Number.isInteger(window.size) || window.size < 1) {
      throw new InvalidArgumentError('window.size', window.size, 'must be a whole number ≥ 1');
    }
  } else if (window.kind === 'time') {
    if (!(Number.isFinite(window.ms) && window.ms > 0)) {
      throw new InvalidArgumentError('window.ms', window.ms, 'must be a number of ms > 0');
    }
  } else {
    throw new InvalidArgumentError(
      'window.kind',
      (window as { kind: unknown }).kind,
      "must be 'count' or 'time'",
    );
  }
  return window;
}

/**
 * Cuts log entries into windows.
 * - `count`: after sorting by {@link compareLogOrder}, window k holds entries k·size … (k+1)·size−1;
 *   it is complete when it holds `size` entries. Indices stay stable as long as new entries are
 *   logged later than the ones already there (the log's normal case).
 * - `time`: window k holds entries with k·ms ≤ at < (k+1)·ms (aligned on the epoch, so an index
 *   never moves); it is complete once `now` has passed its end or a later entry exists.
 * Empty time windows are not returned.
 * @param entries log entries in any order
 * @param window the window setting
 * @param now the current time (ms), for the completeness of time windows
 * @returns the windows, in index order
 * @throws {InvalidArgumentError} for a bad window setting or an entry without a finite time
 * @example
 * windowEntries([{ id: 'a', at: 5 }, { id: 'b', at: 7 }, { id: 'c', at: 9 }], { kind: 'count', size: 2 }, 10)
 * // [{ index: 0, from: 5, to: 7, complete: true, ... }, { index: 1, from: 9, to: 9, complete: false, ... }]
 */
export function windowEntries<T extends Timed>(
  entries: readonly T[],
  window: MonitorWindow,
  now: number,
): LogWindow<T>[] {
  checkWindow(window);
  for (const e of entries) {
    if (!Number.isFinite(e.at)) {
      throw new InvalidArgumentError(`entry ${e.id} at`, e.at, 'must be a finite time in ms');
    }
  }
  const sorted = [...entries].sort(compareLogOrder);
  const out: LogWindow<T>[] = [];
  if (window.kind === 'count') {
    for (let i = 0; i < sorted.length; i += window.size) {
      const part = sorted.slice(i, i + window.size);
      out.push({
        index: i / window.size,
        from: part[0]!.at,
        to: part[part.length - 1]!.at,
        entries: part,
        complete: part.length === window.size,
      });
    }
    return out;
  }
  const last = sorted[sorted.length - 1]?.at ?? -Infinity;
  let current: LogWindow<T> | null = null;
  for (const e of sorted) {
    const index = Math.floor(e.at / window.ms);
    if (!current || current.index !== index) {
      const from: number = index * window.ms;
      const to: number = from + window.ms;
      current = { index, from, to, entries: [], complete: now >= to || last >= to };
      out.push(current);
    }
    current.entries.push(e);
  }
  return out;
}

/**
 * The complete windows not reported yet: what an incremental monitor run computes.
 * @param windows windows from {@link windowEntries}
 * @param reported indices that already have a report
 * @returns the complete windows whose index is not in `reported`
 * @example
 * pendingWindows(windows, new Set([0, 1])).map((w) => w.index) // [2, 3]
 */
export function pendingWindows<T extends Timed>(
  windows: readonly LogWindow<T>[],
  reported: ReadonlySet<number>,
): LogWindow<T>[] {
  return windows.filter((w) => w.complete && !reported.has(w.index));
}
