/**
 * The lifecycle as data (ARCHITECTURE.md "The lifecycle as data").
 *
 * Plain, structured-clone-safe records: these are what IndexedDB stores, what workers post back
 * and what an export bundle contains. Every entity has a stable id, `createdAt` (ms since epoch)
 * and the ids/hashes of what it was made from.
 */
import type { PreprocessingOptions } from '../data/preprocess-options';

/** Inferred or user-chosen type of a column. */
export type ColumnType = 'number' | 'integer' | 'boolean' | 'category' | 'datetime' | 'text' | 'id';

/**
 * How a column's values are physically stored.
 * - `f64`: Float64Array, missing = NaN (number, integer, datetime as ms since epoch)
 * - `dict`: Int32Array of codes into `dictionary`, missing = -1 (boolean, category, text, id)
 */
export type ColumnEncoding = 'f64' | 'dict';

export interface ColumnSchema {
  name: string;
  type: ColumnType;
  encoding: ColumnEncoding;
  /** For `dict` columns: the distinct values, in first-seen order. Code i means dictionary[i]. */
  dictionary?: string[];
  missing: number;
}

export interface Dataset {
  id: string;
  name: string;
  createdAt: number;
  /** Free text; e.g. the licence note of a bundled example. */
  description?: string;
}

export interface DatasetVersion {
  /** Content hash (hex SHA-256 of schema + column payloads); also the version's id. */
  id: string;
  datasetId: string;
  /** The version this one was derived from (append, cleaning step), or null for an import. */
  parentId: string | null;
  createdAt: number;
  rowCount: number;
  schema: ColumnSchema[];
  /** Rows per chunk; the last chunk of each column may be shorter. */
  chunkRows: number;
  chunkCount: number;
  source: { kind: 'file' | 'example' | 'derived'; name: string; bytes?: number };
  note?: string;
}

/** One chunk of one column of one dataset version. */
export interface ColumnChunk {
  versionId: string;
  column: number;
  index: number;
  /** The (possibly encrypted) payload; see src/lib/db chunk codec. */
  payload: ArrayBuffer;
}

export type Task = 'binary' | 'multiclass' | 'regression';
export type ModelKind = 'baseline' | 'logistic' | 'linear' | 'mlp';
export type BackendName = 'webgpu' | 'wasm' | 'cpu' | 'webgl';

export interface ModelConfig {
  kind: ModelKind;
  hiddenUnits: number[];
  activation: 'relu' | 'tanh' | 'sigmoid';
  dropout: number;
  l1: number;
  l2: number;
  optimizer: 'adam' | 'sgd';
  learningRate: number;
  batchSize: number;
  epochs: number;
  earlyStoppingPatience: number;
}

export interface BackendInfo {
  name: BackendName;
  /** Why this backend was chosen, in one sentence a person can read. */
  reason: string;
  /** Whether the user forced it in Settings. */
  forced: boolean;
  /** WebGPU adapter description, when one was found. */
  adapter?: { vendor: string; architecture: string; isFallbackAdapter: boolean };
  /** Probe timings in ms per backend, as measured. */
  probeMs?: Partial<Record<BackendName, number>>;
}

export interface EnvInfo {
  userAgent: string;
  tfjsVersion: string;
  appVersion: string;
}

export interface SplitSpec {
  seed: number;
  train: number;
  validation: number;
  test: number;
  stratify: boolean;
  /**
   * How rows are assigned to the parts. Absent: `stratify` decides, as before this field
   * existed. `'random'` and `'stratified'` take precedence over `stratify`. `'time'`: the
   * earliest rows by `timeColumn` go to train, then validation, then test (`seed` unused;
   * src/lib/data/split-time.ts).
   */
  method?: 'random' | 'stratified' | 'time';
  /** For `method: 'time'`: the datetime column that orders the rows. */
  timeColumn?: string;
}

export interface EpochRecord {
  epoch: number;
  loss: number;
  valLoss: number | null;
  /** Validation accuracy (classification) or RMSE (regression) after this epoch, if computed. */
  valMetric?: number | null;
}

export interface ClassificationMetrics {
  task: 'binary' | 'multiclass';
  accuracy: number;
  macroF1: number;
  labels: string[];
  /** confusion[i][j] = count of true labels[i] predicted as labels[j]. */
  confusion: number[][];
  n: number;
}

export interface RegressionMetrics {
  task: 'regression';
  mae: number;
  rmse: number;
  r2: number;
  n: number;
}

export type EvalMetrics = ClassificationMetrics | RegressionMetrics;

/*
 * The full held-out evaluation of a run (src/lib/metrics/evaluate-*.ts). Kept apart from
 * `EvalMetrics`, which stored runs and model versions already use and which stays as it is; a run
 * carries it in the optional `Run.evaluation`. Plain data only (arrays, records, numbers, null),
 * so it survives structured cloning and JSON export. `null` marks a value that is undefined on
 * this data (ROC AUC with one class present, an interval when every resample was degenerate).
 */

/** A metric's value on all rows and its percentile-bootstrap confidence interval. */
export interface MetricInterval {
  estimate: number | null;
  low: number | null;
  high: number | null;
}

/** How the intervals of an evaluation were computed (src/lib/metrics/bootstrap-metrics.ts). */
export interface BootstrapSummary {
  iterations: number;
  /** Confidence level of the intervals, e.g. 0.95. */
  level: number;
  /** Per metric id: resamples on which the metric was undefined and that were skipped. */
  skipped: Record<string, number>;
  /**
   * 32-bit hash of the true labels and of every resampled row index. Two evaluations with equal
   * fingerprints were resampled identically (same rows, same seed, same iterations), so their
   * replicates can be paired (src/lib/metrics/compare-to-baseline.ts).
   */
  fingerprint: number;
  /** Per metric id, its value on each resample (null where skipped); absent when not kept. */
  replicates?: Record<string, (number | null)[]>;
}

/** ROC curve (scikit-learn `roc_curve`, drop_intermediate=True); thresholds[0] = max score + 1. */
export interface RocCurve {
  fpr: number[];
  tpr: number[];
  thresholds: number[];
}

/** Precision-recall curve (scikit-learn `precision_recall_curve`): recall decreasing to 0. */
export interface PrCurve {
  precision: number[];
  recall: number[];
  thresholds: number[];
}

/** Reliability diagram over non-empty uniform bins (scikit-learn `calibration_curve`). */
export interface CalibrationCurve {
  /** Share of positives per bin. */
  probTrue: number[];
  /** Mean predicted probability per bin. */
  probPred: number[];
  /** Rows per bin. */
  count: number[];
}

/** Per-class scores of a classifier; AUCs are one-vs-rest, null when undefined. */
export interface ClassScores {
  label: string;
  /** True rows of the class. */
  support: number;
  precision: number;
  recall: number;
  f1: number;
  rocAuc: number | null;
  prAuc: number | null;
}

/** Curves of one one-vs-rest problem (binary: class 1 only). */
export interface ClassCurves {
  /** Index into `labels` of the positive class. */
  classIndex: number;
  label: string;
  /** Null when the class has no positive or no negative rows (the curve is undefined). */
  roc: RocCurve | null;
  pr: PrCurve;
  calibration: CalibrationCurve;
}

export interface ClassificationEvaluation {
  task: 'binary' | 'multiclass';
  labels: string[];
  n: number;
  /** Keyed by metric descriptor id (accuracy, balancedAccuracy, macroF1, rocAuc, logLoss, ...). */
  metrics: Record<string, MetricInterval>;
  perClass: ClassScores[];
  /** confusion[i][j] = count of true labels[i] predicted (argmax) as labels[j]. */
  confusion: number[][];
  /** Binary: class 1 only; multiclass: one per class. Long curves are thinned for storage. */
  curves: ClassCurves[];
  bootstrap: BootstrapSummary;
}

/** A residual plot's points (deterministically thinned) and summary statistics. */
export interface ResidualSummary {
  /** Rows in the plot, ascending by prediction; residual = yTrue − yPred. */
  predicted: number[];
  residual: number[];
  /** Index of each plotted row in the evaluated data. */
  rows: number[];
  /** Rows evaluated (plotted or not). */
  total: number;
  mean: number;
  /** Sample standard deviation (n − 1); 0 for one row. */
  std: number;
  min: number;
  max: number;
}

export interface RegressionEvaluation {
  task: 'regression';
  n: number;
  /** Keyed by metric descriptor id (mae, rmse, r2). */
  metrics: Record<string, MetricInterval>;
  residuals: ResidualSummary;
  bootstrap: BootstrapSummary;
}

export type Evaluation = ClassificationEvaluation | RegressionEvaluation;

export type RunStatus = 'running' | 'completed' | 'failed' | 'cancelled';

export interface Run {
  id: string;
  createdAt: number;
  datasetVersionId: string;
  target: string;
  features: string[];
  task: Task;
  config: ModelConfig;
  split: SplitSpec;
  backend: BackendInfo;
  env: EnvInfo;
  status: RunStatus;
  error?: string;
  history: EpochRecord[];
  metrics?: EvalMetrics;
  /** Full held-out evaluation (CIs, curves, calibration, residuals); absent on older runs. */
  evaluation?: Evaluation;
  /** The baseline (majority class / mean) evaluated on the same test rows with the same seed. */
  baselineEvaluation?: Evaluation;
  /** Seed of initialisers, shuffles, dropout and the bootstrap (the split has its own). */
  seed?: number;
  /** Preprocessing options the run was trained with (absent = defaults). */
  preprocessingOptions?: PreprocessingOptions;
  /** Backends used, in order, when the run had to fall back (e.g. WebGPU device lost). */
  backendFallbacks?: { from: BackendName; to: BackendName; epoch: number; reason: string }[];
  /** The hyperparameter search this run was a trial of. */
  search?: { id: string; trial: number };
  durationMs?: number;
  /** Id of the stored model artifact (weights + preprocessing), when the run completed. */
  artifactId?: string;
  tags: string[];
  notes: string;
}

/** How a missing numeric value is filled (fitted on the training split). */
export type ImputeStrategy = 'mean' | 'median' | 'most-frequent' | 'constant';

/** How a numeric value is rescaled after filling: z-score, to [0, 1] on train, or not at all. */
export type ScaleMethod = 'standard' | 'min-max' | 'none';

/**
 * A calendar part of a datetime, in UTC (datetimes are stored as ms since epoch, zone-less text
 * read as UTC): year; month 1–12; day of month 1–31; weekday 0 = Monday … 6 = Sunday (Python's
 * `weekday()`, pandas' `dayofweek`); hour 0–23.
 */
export type DatePart = 'year' | 'month' | 'day' | 'weekday' | 'hour';

/**
 * A preprocessing step, fitted on the training split only. Plain data, serialisable. Every kind
 * maps a missing value (NaN, or a null category) to its fill first. Stored model artifacts hold
 * these, so existing kinds and fields never change meaning; new behaviour is a new kind or an
 * optional field whose absence means the old behaviour.
 */
export type FittedTransform =
  /** `(x - mean) / std`, missing → `fill` (the train mean): the default for numeric columns. */
  | { kind: 'standardize'; column: string; mean: number; std: number; fill: number }
  /**
   * One slot per training category, then (if `unseen`) one slot for categories not seen in
   * training. Missing values go to the unseen slot unless `missing` says otherwise (absent =
   * `'unseen'`): `'bucket'` adds one more, last, slot for them; `'most-frequent'` encodes them
   * as the category `fill`.
   */
  | {
      kind: 'one-hot';
      column: string;
      categories: string[];
      unseen: boolean;
      missing?: 'unseen' | 'bucket' | 'most-frequent';
      fill?: string;
    }
  /** `(x - center) / scale`, missing → `fill`; `impute`/`method` record how they were fitted. */
  | {
      kind: 'scale';
      column: string;
      method: ScaleMethod;
      impute: ImputeStrategy;
      center: number;
      scale: number;
      fill: number;
    }
  /**
   * A datetime (ms since epoch) expanded into `parts`, output k being
   * `(part_k(x) - center[k]) / scale[k]`, with a missing part → `fill[k]` (in part units).
   */
  | {
      kind: 'date-parts';
      column: string;
      parts: DatePart[];
      method: ScaleMethod;
      impute: ImputeStrategy;
      center: number[];
      scale: number[];
      fill: number[];
    };

export interface PreprocessingSpec {
  /** The fitted transforms in feature order; their outputs are concatenated. */
  transforms: FittedTransform[];
  /** Width of the feature vector produced. */
  outputWidth: number;
  /**
   * Regression only: the target is standardised with the training split's mean and std for
   * training; predictions are mapped back with `value * std + mean`.
   */
  target?: { mean: number; std: number };
}

/** One input field of a model's signature. */
export interface SignatureField {
  name: string;
  type: ColumnType;
  /** Allowed values for categorical fields. */
  categories?: string[];
  /** Observed range for numeric fields (for the form and validation). */
  min?: number;
  max?: number;
}

export interface InputSignature {
  inputs: SignatureField[];
  target: { name: string; task: Task; labels?: string[] };
}

/** The trained network plus everything needed to serve it, stored once per completed run. */
export interface ModelArtifact {
  id: string;
  runId: string;
  createdAt: number;
  preprocessing: PreprocessingSpec;
  signature: InputSignature;
  /** tfjs `ModelArtifacts` minus the weight data (plain JSON). */
  modelTopology: unknown;
  weightSpecs: unknown[];
  weightData: ArrayBuffer;
  /** SHA-256 of weightData, hex. */
  weightsHash: string;
}

export interface ModelVersion {
  /** `${name}@${version}` */
  id: string;
  name: string;
  version: number;
  createdAt: number;
  runId: string;
  artifactId: string;
  datasetVersionId: string;
  metrics?: EvalMetrics;
  signature: InputSignature;
  tags: string[];
  description: string;
}

export interface ModelAlias {
  /** `${modelName}:${alias}` */
  id: string;
  modelName: string;
  alias: string;
  versionId: string;
  updatedAt: number;
}

/** Append-only, hash-chained log entry of an alias move. */
export interface AliasEvent {
  /** Auto-increment sequence number. */
  seq?: number;
  modelName: string;
  alias: string;
  from: string | null;
  to: string | null;
  at: number;
  reason: string;
  actor: string;
  prevHash: string;
  hash: string;
}

/** A single prediction for a row of inputs. */
export interface Prediction {
  /** Predicted label (classification) or value (regression) as display text. */
  label: string;
  value: number;
  /** Class probabilities in label order (classification only). */
  probabilities?: number[];
  modelVersionId: string;
  latencyMs: number;
  /** Inputs that were accepted but adjusted (missing value filled, unseen category), per field. */
  warnings?: string[];
}

/* ----------------------------------------------------------------------------------------------
 * Data quality (issue 3): profiles, validation reports, expectation suites.
 * -------------------------------------------------------------------------------------------- */

/** Summary of one column of a dataset version. Quantiles use NumPy's default (linear) rule. */
export interface ColumnProfile {
  name: string;
  type: ColumnType;
  /** Rows in the version (missing included). */
  count: number;
  missing: number;
  /** Distinct non-missing values. */
  unique: number;
  min?: number;
  max?: number;
  mean?: number;
  /** Sample standard deviation (ddof 1), as pandas `describe()`. */
  std?: number;
  /** p5, p25, p50, p75, p95. */
  quantiles?: { p: number; value: number }[];
  /** Most frequent values (categorical columns), most frequent first, at most 10. */
  top?: { value: string; count: number }[];
  /** Numeric columns: equal-width bins over [min, max]; `counts.length === edges.length - 1`. */
  histogram?: { edges: number[]; counts: number[] };
}

export interface DatasetProfile {
  versionId: string;
  rowCount: number;
  createdAt: number;
  columns: ColumnProfile[];
}

export type Severity = 'info' | 'warning' | 'error';

/** One finding of a validation report. */
export interface Finding {
  /** Which check produced it, e.g. `missing-values`, `duplicate-rows`, `target-leakage`. */
  check: string;
  severity: Severity;
  column?: string;
  /** One line, e.g. "`age` is missing in 12% of rows". */
  title: string;
  /** Plain explanation: why it matters and what to do. */
  explanation: string;
  /** How many rows (or values) are affected. */
  count: number;
  /** Up to 20 0-based row indices of offending rows, for the click-through. */
  sampleRows: number[];
  /** Numbers behind the finding (share, threshold, score, ...). */
  details?: Record<string, number | string>;
}

export interface ValidationReport {
  id: string;
  versionId: string;
  target?: string;
  createdAt: number;
  findings: Finding[];
}

/** One expectation of a suite; plain data so suites can be saved, versioned and edited. */
export type Expectation =
  | { kind: 'column-exists'; column: string }
  | { kind: 'column-type'; column: string; type: ColumnType }
  | { kind: 'values-between'; column: string; min: number; max: number }
  | { kind: 'values-in-set'; column: string; values: string[] }
  | { kind: 'missing-share-at-most'; column: string; max: number }
  | { kind: 'values-unique'; column: string }
  | { kind: 'row-count-between'; min: number; max: number };

export interface ExpectationSuite {
  /** `${name}@${version}`; a saved edit is a new version. */
  id: string;
  name: string;
  version: number;
  createdAt: number;
  /** The dataset version it was inferred from, if any. */
  sourceVersionId: string | null;
  expectations: Expectation[];
}

export interface ExpectationResult {
  expectation: Expectation;
  passed: boolean;
  /** What was observed, in words (e.g. "3 values outside [0, 120]"). */
  observed: string;
  unexpectedCount: number;
  /** Up to 20 offending values with their 0-based rows. */
  unexpected: { row: number; value: string }[];
}

export interface SuiteRun {
  id: string;
  suiteId: string;
  versionId: string;
  createdAt: number;
  passed: boolean;
  results: ExpectationResult[];
}

/* ----------------------------------------------------------------------------------------------
 * Registry, deployment and serving (issue 5). The pure logic is in src/lib/registry/.
 * -------------------------------------------------------------------------------------------- */

/**
 * One promotion-gate rule on one metric, as MLflow's `MetricThreshold`
 * (src/lib/registry/evaluate-gate.ts). At least one of the three bounds is set.
 */
export interface GateRule {
  /** Metric descriptor id, a key of `Evaluation.metrics` (`macroF1`, `rmse`, ...). */
  metric: string;
  /** The candidate must beat the champion by at least this much (> 0), in the better direction. */
  minAbsoluteImprovement?: number;
  /** ... by at least this fraction of the champion's value (0–1), in the better direction. */
  minRelativeImprovement?: number;
  /** Absolute bound on the candidate: ≥ when greater is better, ≤ otherwise. */
  threshold?: number;
  /** Direction of the metric; absent = the metric registry's `greaterIsBetter`. */
  greaterIsBetter?: boolean;
}

/** How one {@link GateRule} fared. */
export interface GateRuleResult {
  rule: GateRule;
  /** The candidate's estimate, null when missing or undefined on the test rows. */
  candidate: number | null;
  /** The champion's estimate; null without a champion or when missing. */
  champion: number | null;
  passed: boolean;
  /** One or more plain sentences, e.g. "Macro F1 0.912 is 0.004 above the champion's 0.908…". */
  reason: string;
}

/** The outcome of a promotion gate. */
export interface GateResult {
  /** Every rule passed and the test data check passed (or was waived). */
  passed: boolean;
  results: GateRuleResult[];
  /**
   * Whether candidate and champion were evaluated on the same rows (same bootstrap fingerprint,
   * row count and task); `same` is null without a champion. `waived` when `allowDifferentData`.
   */
  testData: { same: boolean | null; waived: boolean; reason: string };
}

/** A named serving endpoint: an alias of a model, with fallbacks and an optional shadow. */
export interface Deployment {
  id: string;
  name: string;
  modelName: string;
  /** The alias whose holder answers (the primary), e.g. `champion`. */
  alias: string;
  /** Model version ids tried in order when the primary cannot answer. */
  fallbackChain: string[];
  /** A version scored on every request next to the primary, logged but never returned. */
  shadowVersionId: string | null;
  /** Invalid input: rejected with the errors, or answered by the first fallback. */
  validation: 'reject' | 'fallback';
  /** Expectation suite whose row-level expectations every input must meet; null for none. */
  suiteId: string | null;
  createdAt: number;
}

/** A model's answer as logged. */
export interface LoggedOutput {
  label: string;
  value: number;
  probabilities?: number[];
}

/** One served prediction, appended to the prediction log (monitoring reads it). */
export interface PredictionLogEntry {
  id: string;
  deploymentId: string;
  at: number;
  /** The unit key (e.g. a customer id) used to join late labels and A/B assignments. */
  rowKey: string;
  inputs: import('./compute').InputRow;
  output: LoggedOutput;
  /** The version that answered (a rule answer names the deployment's primary version). */
  modelVersionId: string;
  responder: 'primary' | 'fallback' | 'rule';
  /** Why this responder answered, in a sentence. */
  reason: string;
  shadow?: LoggedOutput & { modelVersionId: string };
  latencyMs: number;
  /** The true label, once known. */
  label?: string | number;
  /** True when the input failed validation and a fallback answered it (issue 6 rates). */
  invalid?: boolean;
  /** Set when an A/B experiment assigned this request to an arm (issue 7). */
  experimentId?: string;
  arm?: string;
  /** The experiment's outcome for this unit, once known (issue 7). */
  outcome?: number;
}

/**
 * A request rejected for invalid input (not in the prediction log, which holds answers only);
 * monitoring counts these for the validation-failure rate (issue 6).
 */
export interface ServingReject {
  id: string;
  deploymentId: string;
  at: number;
  rowKey: string;
  /** The validation errors, one sentence each. */
  errors: string[];
}

/**
 * One entry of the append-only audit trail (alerts, acknowledgements, experiment decisions,
 * retraining triggers, ...). `seq` is assigned by the store.
 */
export interface AuditEvent {
  seq?: number;
  at: number;
  /** What happened, dotted, e.g. `alert.raised`, `alert.acknowledged`, `experiment.decided`. */
  kind: string;
  /** The id of what it happened to (an alert, a monitor, an experiment, ...). */
  subject: string;
  /** One sentence for the audit view. */
  message: string;
  detail?: unknown;
}

/** A label/value pair of a model card section. */
export interface ModelCardFact {
  label: string;
  value: string;
}

/** One section of a model card; all text is plain (renderers escape it). */
export interface ModelCardSection {
  id: string;
  heading: string;
  paragraphs: string[];
  facts: ModelCardFact[];
  table?: { columns: string[]; rows: string[][] };
}

/** A model card as plain data (src/lib/registry/build-model-card.ts). */
export interface ModelCard {
  title: string;
  modelVersionId: string;
  createdAt: number;
  sections: ModelCardSection[];
}
