/**
 * Monitoring (issue 6): windows of the prediction log, monitored columns, the window report from
 * a cached reference profile (drift per column and of the predictions, dataset drift, performance
 * with bootstrap intervals, serving rates) and alert rules.
 */
export {
  windowEntries,
  pendingWindows,
  checkWindow,
  compareLogOrder,
  type LogWindow,
  type Timed,
} from './window-entries';
export {
  columnKindOf,
  featureColumns,
  predictionColumn,
  cellOf,
  extractColumns,
  type MonitoredColumn,
  type ColumnValues,
} from './monitored-columns';
export {
  buildMonitorReference,
  type ReferenceColumn,
  type ReferenceProfile,
} from './reference-profile';
export { distributionOf, MAX_PLOT_BINS, type Distribution } from './distribution';
export { windowDrift, columnReport, type WindowDrift } from './window-drift';
export {
  windowPerformance,
  type WindowPerformanceOptions,
  type LabelledEntry,
} from './window-performance';
export { windowRates, type WindowRates } from './window-rates';
export {
  logWindowReport,
  columnsWindowReport,
  servingVersion,
  type LogWindowInput,
  type ColumnsWindowInput,
} from './window-report';
export {
  alertMetric,
  listAlertMetrics,
  type AlertMetricDescriptor,
  type WatchedValue,
} from './alert-metrics';
export { evaluateRules, checkRule, type FiredRule } from './evaluate-rules';
export { checkMonitor } from './check-monitor';
export { DRIFT_TEST_CHOICES, driftTestChoice, type DriftTestChoice } from './drift-test-choices';
