import type { Task } from '../contracts/entities';
import { InvalidArgumentError } from '../contracts/errors';
import { finiteOrNull } from './bootstrap-metrics';
import { metricsForTask } from './metric-registry';

/** Metrics of the rows sharing one value of the slicing column. */
export interface SliceMetrics {
  key: string;
  n: number;
  /** Fewer rows than `minRows` (default 10): too few to read much into. */
  small: boolean;
  /** Keyed by metric id; null where undefined on the slice (e.g. ROC AUC with one class). */
  metrics: Record<string, number | null>;
}

/** Options of {@link sliceMetrics}. */
export interface SliceMetricsOptions {
  /** Slices with fewer rows are flagged `small` (default 10). */
  minRows?: number;
}

/**
 * Every registered metric of the task, computed separately on each slice of the rows (rows with
 * equal `sliceKeys[i]`, e.g. the category of a chosen column or a bin index of a numeric one).
 * Point estimates only. Slices come ascending by key (numerically for Int32Array keys).
 * @param sliceKeys the slice of each row
 * @param yTrue true class indices (classification) or values (regression)
 * @param pred n × k probabilities (classification) or n predictions (regression)
 * @param labels class names for classification (2 → binary, more → multiclass); omit or null
 *   for regression
 * @param options minRows (default 10)
 * @returns one entry per slice
 * @throws InvalidArgumentError for unequal lengths, a pred length that does not fit the task, or
 *   inputs the metrics reject
 * @example
 * sliceMetrics(['a', 'b', 'a'], [1, 2, 3], [1, 2, 5], null).map((s) => [s.key, s.metrics.mae])
 * // [['a', 1], ['b', 0]]
 */
export function sliceMetrics(
  sliceKeys: Int32Array | readonly string[],
  yTrue: ArrayLike<number>,
  pred: ArrayLike<number>,
  labels?: readonly string[] | null,
  options: SliceMetricsOptions = {},
): SliceMetrics[] {
  const n = yTrue.length;
  if (sliceKeys.length !== n) {
    throw new InvalidArgumentError('sliceKeys.length', sliceKeys.length, `must equal ${n}`);
  }
  const minRows = options.minRows ?? 10;
  const width = labels ? labels.length : 1;
  if (labels && labels.length < 2) {
    throw new InvalidArgumentError('labels', labels, 'classification needs at least 2 labels');
  }
  if (pred.length !== n * width) {
    throw new InvalidArgumentError('pred.length', pred.length, `must be ${n} × ${width}`);
  }
  const task: Task = !labels ? 'regression' : labels.length === 2 ? 'binary' : 'multiclass';
  const descriptors = metricsForTask(task);

  const groups = new Map<string | number, number[]>();
  for (let i = 0; i < n; i++) {
    const key = sliceKeys[i]!;
    let rows = groups.get(key);
    if (!rows) groups.set(key, (rows = []));
    rows.push(i);
  }
  const keys = [...groups.keys()].sort((a, b) =>
    typeof a === 'number' && typeof b === 'number' ? a - b : String(a) < String(b) ? -1 : 1,
  );
  return keys.map((key) => {
    const rows = groups.get(key)!;
    const y = new Float64Array(rows.length);
    const p = new Float64Array(rows.length * width);
    rows.forEach((i, j) => {
      y[j] = yTrue[i]!;
      for (let c = 0; c < width; c++) p[j * width + c] = pred[i * width + c]!;
    });
    const metrics: Record<string, number | null> = {};
    for (const d of descriptors) metrics[d.id] = finiteOrNull(d.compute(y, p));
    return { key: String(key), n: rows.length, small: rows.length < minRows, metrics };
  });
}
