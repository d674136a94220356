/**
 * Benchtop's hyperparameter search core: search spaces, grid / random / TPE samplers, the median
 * pruner and the ask/tell study (Optuna's semantics; differences are noted in each module).
 * Plain data types live in src/lib/contracts/hpo.ts.
 */
export { validateSpace } from './validate-space';
export {
  paramStep,
  snapToStep,
  samplingBounds,
  fromSamplingSpace,
  isInDomain,
  uniformIndex,
  type NumericParam,
} from './param-scale';
export type { SamplerDescriptor, SampleContext } from './sampler';
export { getSampler, listSamplers } from './sampler-registry';
export { trialConcurrency, MIN_TRIALS_PER_THREAD } from './trial-concurrency';
export { gridSampler, gridSize, gridPoint, gridIndexOf } from './grid-sampler';
export { randomSampler, sampleRandomParams, sampleRandomValue } from './random-sampler';
export { tpeSampler, tpeGamma, splitTrials, TPE_DEFAULTS } from './tpe-sampler';
export {
  buildParzenEstimator,
  sampleParzen,
  parzenLogPdf,
  defaultWeights,
  type ParzenEstimator,
} from './parzen-estimator';
export { logNdtr, logGaussMass, truncnormLogPdf, truncnormPpf } from './truncnorm';
export type { PrunerDescriptor } from './pruner';
export { getPruner, listPruners } from './pruner-registry';
export {
  medianPruner,
  shouldPruneMedian,
  nanMedian,
  MEDIAN_PRUNER_DEFAULTS,
} from './median-pruner';
export {
  createStudy,
  studyFromJSON,
  trialRng,
  encodeJsonNumber,
  decodeJsonNumber,
  type Study,
  type StudyOptions,
  type TrialResult,
} from './study';
export { applyParams, parseHiddenUnits, knownParamNames } from './apply-params';
export { defaultSearchSpace } from './default-search-space';
export {
  sortTrials,
  optimizationHistory,
  type TrialSortKey,
  type HistoryPoint,
} from './trial-table';
export type * from '../contracts/hpo';
export {
  autoConfig,
  AUTO_BUDGET,
  AUTO_MLP_HIDDEN,
  AUTO_MLP_MIN_ROWS,
  type AutoConfigInput,
  type AutoConfigResult,
} from './auto-config';
