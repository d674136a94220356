/**
 * The "prepare" half of training (issue 4): load a dataset version, check the training setup,
 * split the rows, fit the preprocessing on the training rows and build the train / validation /
 * test matrices once. A single run prepares once; a hyperparameter search prepares once and
 * trains every trial on the same arrays (PERFORMANCE.md H1: no per-trial data work, stable
 * shapes, so kernels compiled in trial 1 are reused).
 *
 * Everything here is deterministic in the request (version, target, features, split spec,
 * preprocessing options), which is what lets {@link runTestRows} re-create a stored run's exact
 * test split later (slice metrics) from the run record alone.
 */
import type { TrainRequest } from '../../src/lib/contracts/compute';
import type {
  DatasetVersion,
  InputSignature,
  PreprocessingSpec,
  Run,
  SplitSpec,
  Task,
} from '../../src/lib/contracts/entities';
import { TrainingConfigError } from '../../src/lib/contracts/errors';
import {
  buildSignature,
  fitPreprocessing,
  splitRows,
  timeOrderedSplit,
  transformRows,
  validateTrainingSetup,
  type Column,
  type PreprocessingOptions,
  type RowSplit,
  type TrainingSetup,
} from '../../src/lib/data';
import { loadTable } from './load-table';

/** What {@link prepareData} needs: the data-defining fields of a train or search request. */
export type PrepareRequest = Pick<
  TrainRequest,
  'datasetVersionId' | 'target' | 'features' | 'split' | 'preprocessing'
>;

/** One part of the split as model inputs. */
export interface PreparedPart {
  /** Row indices into the table, ascending. */
  rows: Int32Array;
  /** rows.length × d features, row-major. */
  x: Float32Array;
  /** Class indices, or standardised values for regression. */
  y: Int32Array | Float32Array;
  n: number;
}

/** A training setup with its data ready: reused by every model trained on it. */
export interface PreparedData {
  version: DatasetVersion;
  columns: Column[];
  setup: TrainingSetup;
  task: Task;
  /** Class names (empty for regression). */
  labels: string[];
  split: SplitSpec;
  preprocessing: PreprocessingSpec;
  preprocessingOptions: PreprocessingOptions | undefined;
  signature: InputSignature;
  /** Feature width after preprocessing. */
  d: number;
  train: PreparedPart;
  validation: PreparedPart;
  test: PreparedPart;
  /** Things the user should know about the data, for the run notes. */
  notes: string[];
}

/**
 * The rows of each part, by the split's method: `'time'` orders by `split.timeColumn`
 * ({@link timeOrderedSplit}; rows without a time are left out and counted), otherwise
 * {@link splitRows}, stratified by class when asked.
 * @returns the parts and how many rows the time split left out
 * @throws TrainingConfigError when the time column is missing or not a time/number column
 */
export function computeSplit(
  version: DatasetVersion,
  columns: readonly Column[],
  setup: TrainingSetup,
  spec: SplitSpec,
): { split: RowSplit; excluded: number } {
  if (spec.method === 'time') {
    const name = spec.timeColumn;
    const j = name === undefined ? -1 : version.schema.findIndex((c) => c.name === name);
    const column = columns[j];
    if (name === undefined || j < 0 || !(column instanceof Float64Array)) {
      throw new TrainingConfigError(
        name === undefined
          ? 'a time-ordered split needs a time column; choose the datetime column that orders the rows'
          : `time column \`${name}\` is not a datetime or numeric column of this dataset; choose ` +
              'another column to order the rows by',
      );
    }
    const split = timeOrderedSplit(column, spec, setup.rows, { missing: 'exclude' });
    return { split, excluded: split.excluded.length };
  }
  const strata = setup.task === 'regression' ? undefined : (setup.y as Int32Array);
  return { split: splitRows(version.rowCount, spec, strata, setup.rows), excluded: 0 };
}

/**
 * Loads, checks, splits and preprocesses once.
 * @param req dataset version, target, optional features, split, preprocessing options
 * @returns the prepared data
 * @throws NotFoundError for an unknown dataset version; TrainingConfigError for an unusable
 *   target, features or split (too few rows), or bad preprocessing options
 * @example
 * const p = await prepareData({ datasetVersionId, target: 'species', split });
 * p.train.x.length === p.train.n * p.d // true
 */
export async function prepareData(req: PrepareRequest): Promise<PreparedData> {
  const { version, columns } = await loadTable(req.datasetVersionId);
  const setup = checkedSetup(version, columns, req.target, req.features);
  const { split, excluded } = computeSplit(version, columns, setup, req.split);
  if (split.train.length < 2 || split.test.length < 1) {
    throw new TrainingConfigError(
      `too few rows to train and test (${split.train.length} training, ${split.test.length} test ` +
        `rows); import more rows or change the split`,
    );
  }
  const preprocessing = fitPreprocessing(
    version.schema,
    columns,
    setup.features,
    split.train,
    req.preprocessing ?? {},
  );
  if (setup.task === 'regression') preprocessing.target = targetScale(setup, split.train);
  const part = (rows: Int32Array): PreparedPart => ({
    rows,
    x: transformRows(preprocessing, version.schema, columns, rows),
    y: targets(setup, preprocessing, rows),
    n: rows.length,
  });
  const notes: string[] = [];
  if (setup.droppedRows)
    notes.push(`${setup.droppedRows} rows without a target value were left out.`);
  if (excluded) {
    notes.push(`${excluded} rows without a value in \`${req.split.timeColumn}\` were left out.`);
  }
  return {
    version,
    columns,
    setup,
    task: setup.task,
    labels: setup.labels ?? [],
    split: req.split,
    preprocessing,
    preprocessingOptions: req.preprocessing,
    signature: buildSignature(
      version.schema,
      columns,
      setup.features,
      req.target,
      setup.task,
      setup.labels,
      split.train,
    ),
    d: preprocessing.outputWidth,
    train: part(split.train),
    validation: part(split.validation),
    test: part(split.test),
    notes,
  };
}

/**
 * The test rows of a stored run, re-created from its record (same version, target, features and
 * split spec give the same rows: every step is deterministic).
 * @returns the loaded table, the checked setup and the test row indices
 */
export async function runTestRows(run: Run): Promise<{
  version: DatasetVersion;
  columns: Column[];
  setup: TrainingSetup;
  rows: Int32Array;
}> {
  const { version, columns } = await loadTable(run.datasetVersionId);
  const setup = checkedSetup(version, columns, run.target, run.features);
  const { split } = computeSplit(version, columns, setup, run.split);
  return { version, columns, setup, rows: split.test };
}

function checkedSetup(
  version: DatasetVersion,
  columns: Column[],
  target: string,
  features: readonly string[] | undefined,
): TrainingSetup {
  const targetIndex = version.schema.findIndex((c) => c.name === target);
  return validateTrainingSetup({
    schema: version.schema,
    target,
    ...(features ? { features } : {}),
    targetColumn: columns[targetIndex] ?? new Float64Array(0),
    columns,
  });
}

function targetScale(setup: TrainingSetup, rows: Int32Array): { mean: number; std: number } {
  const y = setup.y;
  let sum = 0;
  for (const r of rows) sum += y[r]!;
  const mean = sum / rows.length;
  let ss = 0;
  for (const r of rows) ss += (y[r]! - mean) ** 2;
  const std = Math.sqrt(ss / rows.length);
  return { mean, std: std > 0 ? std : 1 };
}

function targets(
  setup: TrainingSetup,
  spec: PreprocessingSpec,
  rows: Int32Array,
): Int32Array | Float32Array {
  if (setup.task !== 'regression') {
    const out = new Int32Array(rows.length);
    rows.forEach((r, i) => (out[i] = setup.y[r]!));
    return out;
  }
  const { mean, std } = spec.target ?? { mean: 0, std: 1 };
  const out = new Float32Array(rows.length);
  rows.forEach((r, i) => (out[i] = (setup.y[r]! - mean) / std));
  return out;
}
