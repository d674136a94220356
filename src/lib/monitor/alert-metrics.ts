/**
 * The registry of what alert rules can watch: each {@link AlertMetric} declares a label and how
 * to read its values from a window report (one value per watched subject, e.g. per column).
 */
import type { AlertMetric, AlertRule, MonitorWindowReport } from '../contracts/monitoring';
import { InvalidArgumentError } from '../contracts/errors';

/** One value a rule compares, and what it is about (for the alert's message). */
export interface WatchedValue {
  subject: string;
  value: number;
}

/** How a metric is read from a report. */
export interface AlertMetricDescriptor {
  metric: AlertMetric;
  /** For the rule editor, e.g. "Share of drifted columns". */
  label: string;
  /** What the value means, for the rule editor. */
  help: string;
  /** The values to compare (none: nothing to compare in this report, the rule stays quiet). */
  read(rule: AlertRule, report: MonitorWindowReport): WatchedValue[];
}

const descriptors: AlertMetricDescriptor[] = [
  {
    metric: 'driftShare',
    label: 'Share of drifted columns',
    help: 'drifted feature columns / reported feature columns, 0–1',
    read: (_, r) => [{ subject: 'drift share', value: r.driftShare }],
  },
  {
    metric: 'columnDrift',
    label: 'Column drift',
    help: "1 when the column drifted by its test and threshold, else 0 ('*': any column)",
    read: (rule, r) =>
      r.columns
        .filter((c) => rule.column === undefined || rule.column === '*' || rule.column === c.column)
        .map((c) => ({
          subject: `column ${c.column} drift (${c.testLabel})`,
          value: c.drift ? 1 : 0,
        })),
  },
  {
    metric: 'predictionDrift',
    label: 'Prediction drift',
    help: 'the predictions’ distribution: 1 when it drifted by its test and threshold, else 0',
    read: (_, r) =>
      r.prediction
        ? [
            {
              subject: `prediction drift (${r.prediction.testLabel})`,
              value: r.prediction.drift ? 1 : 0,
            },
          ]
        : [],
  },
  {
    metric: 'performance',
    label: 'Performance metric',
    help: 'a metric of the labelled entries (e.g. accuracy, rmse)',
    read: (rule, r) => {
      const m = rule.performanceMetric ? r.performance?.metrics[rule.performanceMetric] : undefined;
      return m && m.value !== null ? [{ subject: rule.performanceMetric!, value: m.value }] : [];
    },
  },
  {
    metric: 'validationFailureRate',
    label: 'Validation failure rate',
    help: 'requests whose input failed validation / requests, 0–1',
    read: (_, r) => [{ subject: 'validation failure rate', value: r.validationFailureRate }],
  },
  {
    metric: 'fallbackRate',
    label: 'Fallback rate',
    help: 'entries answered by a fallback / entries, 0–1',
    read: (_, r) => [{ subject: 'fallback rate', value: r.fallbackRate }],
  },
];

const registry = new Map(descriptors.map((d) => [d.metric, d]));

/**
 * The descriptor of an alert metric.
 * @param metric the metric
 * @returns its descriptor
 * @throws {InvalidArgumentError} for a metric that is not registered
 * @example
 * alertMetric('fallbackRate').label // 'Fallback rate'
 */
export function alertMetric(metric: AlertMetric | string): AlertMetricDescriptor {
  const d = registry.get(metric as AlertMetric);
  if (!d) {
    throw new InvalidArgumentError(
      'alert metric',
      metric,
      `must be one of ${[...registry.keys()].join(', ')}`,
    );
  }
  return d;
}

/**
 * Every alert metric, in display order.
 * @returns the descriptors
 * @example
 * listAlertMetrics().map((d) => d.metric) // ['driftShare', 'columnDrift', ...]
 */
export function listAlertMetrics(): AlertMetricDescriptor[] {
  return [...descriptors];
}
