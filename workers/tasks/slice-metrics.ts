/**
 * Slice metrics of a completed run (issue 4): its test rows re-created from the run record,
 * re-scored with its stored model, grouped by one column's values.
 *
 * Grouping: a categorical column (boolean, category, text, id) by value, missing as
 * `(missing)`; a numeric or datetime column with at most {@link MAX_DISTINCT_AS_VALUES} distinct
 * test values by value, otherwise by quartile bins of the test rows' values (NumPy's linear
 * quantiles) labelled by their range, `[low, high)` and the last `[low, high]`, equal edges
 * merged. Slices come in value / bin order, `(missing)` last.
 */
import type { SliceResult } from '../../src/lib/contracts/compute';
import type { ColumnSchema } from '../../src/lib/contracts/entities';
import {
  InvalidArgumentError,
  NotFoundError,
  TrainingConfigError,
} from '../../src/lib/contracts/errors';
import { transformRows, type Column } from '../../src/lib/data';
import { getRun } from '../../src/lib/db';
import { quantileSorted, sliceMetrics } from '../../src/lib/metrics';
import { predictBatch } from '../ml';
import { runTestRows } from './prepare-data';
import { loadArtifactModel } from './predict-rows';

/** Numeric columns with this few distinct test values are sliced by value, not by bins. */
export const MAX_DISTINCT_AS_VALUES = 4;

const MISSING = '(missing)';

/**
 * Re-scores a completed run's test split and groups the metrics by a column's values.
 * @param runId a completed run
 * @param column a column of the run's dataset version
 * @returns one entry per slice; their `n` sum to the test size
 * @throws NotFoundError for an unknown run; TrainingConfigError when the run has no model;
 *   InvalidArgumentError for a column the dataset does not have
 */
export async function sliceRunMetrics(runId: string, column: string): Promise<SliceResult[]> {
  const run = await getRun(runId);
  if (!run) throw new NotFoundError('run', runId);
  if (run.status !== 'completed' || !run.artifactId) {
    throw new TrainingConfigError(
      `run ${runId} is ${run.status} and has no model to score; slice a completed run`,
    );
  }
  const { version, columns, setup, rows } = await runTestRows(run);
  const j = version.schema.findIndex((c) => c.name === column);
  if (j < 0) {
    throw new InvalidArgumentError(
      'column',
      column,
      `is not a column of this dataset; choose one of ${version.schema.map((c) => c.name).join(', ')}`,
    );
  }
  const { artifact, model } = await loadArtifactModel(run.artifactId);
  const spec = artifact.preprocessing;
  const x = transformRows(spec, version.schema, columns, rows);
  const out = await predictBatch(model, x, rows.length, spec.outputWidth, run.task);

  let yTrue: Int32Array | Float64Array;
  let pred: Float32Array | Float64Array = out;
  let labels: string[] | null = null;
  if (run.task === 'regression') {
    const { mean, std } = spec.target ?? { mean: 0, std: 1 };
    yTrue = Float64Array.from(rows, (r) => setup.y[r]!);
    pred = Float64Array.from(out, (v) => v * std + mean);
  } else {
    labels = setup.labels ?? [];
    yTrue = Int32Array.from(rows, (r) => setup.y[r]!);
  }
  const { keys, names } = sliceKeys(version.schema[j]!, columns[j]!, rows);
  return sliceMetrics(keys, yTrue, pred, labels).map((s) => ({
    ...s,
    key: names[Number(s.key)] ?? s.key,
  }));
}

/** Integer slice keys per test row (ordered as slices should be shown) and their names. */
function sliceKeys(
  schema: ColumnSchema,
  column: Column,
  rows: Int32Array,
): { keys: Int32Array; names: string[] } {
  const keys = new Int32Array(rows.length);
  if (column instanceof Int32Array) {
    const dict = schema.dictionary ?? [];
    const names = [...dict, MISSING];
    rows.forEach((r, i) => {
      const code = column[r]!;
      keys[i] = code >= 0 && code < dict.length ? code : dict.length;
    });
    return { keys, names };
  }
  const present: number[] = [];
  for (const r of rows) if (!Number.isNaN(column[r]!)) present.push(column[r]!);
  const sorted = Float64Array.from(present).sort();
  const format = (v: number) => formatValue(schema, v);
  const distinct = [...new Set(sorted)];
  if (distinct.length <= MAX_DISTINCT_AS_VALUES) {
    const slot = new Map(distinct.map((v, k) => [v, k]));
    rows.forEach((r, i) => (keys[i] = slot.get(column[r]!) ?? distinct.length));
    return { keys, names: [...distinct.map(format), MISSING] };
  }
  const edges = [...new Set([0, 0.25, 0.5, 0.75, 1].map((q) => quantileSorted(sorted, q)))];
  const bins = edges.length - 1;
  const names = edges.slice(0, -1).map((lo, b) => {
    const hi = edges[b + 1]!;
    return b === bins - 1 ? `[${format(lo)}, ${format(hi)}]` : `[${format(lo)}, ${format(hi)})`;
  });
  rows.forEach((r, i) => {
    const v = column[r]!;
    if (Number.isNaN(v)) {
      keys[i] = bins;
      return;
    }
    let b = 0;
    while (b < bins - 1 && v >= edges[b + 1]!) b++;
    keys[i] = b;
  });
  return { keys, names: [...names, MISSING] };
}

function formatValue(schema: ColumnSchema, v: number): string {
  if (schema.type === 'datetime') return new Date(v).toISOString().replace(/T00:00:00\.000Z$/, '');
  if (Number.isInteger(v)) return String(v);
  return String(Number(v.toPrecision(4)));
}
