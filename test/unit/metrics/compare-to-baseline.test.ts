import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/lib/contracts/errors';
import { compareToBaseline } from '../../../src/lib/metrics/compare-to-baseline';
import { evaluateClassifier } from '../../../src/lib/metrics/evaluate-classifier';
import { evaluateRegressor } from '../../../src/lib/metrics/evaluate-regressor';
import { percentileInterval } from '../../../src/lib/metrics/resample';
import { createRng } from '../../../src/lib/stats/rng';

// A decent 3-class model and the majority-class baseline (class priors as probabilities).
const rng = createRng(31);
const n = 400;
const y = Int32Array.from({ length: n }, () => (rng.next() < 0.5 ? 0 : rng.int(3)));
const model = new Float32Array(n * 3);
const prior = [0, 0, 0];
for (let i = 0; i < n; i++) {
  prior[y[i]!]! += 1 / n;
  let sum = 0;
  for (let c = 0; c < 3; c++) sum += model[i * 3 + c] = rng.next() + (c === y[i] ? 1.2 : 0);
  for (let c = 0; c < 3; c++) model[i * 3 + c] = model[i * 3 + c]! / sum;
}
const baseline = Float32Array.from({ length: n * 3 }, (_, j) => prior[j % 3]!);
const labels = ['a', 'b', 'c'];
const evaluate = (probs: Float32Array, seed = 7, keepReplicates = true) =>
  evaluateClassifier(y, probs, labels, { rng: createRng(seed), iterations: 400, keepReplicates });

describe('compareToBaseline', () => {
  const m = evaluate(model);
  const b = evaluate(baseline);

  it('pairs evaluations made with the same seed on the same rows', () => {
    const cmp = compareToBaseline(m, b);
    expect(cmp).toMatchObject({ task: 'multiclass', paired: true, level: 0.95 });
    const byId = Object.fromEntries(cmp.metrics.map((x) => [x.id, x]));
    expect(byId.accuracy!.difference).toBeCloseTo(
      m.metrics.accuracy!.estimate! - b.metrics.accuracy!.estimate!,
      15,
    );
    expect(byId.accuracy!.verdict).toBe('better');
    expect(byId.rocAuc!.verdict).toBe('better');
    // Lower is better for log loss: a negative difference is an improvement.
    expect(byId.logLoss!.difference!).toBeLessThan(0);
    expect(byId.logLoss!.verdict).toBe('better');
    expect(byId.accuracy!.low!).toBeLessThan(byId.accuracy!.difference!);
    expect(byId.accuracy!.high!).toBeGreaterThan(byId.accuracy!.difference!);
  });

  it('the paired interval is the percentile interval of replicate differences', () => {
    const cmp = compareToBaseline(m, b);
    const mr = m.bootstrap.replicates!.macroF1!;
    const br = b.bootstrap.replicates!.macroF1!;
    const ci = percentileInterval(
      mr.map((v, i) => v! - br[i]!),
      0.95,
    );
    const f1 = cmp.metrics.find((x) => x.id === 'macroF1')!;
    expect([f1.low, f1.high]).toEqual([ci.low, ci.high]);
  });

  it('a model against itself: zero difference, interval [0, 0], inconclusive', () => {
    const cmp = compareToBaseline(m, evaluate(model));
    for (const x of cmp.metrics) {
      expect(x.difference, x.id).toBe(0);
      expect([x.low, x.high], x.id).toEqual([0, 0]);
      expect(x.verdict, x.id).toBe('inconclusive');
    }
  });

  it('does not pair different resamples or dropped replicates: point differences only', () => {
    for (const other of [evaluate(baseline, 8), evaluate(baseline, 7, false)]) {
      const cmp = compareToBaseline(m, other);
      expect(cmp.paired).toBe(false);
      const acc = cmp.metrics.find((x) => x.id === 'accuracy')!;
      expect(acc).toMatchObject({ low: null, high: null, verdict: null });
      expect(acc.difference).not.toBeNull();
    }
  });

  it('compares regressors', () => {
    const yr = Float64Array.from({ length: 200 }, (_, i) => Math.sin(i) * 10 + i / 20);
    const good = yr.map((v, i) => v + Math.cos(i * 7));
    const mean = yr.reduce((a, v) => a + v, 0) / yr.length;
    const flat = yr.map(() => mean);
    const opts = () => ({ rng: createRng(3), iterations: 300 });
    const cmp = compareToBaseline(
      evaluateRegressor(yr, good, opts()),
      evaluateRegressor(yr, flat, opts()),
    );
    expect(cmp.paired).toBe(true);
    expect(cmp.metrics.map((x) => [x.id, x.verdict])).toEqual([
      ['mae', 'better'],
      ['rmse', 'better'],
      ['r2', 'better'],
    ]);
  });

  it('rejects evaluations of different tasks, rows or labels', () => {
    const r = evaluateRegressor([1, 2, 3], [1, 2, 2], { rng: createRng(1), iterations: 10 });
    expect(() => compareToBaseline(m, r)).toThrow(/baseline.task/);
    const fewer = evaluateClassifier(y.subarray(0, 10), model.subarray(0, 30), labels, {
      rng: createRng(1),
      iterations: 10,
    });
    expect(() => compareToBaseline(m, fewer)).toThrow(/baseline.n/);
    const relabelled = { ...b, labels: ['x', 'y', 'z'] };
    expect(() => compareToBaseline(m, relabelled)).toThrow(InvalidArgumentError);
  });
});
