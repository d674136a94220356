/**
 * Monitoring (issue 6): monitors over a deployment's prediction log, their window reports, alert
 * rules and alerts. Plain data; stored in the `monitors`, `monitorReports` and `alerts` tables
 * (schema v5). The monitoring work owns this file and may extend these shapes.
 */
import type { DriftTestName } from '../stats/drift-test';

/** How the prediction log is cut into windows: every `size` entries, or every `ms` of time. */
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

/** A monitor: what to compare, how, and when to alert. */
export interface Monitor {
  id: string;
  name: string;
  deploymentId: string;
  createdAt: number;
  window: MonitorWindow;
  columns: Record<string, MonitorColumnSetting>;
  /** Dataset drift when at least this share of columns drifted (Evidently: 0.5). */
  driftShare: number;
  rules: AlertRule[];
  /** Retraining policy: automatic retrain to `challenger` when a rule fires. */
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
  /** Reference vs current shares per bin (numeric) or category, for the distribution plot. */
  distribution: { bins: string[]; reference: number[]; current: number[] };
}

/** The report of one window of a monitor. */
export interface MonitorWindowReport {
  id: string;
  monitorId: string;
  createdAt: number;
  source: 'log' | 'batch';
  window: { index: number; from: number; to: number; n: number };
  columns: MonitorColumnReport[];
  prediction: MonitorColumnReport | null;
  driftShare: number;
  datasetDrift: boolean;
  /** Metrics with 95% CIs once labels are attached (null: no labels in the window). */
  performance: {
    n: number;
    metrics: Record<string, { value: number | null; lo: number | null; hi: number | null }>;
  } | null;
  validationFailureRate: number;
  fallbackRate: number;
  durationMs: number;
}
