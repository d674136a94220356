/**
 * What the results table and the trials plot show: trials sorted by a column, and the
 * optimisation history (each complete trial's value and the best so far).
 */
import type { Direction, Trial } from '../contracts/hpo';

/** A column of the results table: the trial number, the value, the state or a parameter. */
export type TrialSortKey = 'number' | 'value' | 'state' | { param: string };

function cellOf(t: Trial, key: TrialSortKey): number | string | boolean | undefined {
  if (key === 'number') return t.number;
  if (key === 'value') return t.value;
  if (key === 'state') return t.state;
  return t.params[key.param];
}

function compareCells(a: ReturnType<typeof cellOf>, b: ReturnType<typeof cellOf>): number {
  const rank = (x: ReturnType<typeof cellOf>): number =>
    x === undefined || (typeof x === 'number' && Number.isNaN(x))
      ? 3
      : typeof x === 'number'
        ? 0
        : typeof x === 'boolean'
          ? 1
          : 2;
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 3) return 0;
  if (typeof a === 'number' && typeof b === 'number') return a === b ? 0 : a < b ? -1 : 1;
  return String(a).localeCompare(String(b), 'en', { numeric: true });
}

/**
 * Sorts trials by a column. Missing values (no value yet, NaN) go last in either order; ties keep
 * trial-number order. Numbers sort before booleans before strings, as mixed categorical choices
 * can be.
 * @param trials the trials
 * @param key the column
 * @param order `'asc'` (default) or `'desc'`
 * @returns a new, sorted array
 * @example
 * sortTrials(study.trials(), 'value').map((t) => t.value) // [0.12, 0.2, 0.31, undefined]
 */
export function sortTrials(
  trials: readonly Trial[],
  key: TrialSortKey,
  order: 'asc' | 'desc' = 'asc',
): Trial[] {
  const sign = order === 'asc' ? 1 : -1;
  return [...trials].sort((x, y) => {
    const a = cellOf(x, key);
    const b = cellOf(y, key);
    const missing = (v: typeof a) => v === undefined || (typeof v === 'number' && Number.isNaN(v));
    if (missing(a) || missing(b))
      return (missing(a) ? 1 : 0) - (missing(b) ? 1 : 0) || x.number - y.number;
    return sign * compareCells(a, b) || x.number - y.number;
  });
}

/** One point of the optimisation-history plot. */
export interface HistoryPoint {
  number: number;
  value: number;
  /** The best complete value up to and including this trial. */
  best: number;
}

/**
 * The optimisation history (Optuna's `plot_optimization_history`): complete trials in number
 * order with their value and the best value so far.
 * @param trials the trials
 * @param direction the objective's direction
 * @returns one point per complete trial
 * @example
 * optimizationHistory(trials, 'minimize') // [{ number: 0, value: 0.5, best: 0.5 }, { number: 2, value: 0.7, best: 0.5 }]
 */
export function optimizationHistory(
  trials: readonly Trial[],
  direction: Direction,
): HistoryPoint[] {
  const out: HistoryPoint[] = [];
  let best = direction === 'minimize' ? Infinity : -Infinity;
  for (const t of [...trials].sort((a, b) => a.number - b.number)) {
    if (t.state !== 'complete' || t.value === undefined) continue;
    best = direction === 'minimize' ? Math.min(best, t.value) : Math.max(best, t.value);
    out.push({ number: t.number, value: t.value, best });
  }
  return out;
}
