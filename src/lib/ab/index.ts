/**
 * A/B tests between model versions (issue 7): deterministic assignment (GrowthBook's hash),
 * metric values from the prediction log, results in three views with the sample ratio check,
 * the power calculator and the peeking lab. Statistics: STATS.md "A/B statistics".
 */
export { fnv1a32, growthbookHash } from './hash';
export { assignArm, bucketRanges, checkWeights, chooseArm } from './assign-arm';
export { unitOf } from './unit-of';
export {
  checkMetric,
  listMetricSources,
  metricValue,
  registerMetricSource,
  type MetricSourceDescriptor,
} from './metric-sources';
export { collectUnits, type UnitRecord } from './collect-units';
export { armStats } from './arm-stats';
export { compareArms, type CompareOptions } from './compare-arms';
export { srmTest, SRM_THRESHOLD } from './srm';
export { computeResults, MAX_LOOKS, type ResultsOptions } from './compute-results';
export { sampleSizeTwoMeans, plannedSampleSize, type PowerInput, type PowerOptions } from './power';
export { explainBayesian, explainFrequentist, explainSequential, explainSrm } from './explain';
export { simulatePeeking, MAX_PEEKING_DRAWS } from './simulate-peeking';
export { checkExperiment } from './check-experiment';
