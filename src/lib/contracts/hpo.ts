/**
 * Hyperparameter search as plain data (issue 4 item 3): search spaces, trials and a study's
 * stored state. These cross the train worker's boundary and are what IndexedDB keeps, so they
 * are structured-clone-safe records with no functions, Maps or class instances. The logic lives
 * in src/lib/hpo/.
 */

/** A value a parameter can take. */
export type ParamValue = number | string | boolean;

/**
 * One trial's parameter values by name. Plain objects: `validateSpace` rejects the name
 * `__proto__`, the only key an assignment cannot create as an own property.
 */
export type Params = Record<string, ParamValue>;

/**
 * A float parameter in `[low, high]` (Optuna's `suggest_float`).
 * - `log`: sampled uniformly in log space; needs `low > 0`; not combinable with `step`.
 * - `step`: values are `low + k * step`; `high - low` must be a multiple of `step`.
 * - `gridPoints`: how many values the grid sampler tries (evenly spaced, log-spaced when `log`,
 *   snapped to `step` when set). Needed for the grid sampler when there is no `step`.
 */
export interface FloatParam {
  name: string;
  kind: 'float';
  low: number;
  high: number;
  log?: boolean;
  step?: number;
  gridPoints?: number;
}

/**
 * An integer parameter in `[low, high]` (Optuna's `suggest_int`); `step` defaults to 1 and must be
 * 1 when `log` is set. The grid sampler tries every step unless `gridPoints` is given.
 */
export interface IntParam {
  name: string;
  kind: 'int';
  low: number;
  high: number;
  log?: boolean;
  step?: number;
  gridPoints?: number;
}

/** A categorical parameter (Optuna's `suggest_categorical`); choices are distinct. */
export interface CategoricalParam {
  name: string;
  kind: 'categorical';
  choices: ParamValue[];
}

export type SearchParam = FloatParam | IntParam | CategoricalParam;

/** A search space: the parameters, in the order they are sampled and shown. */
export type SearchSpace = SearchParam[];

export type Direction = 'minimize' | 'maximize';

/** Ids of the registered samplers (src/lib/hpo/sampler-registry.ts). */
export type SamplerId = 'grid' | 'random' | 'tpe';

/**
 * Tuning knobs of the samplers; every field optional, Optuna's defaults apply. Each sampler reads
 * the fields it knows.
 */
export interface SamplerOptions {
  /** TPE: trials sampled at random before the model is used (Optuna: 10). */
  nStartupTrials?: number;
  /** TPE: candidates drawn from l(x) per parameter (Optuna: 24). */
  nEiCandidates?: number;
  /** TPE: weight of the prior kernel (Optuna: 1.0). */
  priorWeight?: number;
  /**
   * TPE: model the parameters jointly (one kernel per trial over all parameters) instead of one
   * at a time. Default false, Optuna 4's default; Optuna 5 defaults to true.
   */
  multivariate?: boolean;
  /**
   * TPE: count running trials as bad ones, so trials running in parallel spread out instead of
   * crowding one region. Default false, Optuna 4's default; Optuna 5 defaults to true.
   */
  constantLiar?: boolean;
}

/** A pruner and its options (src/lib/hpo/pruner-registry.ts). */
export interface PrunerSpec {
  id: 'median';
  /** Completed trials needed before anything is pruned (Optuna: 5). */
  nStartupTrials?: number;
  /** Steps of each trial never pruned (Optuna: 0). */
  nWarmupSteps?: number;
  /** Prune only every this many steps after the warm-up (Optuna: 1). */
  intervalSteps?: number;
  /** Trials that must have reported a step for the median there to count (Optuna: 1). */
  nMinTrials?: number;
}

export type TrialState = 'running' | 'complete' | 'pruned' | 'failed';

/** One intermediate value reported by a running trial (e.g. validation loss after an epoch). */
export interface IntermediateValue {
  step: number;
  value: number;
}

/** One trial of a study; each trial is one training run. */
export interface Trial {
  /** 0-based, in the order trials were asked for. */
  number: number;
  params: Params;
  state: TrialState;
  /**
   * The objective: set when complete; for a pruned trial, its last intermediate value (as
   * Optuna records it) unless that is NaN.
   */
  value?: number;
  /** Reported intermediate values, in report order, one per step. */
  intermediate: IntermediateValue[];
}

/**
 * A number that survives `JSON.stringify`: finite numbers as they are, NaN and the infinities as
 * strings.
 */
export type JsonNumber = number | 'NaN' | 'Infinity' | '-Infinity';

/** A trial as stored in {@link StudyState}. */
export interface StoredTrial {
  number: number;
  params: Params;
  state: TrialState;
  value?: JsonNumber;
  intermediate: { step: number; value: JsonNumber }[];
}

/** Everything needed to resume a study; JSON-safe (`JSON.parse(JSON.stringify(s))` equals s). */
export interface StudyState {
  format: 'benchtop-study@1';
  space: SearchSpace;
  sampler: SamplerId;
  samplerOptions: SamplerOptions;
  seed: number;
  direction: Direction;
  budget: number;
  pruner: PrunerSpec | null;
  trials: StoredTrial[];
}
