import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/lib/contracts/errors';
import type {
  AlertRule,
  MonitorColumnReport,
  MonitorWindowReport,
} from '../../../src/lib/contracts/monitoring';
import {
  checkMonitor,
  DRIFT_TEST_CHOICES,
  evaluateRules,
  listAlertMetrics,
} from '../../../src/lib/monitor';
import { listDriftTests } from '../../../src/lib/stats';

const col = (column: string, drift: boolean): MonitorColumnReport => ({
  column,
  kind: 'numeric',
  test: 'ks',
  testLabel: 'Kolmogorov–Smirnov p-value',
  value: drift ? 0.001 : 0.5,
  threshold: 0.05,
  drift,
  why: '',
  missing: 0,
  distribution: { bins: [], reference: [], current: [] },
});

const report: MonitorWindowReport = {
  id: 'r',
  monitorId: 'm',
  createdAt: 0,
  source: 'log',
  modelVersionId: 'v',
  window: { index: 4, from: 0, to: 1, n: 10 },
  columns: [col('a', false), col('b', true)],
  prediction: { ...col('(prediction)', true), kind: 'categorical', test: 'chisquare' },
  driftShare: 0.5,
  datasetDrift: true,
  performance: {
    n: 8,
    metrics: {
      accuracy: { value: 0.6, lo: 0.3, hi: 0.9 },
      logLoss: { value: null, lo: null, hi: null },
    },
    unknownLabels: [],
  },
  validationFailureRate: 0.2,
  fallbackRate: 0.1,
  rejected: 1,
  durationMs: 0,
};

const rule = (r: Partial<AlertRule>): AlertRule => ({
  id: 'r1',
  metric: 'driftShare',
  op: '>=',
  threshold: 0.5,
  severity: 'warning',
  ...r,
});

describe('evaluateRules', () => {
  it('compares each metric with each operator, at and around the threshold', () => {
    const cases: [Partial<AlertRule>, boolean][] = [
      [{ metric: 'driftShare', op: '>=', threshold: 0.5 }, true],
      [{ metric: 'driftShare', op: '>', threshold: 0.5 }, false],
      [{ metric: 'driftShare', op: '<=', threshold: 0.5 }, true],
      [{ metric: 'driftShare', op: '<', threshold: 0.5 }, false],
      [{ metric: 'columnDrift', column: '*', op: '>=', threshold: 1 }, true],
      [{ metric: 'columnDrift', column: 'a', op: '>=', threshold: 1 }, false],
      [{ metric: 'columnDrift', column: 'b', op: '>=', threshold: 1 }, true],
      [{ metric: 'columnDrift', column: 'nope', op: '>=', threshold: 1 }, false],
      [{ metric: 'predictionDrift', op: '>=', threshold: 1 }, true],
      [{ metric: 'performance', performanceMetric: 'accuracy', op: '<', threshold: 0.7 }, true],
      [{ metric: 'performance', performanceMetric: 'accuracy', op: '<', threshold: 0.6 }, false],
      // A metric that is undefined on this window never fires.
      [{ metric: 'performance', performanceMetric: 'logLoss', op: '>', threshold: -1 }, false],
      [{ metric: 'validationFailureRate', op: '>', threshold: 0.1 }, true],
      [{ metric: 'validationFailureRate', op: '>', threshold: 0.2 }, false],
      [{ metric: 'fallbackRate', op: '>=', threshold: 0.1 }, true],
      [{ metric: 'fallbackRate', op: '>', threshold: 0.1 }, false],
    ];
    for (const [r, fires] of cases) {
      expect(evaluateRules([rule(r)], report).length, JSON.stringify(r)).toBe(fires ? 1 : 0);
    }
  });

  it('reports the value, the subject and a readable message', () => {
    const [fired] = evaluateRules(
      [rule({ metric: 'columnDrift', column: '*', threshold: 1 })],
      report,
    );
    expect(fired).toMatchObject({
      subject: 'column b drift (Kolmogorov–Smirnov p-value)',
      value: 1,
    });
    expect(fired!.message).toBe('window 4: column b drift (Kolmogorov–Smirnov p-value) 1 ≥ 1');
    const [perf] = evaluateRules(
      [rule({ metric: 'performance', performanceMetric: 'accuracy', op: '<', threshold: 0.75 })],
      { ...report, source: 'batch' },
    );
    expect(perf!.message).toBe('batch check: accuracy 0.6 < 0.75');
    expect(listAlertMetrics()).toHaveLength(6);
  });

  it('refuses invalid rules and monitors with a message naming the field', () => {
    expect(() => evaluateRules([rule({ threshold: NaN })], report)).toThrow(/rule r1 threshold/);
    expect(() => evaluateRules([rule({ op: '==' as never })], report)).toThrow(
      InvalidArgumentError,
    );
    expect(() => evaluateRules([rule({ metric: 'nope' as never })], report)).toThrow(
      /alert metric/,
    );
    expect(() => evaluateRules([rule({ metric: 'performance' })], report)).toThrow(
      /performanceMetric/,
    );
    const monitor = {
      id: 'm',
      name: 'm',
      deploymentId: 'd',
      createdAt: 0,
      window: { kind: 'count' as const, size: 10 },
      columns: {},
      driftShare: 0.5,
      rules: [],
      retrain: { auto: false, datasetId: null },
      notify: false,
    };
    expect(checkMonitor(monitor)).toBe(monitor);
    expect(() => checkMonitor({ ...monitor, name: ' ' })).toThrow(/name/);
    expect(() => checkMonitor({ ...monitor, driftShare: 1.5 })).toThrow(/driftShare/);
    expect(() => checkMonitor({ ...monitor, columns: { x: { test: 'ttest' as never } } })).toThrow(
      /column x/,
    );
    expect(() => checkMonitor({ ...monitor, columns: { x: { threshold: Infinity } } })).toThrow(
      /threshold of column x/,
    );
  });
});

describe('drift test choices', () => {
  it('equal the drift registry’s descriptors (names, labels, kinds, default thresholds)', () => {
    expect(
      DRIFT_TEST_CHOICES.map((t) => [t.name, t.label, [...t.kinds], t.defaultThreshold]),
    ).toEqual(listDriftTests().map((t) => [t.name, t.label, [...t.kinds], t.defaultThreshold]));
  });
});
