/**
 * Data quality (issue 3): validation checks and reports, expectation suites. Column profiles
 * live in `src/lib/data/profile.ts`. Thresholds and definitions: CHECKS.md.
 */
export {
  MAX_SAMPLE_ROWS,
  ALL_COLUMN_TYPES,
  matchingRows,
  percent,
  isMissingAt,
  type CheckContext,
  type ColumnCheckContext,
  type CheckDescriptor,
  type ColumnCheckDescriptor,
  type TableCheckDescriptor,
} from './check';
export { registerCheck, getCheck, listChecks } from './check-registry';
export { validationReport, type ValidationReportOptions } from './validation-report';

// Checks (one per file)
export { missingValuesCheck, MISSING_WARNING_SHARE, MISSING_ERROR_SHARE } from './missing-values';
export { constantColumnsCheck, NEAR_CONSTANT_SHARE } from './constant-columns';
export { duplicateRowsCheck, findDuplicateRows, DUPLICATE_ERROR_SHARE } from './duplicate-rows';
export { outliersCheck, IQR_MULTIPLIER, Z_LIMIT, OUTLIER_WARNING_SHARE } from './outliers';
export { typeMismatchCheck, TYPE_MISMATCH_SHARE } from './type-mismatch';
export {
  classImbalanceCheck,
  IMBALANCE_WARNING_SHARE,
  IMBALANCE_ERROR_SHARE,
} from './class-imbalance';
export {
  targetLeakageCheck,
  groupMajorityAccuracy,
  LEAKAGE_MIN_ACCURACY,
  LEAKAGE_MIN_ERROR_REDUCTION,
  LEAKAGE_MIN_ABS_R,
  LEAKAGE_BINS,
} from './target-leakage';
export { idLikeColumnsCheck } from './id-like-columns';
export { targetClasses, type TargetClasses } from './target-classes';

// Expectation suites
export {
  inferSuite,
  missingShareLimit,
  SUITE_MAX_SET_VALUES,
  SUITE_ROW_COUNT_FACTOR,
} from './infer-suite';
export { runSuite, EXPECTATION_EVALUATORS } from './run-suite';
export { validateSuite, reviseSuite } from './validate-suite';
export { displayValue, formatNumber } from './display-value';
