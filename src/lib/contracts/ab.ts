/**
 * A/B tests between model versions (issue 7). Plain data; stored in the `experiments` table
 * (schema v5); assignments and outcomes are fields of prediction-log entries
 * (`experimentId`, `arm`, `outcome`). The A/B work owns this file and may extend these shapes.
 */

/** One arm: a model version and its share of the traffic. */
export interface AbArm {
  name: string;
  modelVersionId: string;
  /** Share of units, 0..1; the arms' weights sum to 1. */
  weight: number;
}

/** A metric of an experiment: from attached labels or an outcome column of the traffic. */
export interface AbMetric {
  name: string;
  /** conversion: a 0/1 outcome per unit (proportions); mean: a numeric outcome (Welch). */
  kind: 'conversion' | 'mean';
  source: { kind: 'label'; positive?: string | number } | { kind: 'column'; column: string };
  higherIsBetter: boolean;
}

export interface AbDecision {
  at: number;
  action: 'promote' | 'rollback' | 'stop';
  arm: string | null;
  modelVersionId: string | null;
  reason: string;
  /** The statistics shown when the decision was taken. */
  stats: unknown;
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
  /** Salt of the deterministic hash assignment. */
  salt: string;
  primary: AbMetric;
  guardrails: AbMetric[];
  plannedSampleSize: number | null;
  status: 'draft' | 'running' | 'stopped' | 'decided';
  startedAt: number | null;
  decision: AbDecision | null;
}
