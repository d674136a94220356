/**
 * A/B tests between model versions (issue 7). Plain data; stored in the `experiments` table
 * (schema v5); assignments and outcomes are fields of prediction-log entries
 * (`experimentId`, `arm`, `outcome`). Statistics: STATS.md "A/B statistics"; pure logic in
 * `src/lib/ab/`.
 */

/** One arm: a model version and its share of the traffic. The first arm is the control. */
export interface AbArm {
  name: string;
  modelVersionId: string;
  /** Share of units, 0..1; the arms' weights sum to 1. */
  weight: number;
}

/**
 * Where a metric's per-unit value comes from (see `src/lib/ab/metric-sources.ts`):
 * - `label`: the attached true label; conversion = label equals `positive`, mean = the label as
 *   a number;
 * - `correct`: conversion = the answering version's prediction equals the attached label;
 * - `column`: the replayed / uploaded outcome column (the log entry's `outcome` for the primary
 *   metric, else the logged input field of that name);
 * - `latency`: the serving latency in ms (mean).
 */
export type AbMetricSource =
  | { kind: 'label'; positive?: string | number }
  | { kind: 'correct' }
  | { kind: 'column'; column: string }
  | { kind: 'latency' };

/** A metric of an experiment. */
export interface AbMetric {
  name: string;
  /** conversion: a 0/1 outcome per unit (proportions); mean: a numeric outcome (Welch). */
  kind: 'conversion' | 'mean';
  source: AbMetricSource;
  higherIsBetter: boolean;
}

export interface AbDecision {
  at: number;
  action: 'promote' | 'rollback' | 'stop';
  arm: string | null;
  modelVersionId: string | null;
  reason: string;
  /** Set when the decision was taken while the sample ratio mismatch check fired. */
  srmOverride?: string;
  /** The statistics shown when the decision was taken. */
  stats: AbResults | null;
}

export interface AbExperiment {
  id: string;
  name: string;
  createdAt: number;
  deploymentId: string;
  modelName: string;
  arms: AbArm[];
  /** The unit key: a column of the input, or the generated row key. */
  unitKey: { kind: 'column'; column: string } | { kind: 'generated' };
  /** Salt of the deterministic hash assignment (GrowthBook's `seed`). */
  salt: string;
  primary: AbMetric;
  guardrails: AbMetric[];
  plannedSampleSize: number | null;
  status: 'draft' | 'running' | 'stopped' | 'decided';
  startedAt: number | null;
  decision: AbDecision | null;
}

/** Per-arm summary of one metric over the units with a value. */
export interface AbArmStats {
  arm: string;
  /** Units with a value of this metric. */
  n: number;
  /** Sum of the values (conversions for a conversion metric). */
  sum: number;
  mean: number;
  /** Sample variance (ddof 1); 0 with fewer than 2 units. */
  variance: number;
}

/** One treatment arm against the control on one metric. */
export interface AbComparison {
  arm: string;
  control: string;
  /** Estimated difference treatment − control. */
  diff: number;
  /** Relative difference (diff / control mean); null when the control mean is 0. */
  lift: number | null;
  frequentist: {
    test: 'z' | 'welch';
    statistic: number;
    pValue: number;
    ci95: [number, number];
    significant: boolean;
  } | null;
  bayesian: {
    /** P(treatment is better than control), in the metric's better direction. */
    probabilityBetter: number;
    /** Expected loss (in metric units) of shipping the treatment / keeping the control. */
    lossTreatment: number;
    lossControl: number;
    model: 'beta-binomial' | 'normal';
  } | null;
  sequential: { pValue: number; ci: [number, number]; reject: boolean } | null;
  /** Why a view is missing (too few units, no variation), when one is. */
  note: string | null;
  /** treatment better / worse / no significant difference (sequential view decides). */
  verdict: 'better' | 'worse' | 'inconclusive';
}

export interface AbMetricResult {
  metric: AbMetric;
  arms: AbArmStats[];
  comparisons: AbComparison[];
}

/** One look of the over-time series: cumulative estimate and intervals of a comparison. */
export interface AbLook {
  at: number;
  units: number;
  arm: string;
  diff: number;
  ci95: [number, number] | null;
  sequentialCi: [number, number] | null;
}

export interface AbSrm {
  counts: Record<string, number>;
  expectedShares: Record<string, number>;
  chi2: number;
  pValue: number;
  /** p < threshold (0.001, as GrowthBook): results are not trustworthy. */
  mismatch: boolean;
  threshold: number;
}

export interface AbResults {
  experimentId: string;
  computedAt: number;
  /** Distinct units per arm (all units, with or without outcomes). */
  units: Record<string, number>;
  totalUnits: number;
  srm: AbSrm | null;
  primary: AbMetricResult;
  guardrails: AbMetricResult[];
  /** Looks over time on the primary metric, oldest first. */
  series: AbLook[];
  alpha: number;
}

/** A fault injected into replayed traffic for workshops: drop logged units of one arm. */
export interface AbTrafficFault {
  arm: string;
  /** Share (0..1) of that arm's units whose log entries are dropped (a logging bug). */
  dropShare: number;
}

/** Options of the peeking lab. */
export interface PeekingOptions {
  experiments: number;
  looks: number;
  /** Units per arm added between looks. */
  batch: number;
  rateA: number;
  rateB: number;
  alpha: number;
  seed: number;
  tau?: number;
}

export interface PeekingResult {
  options: PeekingOptions;
  /** Share of experiments the naive z-test declared significant at any look. */
  naiveRejectRate: number;
  /** Same for the always-valid sequential test. */
  sequentialRejectRate: number;
  /** Share declared significant by one fixed-horizon test at the last look only. */
  fixedHorizonRejectRate: number;
  /** Cumulative share rejected by look k (1-based), naive and sequential. */
  byLook: { look: number; naive: number; sequential: number }[];
}
