/**
 * Benchtop's statistics library: drift tests (Evidently's definitions, SciPy's numbers), A/B
 * statistics, the distributions they need, and the seeded generator. Definitions: STATS.md.
 */

// Seeded randomness
export { createRng, permutation, type Rng } from './rng';

// Distributions
export { normalCdf, normalSf, normalPpf, normalTwoSidedP } from './normal';
export { chiSquareSf } from './chi-square-distribution';
export { studentTSf, studentTTwoSidedP } from './student-t';
export { studentTPpf } from './student-t-ppf';
export { kolmogorovSf, kolmogorovCdf } from './kolmogorov';
export { kolmogorovNSf, kolmogorovNCdf } from './kolmogorov-n';
export { smirnovSf } from './smirnov';
export { betaProbGreater } from './beta-comparison';

// Profiles (sorted / counted samples, reusable across windows)
export {
  buildProfile,
  buildReferenceProfile,
  type ColumnKind,
  type Sample,
  type SampleProfile,
  type NumericProfile,
  type CategoricalProfile,
} from './profile';
export { sortFloat64 } from './sort-numeric';
export { mergeWalk, profileMergeWalk, type MergeWalkStats } from './merge-walk';
export {
  binnedShares,
  sturgesEdges,
  histogramSorted,
  fillZeros,
  type BinnedShares,
} from './binning';

// Drift tests
export {
  ksTwoSample,
  ksFromSorted,
  ksFromProfiles,
  ksStatisticFromWalk,
  ksStatisticFromSorted,
  ksPValue,
  KS_MAX_EXACT_N,
  type TestResult,
} from './ks-two-sample';
export {
  wassersteinDistance,
  wassersteinNormed,
  wassersteinFromSorted,
  wassersteinNormedFromProfiles,
} from './wasserstein';
export { psi, psiFromProfiles } from './psi';
export { jensenShannonDistance, jensenShannonFromProfiles } from './jensen-shannon';
export { chiSquareDrift, chiSquareFromProfiles } from './chi-square-drift';
export { binaryZTest, binaryZFromProfiles } from './binary-z-test';
export type { DriftTestName, DriftTestDescriptor, DriftDirection } from './drift-test';
export { getDriftTest, listDriftTests, registerDriftTest } from './drift-registry';
export {
  defaultDriftTest,
  chooseDefaultDriftTest,
  type DefaultDriftChoice,
} from './default-drift-test';
export {
  columnDrift,
  columnDriftWithProfile,
  driftBetweenProfiles,
  type ColumnDriftOptions,
  type ColumnDriftResult,
} from './column-drift';
export {
  datasetDrift,
  type DatasetDriftColumn,
  type DatasetDriftOptions,
  type DatasetDriftResult,
} from './dataset-drift';

// A/B statistics
export { proportionsZTest, type ProportionsZTestResult } from './proportions-z-test';
export { welchTTest, welchFromStats, type WelchTTestResult } from './welch-t-test';
export { sampleRatioMismatch, type SampleRatioMismatchResult } from './sample-ratio-mismatch';
export { probabilityBBeatsA, expectedLoss, type ExpectedLoss } from './bayesian-ab';
export { sampleSizeTwoProportions, type SampleSizeOptions } from './sample-size';
export {
  sequentialProportionsTest,
  sequentialMeansTest,
  DEFAULT_SEQUENTIAL_TAU,
  type SequentialOptions,
  type SequentialResult,
} from './sequential-test';
