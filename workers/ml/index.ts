/**
 * tfjs code of the compute worker: backend choice, model building, training, scoring and
 * (de)serialisation. Plain typed arrays in and out; no DOM, no Dexie.
 */
export { BACKEND_LABEL, currentTensorCount, selectBackend } from './backend';
export { buildModel, outputUnits, MAX_UNITS } from './model';
export { fit } from './fit';
export type { FitData, FitOptions, FitResult } from './fit-data';
export { predictBatch, predictClasses } from './predict';
export { modelFromArtifacts, modelToArtifacts } from './serialize';
export type { ModelArtifactsData } from './serialize';
export { closeScorePool, predictBatchParallel, scorePoolStats } from './score-pool';
export { availableThreads, MAX_THREADS } from './parallelism';
