/**
 * The descriptor every validation check declares (STYLE.md "Registries instead of switch
 * statements"): one check per file, listed once in `check-registry.ts`.
 */
import type { ColumnProfile, ColumnSchema, ColumnType, Finding, Task } from '../contracts/entities';
import type { Column } from '../data/columns';

/** Most sample rows a finding carries (entities.ts `Finding.sampleRows`). */
export const MAX_SAMPLE_ROWS = 20;

/** What a check sees: the whole version, its profile and (optionally) the target. */
export interface CheckContext {
  schema: readonly ColumnSchema[];
  columns: readonly Column[];
  /** One profile per column, in schema order. */
  profiles: readonly ColumnProfile[];
  rowCount: number;
  /** Index of the target column, when a target was given. */
  target?: number;
  /** The target's task, when a target was given and it can be predicted. */
  task?: Task;
}

/** Context of a column check: the version plus the column it runs on. */
export interface ColumnCheckContext extends CheckContext {
  /** Index of the column under check. */
  column: number;
}

/** A check that runs once per column of the listed types. */
export interface ColumnCheckDescriptor {
  id: string;
  title: string;
  appliesTo: { columnTypes: readonly ColumnType[] };
  run(ctx: ColumnCheckContext): Finding[];
}

/** A check that runs once per version (`dataset`) or once when a target is given (`target`). */
export interface TableCheckDescriptor {
  id: string;
  title: string;
  appliesTo: 'dataset' | 'target';
  run(ctx: CheckContext): Finding[];
}

/** Any registered check. */
export type CheckDescriptor = ColumnCheckDescriptor | TableCheckDescriptor;

/** Every column type, for checks that apply to all columns. */
export const ALL_COLUMN_TYPES: readonly ColumnType[] = [
  'number',
  'integer',
  'boolean',
  'category',
  'datetime',
  'text',
  'id',
];

/**
 * Rows where a predicate holds: how many, and the first {@link MAX_SAMPLE_ROWS} of them.
 * @param n number of rows
 * @param test predicate on a 0-based row index
 * @returns `{ count, sampleRows }`
 * @throws never
 * @example
 * matchingRows(5, (i) => i % 2 === 0) // { count: 3, sampleRows: [0, 2, 4] }
 */
export function matchingRows(
  n: number,
  test: (row: number) => boolean,
): { count: number; sampleRows: number[] } {
  const sampleRows: number[] = [];
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (test(i)) {
      if (count < MAX_SAMPLE_ROWS) sampleRows.push(i);
      count++;
    }
  }
  return { count, sampleRows };
}

/**
 * The first {@link MAX_SAMPLE_ROWS} rows where a predicate holds, stopping there (for samples
 * whose count is known from elsewhere).
 * @param n number of rows
 * @param test predicate on a 0-based row index
 * @returns up to 20 row indices, ascending
 * @throws never
 * @example
 * firstRows(100, (i) => i % 10 === 0).length // 10
 */
export function firstRows(n: number, test: (row: number) => boolean): number[] {
  const rows: number[] = [];
  for (let i = 0; i < n && rows.length < MAX_SAMPLE_ROWS; i++) if (test(i)) rows.push(i);
  return rows;
}

/**
 * A share as a short percentage for titles: one significant decimal below 10%.
 * @param share a number in [0, 1]
 * @returns e.g. `12%`, `0.3%`, `<0.1%`
 * @throws never
 * @example
 * percent(0.1234) // '12%'
 */
export function percent(share: number): string {
  const p = share * 100;
  if (p > 0 && p < 0.1) return '<0.1%';
  if (p < 10 && p !== Math.round(p)) return `${p.toFixed(1)}%`;
  return `${Math.round(p)}%`;
}

/**
 * Whether row `i` of a column is missing (NaN or code −1).
 * @param column a stored column
 * @param i a row index
 * @returns true when missing
 * @throws never
 * @example
 * isMissingAt(new Int32Array([0, -1]), 1) // true
 */
export function isMissingAt(column: Column, i: number): boolean {
  const v = column[i]!;
  return column instanceof Int32Array ? v < 0 : v !== v;
}
