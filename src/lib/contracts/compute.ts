/**
 * The compute worker's contract (workers/compute.worker.ts `expose`s an object of this type; the
 * page `wrap`s it with Comlink). Only plain data crosses; large arrays stay in the worker, which
 * reads and writes IndexedDB itself.
 */
import type {
  ColumnType,
  DatasetProfile,
  ExpectationSuite,
  SuiteRun,
  ValidationReport,
  BackendInfo,
  BackendName,
  DatasetVersion,
  ModelConfig,
  ModelVersion,
  Prediction,
  Run,
  SplitSpec,
} from './entities';
import type { ErrorInfo } from './errors';
import type {
  Params,
  PrunerSpec,
  SamplerId,
  SamplerOptions,
  SearchSpace,
  StudyState,
  Trial,
} from './hpo';
import type { PreprocessingOptions } from '../data/preprocess-options';

/** The user's choice in Settings: `auto` runs the probe. */
export type BackendPreference = 'auto' | BackendName;

/** One row of inputs for serving: column name to raw value (form text, number or null). */
export type InputRow = Record<string, string | number | boolean | null>;

export type ImportFormat = 'csv' | 'json' | 'ndjson';
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** What the user may correct on the preview before committing an import. */
export interface ImportOptions {
  format?: ImportFormat;
  /** For csv: ',', '\t', ';' or '|'. */
  delimiter?: string;
  /** For csv: whether the first line is a header (default: detected). */
  hasHeader?: boolean;
  encoding?: TextEncoding;
  /** Per-column type overrides by (final) column name. */
  types?: Record<string, ColumnType>;
}

export interface ImportRequest {
  /** Correlates progress and cancel. */
  importId?: string;
  /** Dataset name shown in the UI. */
  name: string;
  /** File name (for error messages and lineage). */
  fileName: string;
  /** The source: a File/Blob (streamed in the worker), text, or a same-origin url (examples). */
  file?: Blob;
  text?: string;
  url?: string;
  description?: string;
  options?: ImportOptions;
  /** Append as a new version of this dataset (parent = its latest version) instead of a new one. */
  appendTo?: string;
}

/** The guess shown before an import is committed. */
export interface ImportPreview {
  format: ImportFormat;
  encoding: TextEncoding;
  delimiter: string | null;
  hasHeader: boolean;
  header: string[];
  /** First rows as raw text, at most 20. */
  rows: string[][];
  types: ColumnType[];
  /** Anything the user should know (renamed headers, encoding fallback, ...). */
  notes: string[];
}

export interface ImportProgress {
  importId: string;
  phase: 'reading' | 'parsing' | 'typing' | 'profiling' | 'storing' | 'done';
  bytesRead: number;
  totalBytes: number | null;
  rows: number;
  rowsPerSecond: number;
  /** 0..1 */
  fraction: number;
}

export interface TrainRequest {
  runId: string;
  datasetVersionId: string;
  target: string;
  /** Feature columns; when omitted every column but the target and id-like ones. */
  features?: string[];
  config: ModelConfig;
  split: SplitSpec;
  /** Seed of initialisers and shuffles. */
  seed: number;
  /** Imputation, scaling, date parts per column (defaults when omitted). */
  preprocessing?: PreprocessingOptions;
  /** Bootstrap resamples for the confidence intervals (default 1000; 0 = none). */
  bootstrapIterations?: number;
  tags?: string[];
  /** Set when the run is a trial of a hyperparameter search. */
  search?: { id: string; trial: number };
}

/** Metrics of a completed run's test predictions per value of one column. */
export interface SliceResult {
  key: string;
  n: number;
  /** Fewer than 10 rows: shown, but not to be trusted. */
  small: boolean;
  metrics: Record<string, number | null>;
}

export interface SearchRequest {
  searchId: string;
  datasetVersionId: string;
  target: string;
  features?: string[];
  /** The configuration every trial starts from; trial parameters override it. */
  baseConfig: ModelConfig;
  space: SearchSpace;
  sampler: SamplerId;
  /** Sampler options (e.g. TPE's `constantLiar`, which also lets TPE trials run in parallel). */
  samplerOptions?: SamplerOptions;
  budget: number;
  pruner: PrunerSpec | null;
  /** What a trial is scored by: the best validation loss (minimised). */
  objective: 'valLoss';
  split: SplitSpec;
  seed: number;
  preprocessing?: PreprocessingOptions;
}

export interface SearchProgress {
  searchId: string;
  /** Trials so far (running, complete, pruned, failed). */
  trials: Trial[];
  budget: number;
  /** The running trial's epoch progress. */
  epoch: number;
  epochs: number;
}

export interface SearchRecord {
  id: string;
  createdAt: number;
  request: SearchRequest;
  status: 'running' | 'completed' | 'cancelled' | 'failed';
  study: StudyState;
  /** Run id of each trial, by trial number. */
  runIds: Record<number, string>;
  best: { trial: number; value: number; params: Params; runId: string } | null;
  durationMs?: number;
  error?: string;
}

export interface TrainProgress {
  runId: string;
  phase: 'preparing' | 'training' | 'evaluating' | 'saving';
  epoch: number;
  epochs: number;
  loss: number | null;
  valLoss: number | null;
  /** Validation accuracy (classification) or RMSE (regression) after the epoch, if computed. */
  valMetric?: number | null;
  /** 0..1 over the whole run. */
  fraction: number;
  /** Estimated ms remaining, when known. */
  etaMs: number | null;
}

/** Result of a call that may fail with a user-facing error (errors cross as data, not throws). */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

/** One served answer (or refusal) as the Serve page shows it. */
export interface ServeResponse {
  ok: boolean;
  /** The answer, when there is one. */
  prediction: Prediction | null;
  responder: 'primary' | 'fallback' | 'rule' | 'reject';
  /** The version that answered (null when rejected). */
  modelVersionId: string | null;
  /** Why this responder answered, in a sentence. */
  reason: string;
  /** Validation errors and warnings per field. */
  errors: { field: string; value: unknown; message: string }[];
  warnings: { field: string; value: unknown; message: string }[];
  /** The id of the prediction-log row written for this request (null when rejected). */
  logId: string | null;
  latencyMs: number;
}

export interface ReplayRequest {
  replayId: string;
  deploymentId: string;
  datasetVersionId: string;
  /** Column used as the row key (unit id); absent = row number. */
  keyColumn?: string;
  /** Column holding the true label, attached to each log row when present. */
  labelColumn?: string;
  /** Column with timestamps; absent = synthetic timestamps `start + i * intervalMs`. */
  timeColumn?: string;
  start?: number;
  intervalMs?: number;
  /** Rows per second to pace at (0 = as fast as possible). */
  rate: number;
  limit?: number;
  /**
   * A/B (issue 7): column whose number is logged as each entry's `outcome`; absent = the running
   * experiment's primary outcome column when the dataset has it.
   */
  outcomeColumn?: string;
  /** Prefix of every row key, e.g. to replay the same rows as new units (issue 7). */
  keyPrefix?: string;
  /** A/B workshop fault: drop the log entries of a share of one arm's units (a logging bug). */
  fault?: import('./ab').AbTrafficFault;
}

export interface ReplayProgress {
  replayId: string;
  done: number;
  total: number;
  rowsPerSecond: number;
}

export interface ComputeApi {
  /** Selects (or re-selects) the tfjs backend; `auto` runs the measured probe. */
  selectBackend(preference: BackendPreference): Promise<BackendInfo>;
  /** Detects format, encoding, delimiter, header and types from the start of the source. */
  previewImport(request: ImportRequest): Promise<Outcome<ImportPreview>>;
  /** Parses (streaming), types, profiles and stores a dataset version. */
  importDataset(
    request: ImportRequest,
    onProgress?: (p: ImportProgress) => void,
  ): Promise<Outcome<DatasetVersion>>;
  /** Cancels an import; nothing of it becomes visible. */
  cancelImport(importId: string): Promise<void>;
  /** The profile of a version (computed once at import, then read from the store). */
  profile(versionId: string): Promise<Outcome<DatasetProfile>>;
  /** Runs every data-quality check on a version. */
  validate(versionId: string, target?: string): Promise<Outcome<ValidationReport>>;
  /** Rows of a version as display text (preview and finding click-through). */
  readRows(versionId: string, rows: number[]): Promise<Outcome<string[][]>>;
  /** Infers an expectation suite from a version (not saved). */
  inferSuite(versionId: string, name: string): Promise<Outcome<ExpectationSuite>>;
  /** Runs a saved suite against a version and stores the result. */
  runSuite(suiteId: string, versionId: string): Promise<Outcome<SuiteRun>>;
  /** Trains a model; progress through the (Comlink-proxied) callback. Stores the Run. */
  train(request: TrainRequest, onProgress: (p: TrainProgress) => void): Promise<Outcome<Run>>;
  /** Cancels a training run; it stops within one batch. */
  cancel(runId: string): Promise<void>;
  /** Re-scores a completed run's test split and groups the metrics by a column's values. */
  sliceMetrics(runId: string, column: string): Promise<Outcome<SliceResult[]>>;
  /** Runs a hyperparameter search; every trial is a Run. Stores a SearchRecord. */
  search(
    request: SearchRequest,
    onProgress: (p: SearchProgress) => void,
  ): Promise<Outcome<SearchRecord>>;
  /** Stops a search after the running trial's current batch; finished trials are kept. */
  cancelSearch(searchId: string): Promise<void>;
  /** Scores rows with a stored model artifact. */
  predict(
    artifactId: string,
    modelVersionId: string,
    rows: InputRow[],
  ): Promise<Outcome<Prediction[]>>;
  /** Serves one row through a deployment: validation, primary/fallback, shadow, log. */
  serve(deploymentId: string, row: InputRow, rowKey?: string): Promise<Outcome<ServeResponse>>;
  /** Scores a whole file through a deployment in the worker; returns a CSV of inputs + outputs. */
  serveBatch(
    deploymentId: string,
    file: Blob,
    fileName: string,
  ): Promise<
    Outcome<{
      csv: string;
      rows: number;
      rejected: number;
      latency: { p50: number | null; p95: number | null };
    }>
  >;
  /** Replays a dataset version as traffic through a deployment, filling the prediction log. */
  replay(
    request: ReplayRequest,
    onProgress: (p: ReplayProgress) => void,
  ): Promise<Outcome<{ rows: number; logged: number }>>;
  cancelReplay(replayId: string): Promise<void>;
  /** Attaches true labels from a file keyed by row key or prediction id. */
  attachLabels(
    file: Blob,
    fileName: string,
    keyColumn: string,
    labelColumn: string,
  ): Promise<Outcome<{ matched: number; unmatched: number }>>;
  /** Model export: the files of `buildModelExport`, packed as one `.benchtop-model.json`. */
  exportModel(modelVersionId: string): Promise<Outcome<{ fileName: string; bytes: Uint8Array }>>;
  /** Model import: validates a `.benchtop-model.json` (or tfjs files) and registers it. */
  importModel(name: string, file: Blob, fileName: string): Promise<Outcome<ModelVersion>>;
  /** Live tensor count (for leak checks). */
  tensorCount(): Promise<number>;

  // --- Monitoring (issue 6): methods below this line. ---
  /**
   * Runs a monitor over its deployment's log: reports for complete windows not reported yet (all
   * with `recompute`), rules evaluated, alerts raised.
   */
  runMonitor(
    monitorId: string,
    options?: { recompute?: boolean },
  ): Promise<Outcome<import('./monitoring').MonitorRunResult>>;
  /** Checks a stored dataset version as one batch against the monitor's reference. */
  checkMonitorBatch(
    monitorId: string,
    datasetVersionId: string,
  ): Promise<
    Outcome<{
      report: import('./monitoring').MonitorWindowReport;
      alerts: import('./monitoring').Alert[];
    }>
  >;

  // --- A/B tests (issue 7): methods below this line. ---
  /** Results of an experiment (three views, SRM, series) from its logged traffic. */
  abResults(experimentId: string): Promise<Outcome<import('./ab').AbResults>>;
  /** The peeking lab: many simulated experiments looked at after every batch. */
  peekingLab(
    options: import('./ab').PeekingOptions,
  ): Promise<Outcome<import('./ab').PeekingResult>>;
}
