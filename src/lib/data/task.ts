import type { ColumnSchema, Task } from '../contracts/entities';
import { TrainingConfigError } from '../contracts/errors';
import type { Column } from './columns';
import { countDistinct } from './count-distinct';

/** Integer targets with at most this many distinct values are classes, not quantities. */
export const INTEGER_CLASS_MAX_DISTINCT = 10;

/**
 * Picks the learning task for a target column.
 *
 * - `boolean`, `category`: 2 distinct values → `binary`, more → `multiclass`;
 * - `integer`: ≤ 2 distinct → `binary`, ≤ 10 → `multiclass` (codes like 0–9), else `regression`;
 * - `number` → `regression`;
 * - `datetime`, `text`, `id` cannot be targets.
 * @param schemaOfTarget the target's schema entry
 * @param distinctCount distinct non-missing values of the target (see {@link countDistinct})
 * @returns the task
 * @throws TrainingConfigError for a datetime, text or id target
 * @example
 * inferTask({ name: 'Species', type: 'category', encoding: 'dict', missing: 0 }, 3) // 'multiclass'
 * inferTask({ name: 'mass', type: 'integer', encoding: 'f64', missing: 2 }, 94)    // 'regression'
 */
export function inferTask(schemaOfTarget: ColumnSchema, distinctCount: number): Task {
  const { name, type } = schemaOfTarget;
  switch (type) {
    case 'boolean':
    case 'category':
      return distinctCount <= 2 ? 'binary' : 'multiclass';
    case 'integer':
      if (distinctCount <= 2) return 'binary';
      return distinctCount <= INTEGER_CLASS_MAX_DISTINCT ? 'multiclass' : 'regression';
    case 'number':
      return 'regression';
    default:
      throw new TrainingConfigError(
        `target \`${name}\` is a ${type} column and cannot be predicted; choose a category, ` +
          `boolean or numeric column as the target`,
      );
  }
}

/** Input of {@link validateTrainingSetup}. */
export interface TrainingSetupInput {
  schema: readonly ColumnSchema[];
  /** The chosen target column name, or nothing yet. */
  target: string | null | undefined;
  /** Chosen feature names; empty or omitted means every column but the target. */
  features?: readonly string[];
  /** The target's encoded column. */
  targetColumn: Column;
  /** All columns in schema order; when given, constant numeric features are left out too. */
  columns?: readonly Column[];
}

/** A checked training request: what to learn, from what, on which rows. */
export interface TrainingSetup {
  task: Task;
  /** Class names for classification, sorted (numerically for integer targets). */
  labels?: string[];
  /** Usable features, in the order asked for (or schema order). */
  features: string[];
  /** Features left out, each with a reason to show the user. */
  excluded: { name: string; reason: string }[];
  /** Row indices whose target is present, ascending. Split these, not all rows. */
  rows: Int32Array;
  /** Rows left out because the target is missing there. */
  droppedRows: number;
  /** Target per row: class index into `labels` (-1 missing), or the value (NaN missing). */
  y: Int32Array | Float64Array;
}

/**
 * Checks a training request and derives the task, the class labels, the usable features and the
 * rows to train on (rows with a missing target are dropped and counted).
 *
 * Features that are `id` or `text`, constant, or missing everywhere are left out with a reason.
 * @param input schema, target name, optional features, the target column, optionally all columns
 * @returns the task, labels, features, kept rows, dropped-row count and the encoded target
 * @throws TrainingConfigError with a plain message when no target is chosen, the target is not a
 *   column, is missing everywhere, has a single class/value or an unusable type, a feature is not
 *   a column, or no usable feature remains
 * @example
 * validateTrainingSetup({ schema, target: 'Species', targetColumn: columns[0] })
 * // { task: 'multiclass', labels: ['Adelie', 'Chinstrap', 'Gentoo'], features: [...5 names],
 * //   rows: Int32Array(344), droppedRows: 0, ... }
 */
export function validateTrainingSetup(input: TrainingSetupInput): TrainingSetup {
  const { schema, target, targetColumn } = input;
  if (target === null || target === undefined || target === '') {
    throw new TrainingConfigError('choose a target: the column the model should learn to predict');
  }
  const t = schema.findIndex((c) => c.name === target);
  if (t < 0) {
    throw new TrainingConfigError(
      `target \`${target}\` is not a column of this dataset; choose one of ${schema
        .map((c) => `\`${c.name}\``)
        .join(', ')}`,
    );
  }
  const targetSchema = schema[t]!;
  const rowList: number[] = [];
  for (let i = 0; i < targetColumn.length; i++) {
    const v = targetColumn[i]!;
    if (targetColumn instanceof Int32Array ? v >= 0 : !Number.isNaN(v)) rowList.push(i);
  }
  if (rowList.length === 0) {
    throw new TrainingConfigError(
      `target \`${target}\` is missing in every row; choose another target`,
    );
  }
  const distinct = countDistinct(targetColumn);
  const task = inferTask(targetSchema, distinct);
  if (distinct < 2) {
    const only = describeValue(targetSchema, targetColumn, rowList[0]!);
    throw new TrainingConfigError(
      `target \`${target}\` has a single value (${only}) in every row where it is present; a ` +
        `model needs at least two different values to learn from. Choose another target or add ` +
        `rows with other values`,
    );
  }
  const { features, excluded } = pickFeatures(input, t);
  const rows = Int32Array.from(rowList);
  const setup: TrainingSetup = {
    task,
    features,
    excluded,
    rows,
    droppedRows: targetColumn.length - rows.length,
    y: targetColumn,
  };
  if (task !== 'regression') {
    const { labels, y } = encodeLabels(targetSchema, targetColumn);
    setup.labels = labels;
    setup.y = y;
  }
  return setup;
}

function describeValue(s: ColumnSchema, column: Column, row: number): string {
  const v = column[row]!;
  return JSON.stringify(s.encoding === 'dict' ? (s.dictionary?.[v] ?? String(v)) : v);
}

function pickFeatures(
  input: TrainingSetupInput,
  t: number,
): { features: string[]; excluded: { name: string; reason: string }[] } {
  const { schema, columns } = input;
  const asked = input.features && input.features.length > 0 ? input.features : null;
  const indices = asked
    ? asked.map((name) => {
        const j = schema.findIndex((c) => c.name === name);
        if (j < 0) {
          throw new TrainingConfigError(
            `feature \`${name}\` is not a column of this dataset; remove it from the features`,
          );
        }
        return j;
      })
    : schema.map((_, j) => j);
  const features: string[] = [];
  const excluded: { name: string; reason: string }[] = [];
  for (const j of indices) {
    if (j === t) {
      if (asked) excluded.push({ name: schema[j]!.name, reason: 'it is the target' });
      continue;
    }
    const reason = unusableReason(schema[j]!, columns?.[j]);
    if (reason) excluded.push({ name: schema[j]!.name, reason });
    else features.push(schema[j]!.name);
  }
  if (features.length === 0) {
    const why = excluded.map((e) => `\`${e.name}\` ${e.reason}`).join('; ');
    throw new TrainingConfigError(
      `no usable feature${why ? ` (${why})` : ''}; add a numeric, boolean or category column, ` +
        `or change the column types`,
    );
  }
  return { features, excluded };
}

function unusableReason(s: ColumnSchema, column: Column | undefined): string | null {
  if (s.type === 'id') return 'looks like an identifier (almost every value is different)';
  if (s.type === 'text') return 'is free text (too many different values to use as categories)';
  const n = column ? countDistinct(column) : (s.dictionary?.length ?? 2);
  if (column && column.length === s.missing) return 'is missing in every row';
  if (n === 0) return 'is missing in every row';
  if (n === 1) return 'has the same value in every row';
  return null;
}

function encodeLabels(s: ColumnSchema, column: Column): { labels: string[]; y: Int32Array } {
  const y = new Int32Array(column.length).fill(-1);
  if (column instanceof Int32Array) {
    const dict = s.dictionary ?? [];
    const present = [...new Set(Array.from(column).filter((c) => c >= 0))];
    const labels = present.map((c) => dict[c] ?? String(c)).sort(compareText);
    const slot = new Map(labels.map((l, k) => [l, k]));
    column.forEach((c, i) => {
      if (c >= 0) y[i] = slot.get(dict[c] ?? String(c))!;
    });
    return { labels, y };
  }
  const values = [...new Set(Array.from(column).filter((v) => !Number.isNaN(v)))].sort(
    (a, b) => a - b,
  );
  const slot = new Map(values.map((v, k) => [v, k]));
  column.forEach((v, i) => {
    if (!Number.isNaN(v)) y[i] = slot.get(v)!;
  });
  return { labels: values.map(String), y };
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
