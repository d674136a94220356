import type { Monitor } from '../../../src/lib/contracts/monitoring';

/** A monitor of a deployment: windows of 40 entries and one rule that fires on every window. */
export function monitorOf(deploymentId: string, patch: Partial<Monitor> = {}): Monitor {
  return {
    id: crypto.randomUUID(),
    name: 'm',
    deploymentId,
    createdAt: Date.now(),
    window: { kind: 'count', size: 40 },
    columns: {},
    driftShare: 0.5,
    rules: [
      {
        id: 'acc',
        metric: 'performance',
        performanceMetric: 'accuracy',
        op: '<=',
        threshold: 1,
        severity: 'critical',
      },
    ],
    retrain: { auto: false, datasetId: null },
    notify: false,
    ...patch,
  };
}
