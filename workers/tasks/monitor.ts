/**
 * Monitoring (issue 6) in the compute worker: reference profiles, window reports over a
 * deployment's prediction log (incremental: only complete windows without a report), batch
 * checks of a stored dataset version, rules → alerts + audit events.
 *
 * Reference cache: the reference profile of a model version (its run's training rows, profiled
 * per monitored column, plus the model's predictions on them) is built on first use and kept in
 * this worker for its life, keyed by model version id. It is not stored in IndexedDB: it is a
 * pure function of immutable records (the dataset version, the run's split spec and the model),
 * so it can never be stale, and storing it would duplicate the training data (a 1M-row numeric
 * column is an 8 MB sorted copy) for a rebuild that costs one sort per column and one columnar
 * scoring pass. Every later window only profiles (sorts) its own values, as PERFORMANCE.md D1
 * asks (bench/d1-ui.ts measures it through the Monitor page's batch check).
 */
import type { InputRow } from '../../src/lib/contracts/compute';
import type {
  ModelVersion,
  Prediction,
  PredictionLogEntry,
} from '../../src/lib/contracts/entities';
import { InvalidArgumentError, NotFoundError } from '../../src/lib/contracts/errors';
import {
  PREDICTION_COLUMN,
  type Alert,
  type Monitor,
  type MonitorRunResult,
  type MonitorWindowReport,
} from '../../src/lib/contracts/monitoring';
import { transformRows, validateTrainingSetup, type Column } from '../../src/lib/data';
import {
  countRejects,
  getModelVersion,
  getMonitor,
  getRun,
  listMonitorReports,
  listPredictions,
  monitorAlertId,
  putMonitorReports,
  raiseAlerts,
  readServingState,
} from '../../src/lib/db';
import {
  buildMonitorReference,
  cellOf,
  columnsWindowReport,
  evaluateRules,
  featureColumns,
  logWindowReport,
  pendingWindows,
  predictionColumn,
  servingVersion,
  windowEntries,
  windowRates,
  type ColumnValues,
  type LabelledEntry,
  type MonitoredColumn,
  type ReferenceProfile,
} from '../../src/lib/monitor';
import { argmaxRows } from '../../src/lib/metrics';
import { predictBatch } from '../ml';
import { cellValue, loadTable, type LoadedTable } from './load-table';
import { computeSplit } from './prepare-data';
import { loadArtifactModel, predictRows } from './predict-rows';

const references = new Map<string, Promise<ReferenceProfile>>();
const versions = new Map<string, Promise<ModelVersion | undefined>>();

function versionOf(id: string): Promise<ModelVersion | undefined> {
  let v = versions.get(id);
  if (!v) {
    v = getModelVersion(id);
    versions.set(id, v);
    void v.then((x) => x || versions.delete(id));
  }
  return v;
}

/**
 * One monitored column's values at `rows` (null: every row, in order) of a stored table, as
 * {@link extractColumns} reads the same cells from log entries (missing: NaN / null).
 */
function tableColumn(
  table: LoadedTable,
  col: MonitoredColumn,
  rows: ArrayLike<number> | null,
): ColumnValues {
  const j = table.version.schema.findIndex((c) => c.name === col.name);
  const schema = table.version.schema[j];
  const data = table.columns[j];
  if (!schema || !data) {
    throw new NotFoundError(`column of dataset version ${table.version.id}`, col.name);
  }
  const n = rows ? rows.length : data.length;
  if (col.kind === 'numeric' && schema.encoding === 'f64') {
    if (!rows) return Float64Array.from(data);
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = data[rows[i]!]!;
    return out;
  }
  const at = rows ? (i: number) => data[rows[i]!]! : (i: number) => data[i]!;
  if (col.kind === 'numeric') {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = cellOf(cellValue(schema, at(i)), 'numeric') as number;
    return out;
  }
  const out: (string | null)[] = new Array<string | null>(n);
  for (let i = 0; i < n; i++) {
    const v = cellValue(schema, at(i));
    out[i] = v === null ? null : String(v);
  }
  return out;
}

/** Rows of a table as serving inputs for a signature. */
function inputRows(table: LoadedTable, version: ModelVersion, rows: ArrayLike<number>): InputRow[] {
  const { schema } = table.version;
  const fields = version.signature.inputs
    .map((f) => ({ name: f.name, j: schema.findIndex((c) => c.name === f.name) }))
    .filter((f) => f.j >= 0);
  return Array.from({ length: rows.length }, (_, i) => {
    const row: InputRow = {};
    for (const f of fields) {
      Object.defineProperty(row, f.name, {
        value: cellValue(schema[f.j]!, table.columns[f.j]![rows[i]!]!),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return row;
  });
}

/** A model's predictions on rows of a table: the prediction column and each row's output. */
interface Scored {
  values: ColumnValues;
  output(i: number): PredictionLogEntry['output'];
}

/**
 * Scores rows of a stored table with a model version. Column by column (the training encoder
 * `transformRows`, then one `predictBatch`) when the table has every column the model's
 * preprocessing reads, with the encoding it was fitted on: the same vectors as the serving
 * encoder gives for the same cells, without a row object per row. Otherwise row by row through
 * the serving path (which parses text cells and names a bad or absent field).
 */
async function scoreTable(
  version: ModelVersion,
  table: LoadedTable,
  rows: Int32Array,
): Promise<Scored> {
  const column = predictionColumn(version.signature);
  const { artifact, model } = await loadArtifactModel(version.artifactId);
  const spec = artifact.preprocessing;
  let x: Float32Array | null = null;
  try {
    x = transformRows(spec, table.version.schema, table.columns as Column[], rows);
  } catch (e) {
    if (!(e instanceof InvalidArgumentError)) throw e;
  }
  if (!x) return scoreRows(version, inputRows(table, version, rows));
  const task = version.signature.target.task;
  const out = await predictBatch(model, x, rows.length, spec.outputWidth, task);
  if (column.kind === 'numeric') {
    const { mean, std } = spec.target ?? { mean: 0, std: 1 };
    const values = Float64Array.from(out, (v) => v * std + mean);
    return { values, output: (i) => ({ label: values[i]!.toPrecision(6), value: values[i]! }) };
  }
  const labels = version.signature.target.labels ?? [];
  const k = out.length / Math.max(rows.length, 1);
  const best = argmaxRows(out, k);
  const labelOf = (b: number) => labels[b] ?? String(b);
  return {
    values: Array.from(best, labelOf),
    output: (i) => ({
      label: labelOf(best[i]!),
      value: best[i]!,
      probabilities: Array.from(out.subarray(i * k, (i + 1) * k)),
    }),
  };
}

/** Scores serving inputs in batches (the row path of {@link scoreTable}). */
async function scoreRows(version: ModelVersion, rows: InputRow[]): Promise<Scored> {
  const column = predictionColumn(version.signature);
  const predictions: Prediction[] = [];
  const BATCH = 4096;
  for (let i = 0; i < rows.length; i += BATCH) {
    predictions.push(
      ...(await predictRows(version.artifactId, version.id, rows.slice(i, i + BATCH))),
    );
  }
  return {
    values:
      column.kind === 'numeric'
        ? Float64Array.from(predictions, (p) => p.value)
        : predictions.map((p) => p.label),
    output: (i) => {
      const p = predictions[i]!;
      return p.probabilities
        ? { label: p.label, value: p.value, probabilities: p.probabilities }
        : { label: p.label, value: p.value };
    },
  };
}

/**
 * The reference profile of a model version, from the cache or built once (see the module doc).
 * @param modelVersionId the model version
 * @returns its reference profile
 * @throws NotFoundError when the version, its run or its dataset version is missing
 */
export function referenceFor(modelVersionId: string): Promise<ReferenceProfile> {
  let found = references.get(modelVersionId);
  if (!found) {
    found = buildReference(modelVersionId);
    references.set(modelVersionId, found);
    found.catch(() => references.delete(modelVersionId));
  }
  return found;
}

async function buildReference(modelVersionId: string): Promise<ReferenceProfile> {
  const version = await versionOf(modelVersionId);
  if (!version) throw new NotFoundError('model version', modelVersionId);
  const run = await getRun(version.runId);
  if (!run) throw new NotFoundError(`run of model version ${modelVersionId}`, version.runId);
  const table = await loadTable(run.datasetVersionId);
  const { schema } = table.version;
  const setup = validateTrainingSetup({
    schema,
    target: run.target,
    features: run.features,
    targetColumn:
      table.columns[schema.findIndex((c) => c.name === run.target)] ?? new Float64Array(0),
    // No `columns`: the split needs only the target's rows, and counting every feature's
    // distinct values (to explain left-out features) costs seconds on a million rows.
  });
  const rows = computeSplit(table.version, table.columns, setup, run.split).split.train;
  const columns = featureColumns(version.signature);
  const values = new Map(columns.map((c) => [c.name, tableColumn(table, c, rows)]));
  const prediction = {
    column: predictionColumn(version.signature),
    values: (await scoreTable(version, table, rows)).values,
  };
  return buildMonitorReference(modelVersionId, columns, values, prediction);
}

async function monitorAndVersion(
  monitorId: string,
): Promise<{ monitor: Monitor; primary: string | null }> {
  const monitor = await getMonitor(monitorId);
  if (!monitor) throw new NotFoundError('monitor', monitorId);
  const { deployment, primaryVersionId } = await readServingState(monitor.deploymentId);
  if (!deployment) throw new NotFoundError('deployment', monitor.deploymentId);
  return { monitor, primary: primaryVersionId };
}

function labelsOf(version: ModelVersion | undefined): readonly string[] {
  return version?.signature.target.labels ?? [];
}

async function alertsFor(monitor: Monitor, reports: MonitorWindowReport[]): Promise<Alert[]> {
  const alerts: Alert[] = reports.flatMap((report) =>
    evaluateRules(monitor.rules, report).map((f) => ({
      // One alert per (monitor, window, rule): recomputing a window raises nothing new.
      id: monitorAlertId(report.id, f.rule.id),
      createdAt: Date.now(),
      source: {
        kind: 'monitor' as const,
        monitorId: monitor.id,
        reportId: report.id,
        ruleId: f.rule.id,
      },
      severity: f.rule.severity,
      message: `${monitor.name}, ${f.message}`,
      value: f.value,
      threshold: f.rule.threshold,
      acknowledgedAt: null,
    })),
  );
  return raiseAlerts(alerts);
}

/**
 * Runs a monitor over its deployment's prediction log: every complete window without a report
 * (all complete windows with `recompute`) gets a report against the reference of the version
 * that answered it; the rules are evaluated on each new report and raise alerts (with audit
 * events). Alerts are idempotent per (monitor, window, rule): a recomputed window that still
 * breaks a rule raises nothing new (the stored alert keeps its acknowledgement); one that no
 * longer breaks it keeps its historical alert (it was raised and audited at the time).
 * @param monitorId the monitor
 * @param options `recompute`: replace existing reports (e.g. after changing tests)
 * @returns the new reports, the alerts raised for the first time, and the window counts
 * @throws NotFoundError for a missing monitor, deployment, model version or training data
 */
export async function runMonitor(
  monitorId: string,
  options: { recompute?: boolean } = {},
): Promise<MonitorRunResult> {
  const { monitor } = await monitorAndVersion(monitorId);
  // Newest first from the store; windowEntries sorts into log order itself.
  // (IndexedDB's getAll count is an unsigned long: 2^32 − 1 is "everything".)
  const entries = await listPredictions(monitor.deploymentId, { limit: 0xffff_ffff });
  const now = Date.now();
  const windows = windowEntries(entries, monitor.window, now);
  const reported = new Set(
    options.recompute
      ? []
      : (await listMonitorReports(monitorId))
          .filter((r) => r.source === 'log')
          .map((r) => r.window.index),
  );
  const reports: MonitorWindowReport[] = [];
  for (const w of pendingWindows(windows, reported)) {
    const started = performance.now();
    const versionId = servingVersion(w.entries)!;
    const [reference, version] = await Promise.all([referenceFor(versionId), versionOf(versionId)]);
    const labels = new Map<string, readonly string[]>();
    for (const e of w.entries) {
      if (!labels.has(e.modelVersionId))
        labels.set(e.modelVersionId, labelsOf(await versionOf(e.modelVersionId)));
    }
    // Time windows end before `to`; count windows end at their last entry.
    const to = monitor.window.kind === 'time' ? w.to - 1 : w.to;
    const report = logWindowReport({
      id: `${monitorId}:${w.index}`,
      monitor,
      reference,
      task: version!.signature.target.task,
      labelsOf: (id) => labels.get(id) ?? [],
      window: { index: w.index, from: w.from, to: w.to },
      entries: w.entries,
      rejected: await countRejects(monitor.deploymentId, w.from, to),
      now,
    });
    report.durationMs = performance.now() - started;
    reports.push(report);
  }
  await putMonitorReports(reports);
  const alerts = await alertsFor(monitor, reports);
  return {
    reports,
    alerts,
    windows: windows.length,
    open: windows.filter((w) => !w.complete).length,
  };
}

/**
 * Checks a stored dataset version as one batch against the reference of the deployment's
 * current primary version: drift of every monitored column, the primary's predictions on the
 * batch against its predictions on the training rows, and performance when the batch has the
 * target column. The batch is read and scored column by column (see {@link scoreTable}), so a
 * million-row batch costs a few column copies, one forward pass and the drift tests, not a
 * million log entries. The report is stored and the rules are evaluated.
 * @param monitorId the monitor
 * @param datasetVersionId the batch
 * @returns the report and the alerts raised
 * @throws NotFoundError for a missing monitor, deployment, primary, dataset version or column
 */
export async function checkBatch(
  monitorId: string,
  datasetVersionId: string,
): Promise<{ report: MonitorWindowReport; alerts: Alert[] }> {
  const started = performance.now();
  const { monitor, primary } = await monitorAndVersion(monitorId);
  if (!primary)
    throw new NotFoundError('primary version of the monitored deployment', monitor.deploymentId);
  const [reference, version] = await Promise.all([referenceFor(primary), versionOf(primary)]);
  if (!version) throw new NotFoundError('model version', primary);
  const table = await loadTable(datasetVersionId);
  const n = table.version.rowCount;
  const rows = Int32Array.from({ length: n }, (_, i) => i);
  const scored = await scoreTable(version, table, rows);
  // Read column by column: a million-row batch never becomes a million log entries.
  const current = new Map<string, ColumnValues>(
    reference.columns.map((c) => [c.name, tableColumn(table, c, null)]),
  );
  if (reference.prediction) current.set(PREDICTION_COLUMN, scored.values);
  // Performance from the batch's target column, when it has one.
  const target = version.signature.target.name;
  const targetIndex = table.version.schema.findIndex((c) => c.name === target);
  const labelled: LabelledEntry[] = [];
  if (targetIndex >= 0) {
    const schema = table.version.schema[targetIndex]!;
    const data = table.columns[targetIndex]!;
    for (let i = 0; i < n; i++) {
      const label = cellValue(schema, data[i]!);
      if (label !== null)
        labelled.push({ label, output: scored.output(i), modelVersionId: primary });
    }
  }
  const now = Date.now();
  const report: MonitorWindowReport = {
    ...columnsWindowReport({
      id: `${monitorId}:batch:${crypto.randomUUID()}`,
      monitor,
      reference,
      task: version.signature.target.task,
      labelsOf: () => labelsOf(version),
      window: { index: -1, from: now, to: now, n },
      current,
      labelled,
      // Every row is answered by the primary; nothing is rejected or falls back.
      rates: windowRates([], 0),
      rejected: 0,
      now,
    }),
    source: 'batch',
    datasetVersionId,
  };
  report.durationMs = performance.now() - started;
  await putMonitorReports([report]);
  return { report, alerts: await alertsFor(monitor, [report]) };
}

/** For tests: forget cached references. */
export function clearReferenceCache(): void {
  references.clear();
  versions.clear();
}
