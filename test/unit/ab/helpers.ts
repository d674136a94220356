/** Builders of experiments and log entries for the A/B tests. */
import type { AbExperiment, AbMetric } from '../../../src/lib/contracts/ab';
import type { PredictionLogEntry } from '../../../src/lib/contracts/entities';

export const accuracy: AbMetric = {
  name: 'accuracy',
  kind: 'conversion',
  source: { kind: 'correct' },
  higherIsBetter: true,
};

export function experiment(over: Partial<AbExperiment> = {}): AbExperiment {
  return {
    id: 'exp-1',
    name: 'v1 vs v2',
    createdAt: 0,
    deploymentId: 'd1',
    modelName: 'penguins',
    arms: [
      { name: 'A', modelVersionId: 'penguins@1', weight: 0.5 },
      { name: 'B', modelVersionId: 'penguins@2', weight: 0.5 },
    ],
    unitKey: { kind: 'generated' },
    salt: 'salt',
    primary: accuracy,
    guardrails: [],
    plannedSampleSize: null,
    status: 'running',
    startedAt: 0,
    decision: null,
    ...over,
  };
}

let next = 0;
export function entry(over: Partial<PredictionLogEntry> = {}): PredictionLogEntry {
  next++;
  return {
    id: `e${next}`,
    deploymentId: 'd1',
    at: next,
    rowKey: `r${next}`,
    inputs: {},
    output: { label: 'yes', value: 1 },
    modelVersionId: 'penguins@1',
    responder: 'primary',
    reason: 'primary',
    latencyMs: 1,
    experimentId: 'exp-1',
    arm: 'A',
    ...over,
  };
}

/** `n` entries of an arm, `x` of them correct (label = prediction), in time order. */
export function armEntries(arm: string, n: number, x: number, start = 0): PredictionLogEntry[] {
  return Array.from({ length: n }, (_, i) =>
    entry({ arm, rowKey: `${arm}-${i}`, at: start + i, label: i < x ? 'yes' : 'no' }),
  );
}

/**
 * Like {@link armEntries}, but the x conversions are spread evenly over the n units (a stable
 * effect over time), as the sequential view assumes.
 */
export function spreadEntries(arm: string, n: number, x: number): PredictionLogEntry[] {
  return Array.from({ length: n }, (_, i) =>
    entry({
      arm,
      rowKey: `${arm}-${i}`,
      at: i,
      label: Math.floor(((i + 1) * x) / n) > Math.floor((i * x) / n) ? 'yes' : 'no',
    }),
  );
}
