import { describe, expect, it } from 'vitest';
import type { PredictionLogEntry } from '../../../src/lib/contracts/entities';
import { InvalidArgumentError } from '../../../src/lib/contracts/errors';
import { PREDICTION_COLUMN } from '../../../src/lib/contracts/monitoring';
import { evaluateClassifier } from '../../../src/lib/metrics';
import {
  buildMonitorReference,
  logWindowReport,
  servingVersion,
  windowDrift,
  windowPerformance,
  windowRates,
  type MonitoredColumn,
} from '../../../src/lib/monitor';
import { columnDrift, createRng } from '../../../src/lib/stats';

const rng = createRng(11);
const N_REF = 300;
const N_CUR = 120;
const columns: MonitoredColumn[] = [
  { name: 'a', kind: 'numeric' },
  { name: 'b', kind: 'numeric' },
  { name: 'c', kind: 'categorical' },
];
const refA = Float64Array.from({ length: N_REF }, () => rng.normal());
const refB = Float64Array.from({ length: N_REF }, () => rng.normal());
const refC = Array.from({ length: N_REF }, () => (rng.next() < 0.5 ? 'x' : 'y'));
const refP = Array.from({ length: N_REF }, (_, i) => (refA[i]! > 0 ? 'pos' : 'neg'));
const reference = buildMonitorReference(
  'v1',
  columns,
  new Map<string, Float64Array | string[]>([
    ['a', refA],
    ['b', refB],
    ['c', refC],
  ]),
  { column: { name: PREDICTION_COLUMN, kind: 'categorical' }, values: refP },
);

// The window: `a` shifted by one standard deviation, `b` unchanged, `c` mostly 'y'.
const entries: PredictionLogEntry[] = Array.from({ length: N_CUR }, (_, i) => {
  const a = rng.normal() + 1;
  const label = a > 0 ? 'pos' : 'neg';
  const p = a > 0 ? 0.8 : 0.3;
  return {
    id: `e${String(i).padStart(3, '0')}`,
    deploymentId: 'd',
    at: 1000 + i,
    rowKey: String(i),
    inputs: { a, b: rng.normal(), c: rng.next() < 0.9 ? 'y' : 'x' },
    output: { label, value: label === 'pos' ? 1 : 0, probabilities: [1 - p, p] },
    modelVersionId: 'v1',
    responder: i % 10 === 0 ? 'fallback' : 'primary',
    reason: '',
    latencyMs: 1,
    ...(i % 10 === 0 ? { invalid: true } : {}),
    // Every third entry is labelled; the truth flips a few predictions.
    ...(i % 3 === 0 ? { label: i % 12 === 0 ? (label === 'pos' ? 'neg' : 'pos') : label } : {}),
  };
});

describe('window report', () => {
  it('matches the stats functions run directly on the same samples', () => {
    const r = logWindowReport({
      id: 'r1',
      monitor: { id: 'm1', columns: {}, driftShare: 0.5 },
      reference,
      task: 'binary',
      labelsOf: () => ['neg', 'pos'],
      window: { index: 3, from: 1000, to: 1119 },
      entries,
      rejected: 0,
      now: 5,
    });
    const curA = entries.map((e) => e.inputs['a'] as number);
    const curB = entries.map((e) => e.inputs['b'] as number);
    const curC = entries.map((e) => e.inputs['c'] as string);
    const expected = [
      columnDrift(refA, curA, 'numeric'),
      columnDrift(refB, curB, 'numeric'),
      columnDrift(refC, curC, 'categorical'),
    ];
    expect(r.columns.map((c) => [c.column, c.test, c.value, c.threshold, c.drift, c.why])).toEqual(
      expected.map((x, i) => [columns[i]!.name, x.test, x.value, x.threshold, x.drift, x.reason]),
    );
    // 300 reference rows: KS for the numeric columns, the z-test for the two-valued one.
    expect(r.columns.map((c) => c.test)).toEqual(['ks', 'ks', 'z']);
    expect(r.columns.map((c) => c.drift)).toEqual([true, false, true]);
    expect(r.driftShare).toBeCloseTo(2 / 3, 12);
    expect(r.datasetDrift).toBe(true);
    const predDirect = columnDrift(
      refP,
      entries.map((e) => e.output.label),
      'categorical',
    );
    expect(r.prediction).toMatchObject({ test: predDirect.test, value: predDirect.value });
    expect(r.window).toEqual({ index: 3, from: 1000, to: 1119, n: N_CUR });
    expect(r.fallbackRate).toBeCloseTo(0.1, 12);
    expect(r.validationFailureRate).toBeCloseTo(0.1, 12);

    // Performance: the labelled entries through evaluateClassifier with the window's seed.
    const labelled = entries.filter((e) => e.label !== undefined);
    const direct = evaluateClassifier(
      Int32Array.from(labelled, (e) => (e.label === 'pos' ? 1 : 0)),
      Float64Array.from(labelled.flatMap((e) => e.output.probabilities!)),
      ['neg', 'pos'],
      { rng: createRng(4), keepReplicates: false, iterations: 1000 },
    );
    expect(r.performance!.n).toBe(labelled.length);
    expect(r.performance!.metrics['accuracy']).toEqual({
      value: direct.metrics['accuracy']!.estimate,
      lo: direct.metrics['accuracy']!.low,
      hi: direct.metrics['accuracy']!.high,
    });
    expect(r.performance!.metrics['accuracy']!.value).toBeLessThan(1);
    // Shares of the distribution plot sum to one on each side.
    for (const c of r.columns) {
      const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
      expect(sum(c.distribution.reference)).toBeCloseTo(1, 12);
      expect(sum(c.distribution.current)).toBeCloseTo(1, 12);
      expect(c.distribution.bins).toHaveLength(c.distribution.reference.length);
    }
  });

  it('applies per-column tests, thresholds and disabling, and a custom drift share', () => {
    const cur = new Map<string, Float64Array | string[]>([
      ['a', Float64Array.from(entries, (e) => e.inputs['a'] as number)],
      ['b', Float64Array.from(entries, (e) => e.inputs['b'] as number)],
      ['c', entries.map((e) => e.inputs['c'] as string)],
    ]);
    const d = windowDrift(
      reference,
      cur,
      {
        a: { test: 'psi', threshold: 5 },
        b: { test: 'wasserstein', threshold: 0 },
        c: { enabled: false },
      },
      0.75,
    );
    const psiDirect = columnDrift(refA, cur.get('a')!, 'numeric', { test: 'psi', threshold: 5 });
    expect(d.columns[0]).toMatchObject({
      test: 'psi',
      value: psiDirect.value,
      threshold: 5,
      drift: false,
    });
    expect(d.columns[0]!.why).toMatch(
      /^chosen in the monitor's settings \(the default would be ks/,
    );
    // A distance at or above a threshold of 0 always drifts.
    expect(d.columns[1]).toMatchObject({ test: 'wasserstein', threshold: 0, drift: true });
    expect(d.columns.map((c) => c.column)).toEqual(['a', 'b']);
    // No current values for the prediction column: skipped, not an error.
    expect(d.skipped).toEqual([
      { column: 'c', why: 'disabled in the monitor' },
      { column: PREDICTION_COLUMN, why: 'no usable value in this window' },
    ]);
    expect(d.prediction).toBeNull();
    expect(d.driftShare).toBe(0.5);
    expect(d.datasetDrift).toBe(false);
  });

  it('names the column when a chosen test does not apply to its kind', () => {
    const cur = new Map<string, string[]>([['c', ['x', 'y']]]);
    const only = { ...reference, columns: [reference.columns[2]!], prediction: null };
    expect(() => windowDrift(only, cur, { c: { test: 'ks' } }, 0.5)).toThrow(InvalidArgumentError);
    expect(() => windowDrift(only, cur, { c: { test: 'ks' } }, 0.5)).toThrow(/column `c`/);
    expect(() => windowDrift(only, cur, {}, 0)).toThrow(/driftShare/);
  });

  it('skips a column with no usable value in the window', () => {
    const only = { ...reference, columns: [reference.columns[0]!], prediction: null };
    const d = windowDrift(only, new Map([['a', Float64Array.of(NaN, NaN)]]), {}, 0.5);
    expect(d.columns).toEqual([]);
    expect(d.skipped).toEqual([{ column: 'a', why: 'no usable value in this window' }]);
    expect(d.datasetDrift).toBe(false);
  });
});

describe('window performance and rates', () => {
  it('scores labels the model does not know as wrong and lists them', () => {
    const mk = (pred: string, truth: string) =>
      ({
        output: { label: pred, value: 0, probabilities: pred === 'A' ? [0.9, 0.1] : [0.2, 0.8] },
        label: truth,
        modelVersionId: 'v',
      }) as const;
    const p = windowPerformance(
      [mk('A', 'A'), mk('B', 'B'), mk('A', 'G'), mk('B', 'G')],
      'binary',
      () => ['A', 'B'],
      { seed: 1, iterations: 50 },
    )!;
    expect(p.unknownLabels).toEqual(['G']);
    expect(p.metrics['accuracy']!.value).toBe(0.5);
    expect(p.n).toBe(4);
  });

  it('is null without labels; regression uses MAE/RMSE', () => {
    expect(
      windowPerformance(
        [{ output: { label: 'a', value: 1 }, modelVersionId: 'v' }],
        'binary',
        () => ['a', 'b'],
        { seed: 1 },
      ),
    ).toBeNull();
    const r = windowPerformance(
      [
        { output: { label: '1', value: 1 }, label: 2, modelVersionId: 'v' },
        { output: { label: '3', value: 3 }, label: 3, modelVersionId: 'v' },
      ],
      'regression',
      () => [],
      { seed: 1, iterations: 20 },
    )!;
    expect(r.metrics['mae']!.value).toBe(0.5);
    expect(r.metrics['rmse']!.value).toBeCloseTo(Math.sqrt(0.5), 12);
  });

  it('counts rejects in the validation-failure rate but not in the fallback rate', () => {
    expect(windowRates([], 0)).toEqual({ validationFailureRate: 0, fallbackRate: 0 });
    expect(windowRates([], 3)).toEqual({ validationFailureRate: 1, fallbackRate: 0 });
    expect(
      windowRates(
        [
          { responder: 'fallback', invalid: true },
          { responder: 'fallback' },
          { responder: 'primary' },
        ],
        1,
      ),
    ).toEqual({ validationFailureRate: 0.5, fallbackRate: 2 / 3 });
  });

  it('takes the reference version from the primary answers', () => {
    expect(
      servingVersion([
        { modelVersionId: 'fb', responder: 'fallback' },
        { modelVersionId: 'fb', responder: 'fallback' },
        { modelVersionId: 'p', responder: 'primary' },
        { modelVersionId: 'p', responder: 'primary' },
      ]),
    ).toBe('p');
    expect(servingVersion([])).toBeNull();
  });
});
