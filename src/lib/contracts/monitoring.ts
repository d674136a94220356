/**
 * Monitoring (issue 6): monitors over a deployment's prediction log, their window reports, alert
 * rules and alerts. Plain data; stored in the `monitors`, `monitorReports` and `alerts` tables
 * (schema v5).
 */
import type { DriftTestName } from '../stats/drift-test';

/**
 * How the prediction log is cut into windows: every `size` entries (in log time order), or every
 * `ms` of log time (windows aligned on multiples of `ms` since the epoch, so indices are stable).
 */
export type MonitorWindow = { kind: 'count'; size: number } | { kind: 'time'; ms: number };

/** Per-column drift settings (absent = the STATS.md default test and threshold). */
export interface MonitorColumnSetting {
  test?: DriftTestName;
  threshold?: number;
  /** false: the column is left out of the report. */
  enabled?: boolean;
}

/** What an alert rule watches. */
export type AlertMetric =
  | 'driftShare'
  | 'columnDrift'
  | 'predictionDrift'
  | 'performance'
  | 'validationFailureRate'
  | 'fallbackRate';

export interface AlertRule {
  id: string;
  metric: AlertMetric;
  /** `columnDrift`: the column ('*' = any column). */
  column?: string;
  /** `performance`: the metric name (e.g. `accuracy`). */
  performanceMetric?: string;
  /** Fires when value `op` threshold. */
  op: '>' | '>=' | '<' | '<=';
  threshold: number;
  severity: 'warning' | 'critical';
}

/** The key under which the predictions' own drift settings are kept in `Monitor.columns`. */
export const PREDICTION_COLUMN = '(prediction)';

/** A monitor: what to compare, how, and when to alert. */
export interface Monitor {
  id: string;
  name: string;
  deploymentId: string;
  createdAt: number;
  window: MonitorWindow;
  /** Column name (or {@link PREDICTION_COLUMN}) → settings. */
  columns: Record<string, MonitorColumnSetting>;
  /** Dataset drift when at least this share of columns drifted (Evidently: 0.5). */
  driftShare: number;
  rules: AlertRule[];
  /**
   * Retraining policy: `datasetId` is the dataset whose newest version a retrain uses; with
   * `auto`, a firing rule retrains the champion's configuration on it and registers `challenger`.
   */
  retrain: { auto: boolean; datasetId: string | null };
  /** Also raise browser notifications (when permitted). */
  notify: boolean;
}

/** An alert raised by a rule (monitoring) or another source (an A/B experiment's SRM check). */
export interface Alert {
  id: string;
  createdAt: number;
  source:
    | { kind: 'monitor'; monitorId: string; reportId: string; ruleId: string }
    | {
        kind: 'experiment';
        experimentId: string;
      };
  severity: 'warning' | 'critical';
  message: string;
  value: number | null;
  threshold: number | null;
  acknowledgedAt: number | null;
}

/** One column's (or the predictions') drift in a window. */
export interface MonitorColumnReport {
  column: string;
  kind: 'numeric' | 'categorical';
  test: DriftTestName;
  /** Human-readable test name. */
  testLabel: string;
  value: number;
  threshold: number;
  drift: boolean;
  /** Why this test (the STATS.md default rule, or the user's choice). */
  why: string;
  /** Values in the current window that were missing (dropped before the test). */
  missing: number;
  /** Reference vs current shares per bin (numeric) or category, for the distribution plot. */
  distribution: { bins: string[]; reference: number[]; current: number[] };
}

/** A metric of a window with its 95% bootstrap interval (null: undefined on these rows). */
export interface WindowMetric {
  value: number | null;
  lo: number | null;
  hi: number | null;
}

/** Performance of a window's labelled entries. */
export interface WindowPerformance {
  /** Labelled entries used. */
  n: number;
  metrics: Record<string, WindowMetric>;
  /** Labels seen in the window that the model does not know (scored as wrong). */
  unknownLabels: string[];
}

/** The report of one window of a monitor. */
export interface MonitorWindowReport {
  id: string;
  monitorId: string;
  createdAt: number;
  /** `log`: a window of the prediction log; `batch`: an uploaded dataset version. */
  source: 'log' | 'batch';
  /** The dataset version checked (`batch` only). */
  datasetVersionId?: string;
  /** The model version whose training data is the reference. */
  modelVersionId: string;
  /**
   * The window: its stable index (`batch`: -1), its span of log time (ms; count windows: first
   * and last entry) and its number of entries.
   */
  window: { index: number; from: number; to: number; n: number };
  columns: MonitorColumnReport[];
  prediction: MonitorColumnReport | null;
  driftShare: number;
  datasetDrift: boolean;
  /** Metrics with 95% CIs once labels are attached (null: no labels in the window). */
  performance: WindowPerformance | null;
  /** Share of requests in the window whose input failed validation (rejected or fallback). */
  validationFailureRate: number;
  /** Share of logged entries in the window answered by a fallback. */
  fallbackRate: number;
  /** Requests rejected for invalid input in the window's time span (not in the log). */
  rejected: number;
  durationMs: number;
}

/** What one monitor run produced. */
export interface MonitorRunResult {
  /** Reports computed in this run. */
  reports: MonitorWindowReport[];
  /** Alerts raised in this run (not those a recomputed window had raised before). */
  alerts: Alert[];
  /** Windows in the log, and how many of them are still open (waiting for more entries). */
  windows: number;
  open: number;
}
