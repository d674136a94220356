import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/lib/contracts/errors';
import { evaluateClassifier } from '../../../src/lib/metrics/evaluate-classifier';
import { createRng } from '../../../src/lib/stats/rng';
import { expectCloseArray, scoresCases, type ScoresCase } from './fixtures';

const byName = (name: string): ScoresCase => scoresCases.find((c) => c.name === name)!;
const labelsOf = (c: ScoresCase) => Array.from({ length: c.nClasses }, (_, k) => `c${k}`);

function evaluate(c: ScoresCase, seed = 1, iterations = 200) {
  return evaluateClassifier(Int32Array.from(c.yTrue), Float32Array.from(c.probs), labelsOf(c), {
    rng: createRng(seed),
    iterations,
  });
}

describe('evaluateClassifier', () => {
  // Point estimates, per-class scores and curves against sklearn 1.2.1 (scores.json)
  it.each([
    'binary random n=200',
    'multiclass random n=150, classes=3',
    'multiclass with ties',
    'binary with ties',
  ])('matches sklearn: %s', (name) => {
    const c = byName(name);
    const e = evaluate(c);
    expect(e.task).toBe(c.nClasses === 2 ? 'binary' : 'multiclass');
    expect(e.n).toBe(c.yTrue.length);
    const expected: Record<string, number> = {
      accuracy: c.accuracy,
      balancedAccuracy: c.balancedAccuracy!,
      macroF1: c.macro.f1,
      weightedF1: c.weighted.f1,
      macroPrecision: c.macro.precision,
      weightedRecall: c.weighted.recall,
      rocAuc: c.rocAuc!,
      prAuc: c.prAuc!,
      logLoss: c.logLoss,
      brier: c.brier,
    };
    for (const [id, value] of Object.entries(expected)) {
      expect(e.metrics[id]!.estimate, id).toBeCloseTo(value, 12);
    }
    e.perClass.forEach((pc, k) => {
      expect(pc.f1).toBeCloseTo(c.f1[k]!, 12);
      expect(pc.rocAuc!).toBeCloseTo(c.perClass[k]!.rocAuc!, 12);
      expect(pc.prAuc!).toBeCloseTo(c.perClass[k]!.prAuc!, 12);
    });
    expect(e.curves.map((cv) => cv.classIndex)).toEqual(
      c.nClasses === 2 ? [1] : labelsOf(c).map((_, k) => k),
    );
    for (const cv of e.curves) {
      const ref = c.perClass[cv.classIndex]!;
      expectCloseArray(cv.roc!.tpr, ref.roc.tpr);
      expectCloseArray(cv.pr.precision, ref.pr.precision);
      expectCloseArray(cv.calibration.probTrue, ref.calibration.probTrue);
    }
  });

  it('every interval contains its estimate and no resample is skipped on a healthy test set', () => {
    const e = evaluate(byName('multiclass random n=200, classes=5'), 3, 500);
    for (const [id, m] of Object.entries(e.metrics)) {
      expect(m.low!, id).toBeLessThanOrEqual(m.estimate!);
      expect(m.high!, id).toBeGreaterThanOrEqual(m.estimate!);
      expect(e.bootstrap.skipped[id], id).toBe(0);
    }
  });

  it('is deterministic per seed, plain data, and JSON-safe', () => {
    const c = byName('binary random n=200');
    const a = evaluate(c, 9);
    expect(evaluate(c, 9)).toEqual(a);
    expect(evaluate(c, 10).metrics.accuracy).not.toEqual(a.metrics.accuracy);
    expect(structuredClone(a)).toEqual(a);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });

  it('one class present: AUCs are null, every resample skipped, no ROC curve', () => {
    const e = evaluate(byName('binary one class present'), 1, 50);
    expect(e.metrics.rocAuc).toEqual({ estimate: null, low: null, high: null });
    expect(e.metrics.prAuc!.estimate).toBeNull();
    expect(e.bootstrap.skipped.rocAuc).toBe(50);
    expect(e.metrics.logLoss!.estimate).toBeCloseTo(byName('binary one class present').logLoss, 12);
    expect(e.curves[0]!.roc).toBeNull();
    expect(JSON.parse(JSON.stringify(e))).toEqual(e);
  });

  it('perfect and worst classifiers', () => {
    const perfect = evaluate(byName('multiclass perfect one-hot'), 1, 50);
    expect(perfect.metrics.accuracy).toEqual({ estimate: 1, low: 1, high: 1 });
    expect(perfect.metrics.rocAuc!.estimate).toBe(1);
    expect(perfect.metrics.brier!.estimate).toBe(0);
    expect(perfect.confusion).toEqual([
      [2, 0, 0],
      [0, 2, 0],
      [0, 0, 2],
    ]);
    const worst = evaluate(byName('binary worst'), 1, 50);
    expect(worst.metrics.rocAuc!.estimate).toBe(0);
    expect(worst.metrics.accuracy!.estimate).toBe(0);
  });

  it('thins long curves for storage but computes AUCs on all points', () => {
    const rng = createRng(5);
    const n = 5000;
    const y = Int32Array.from({ length: n }, () => rng.int(2));
    const probs = new Float32Array(2 * n);
    for (let i = 0; i < n; i++) {
      const p = Math.min(1, Math.max(0, 0.5 + (y[i]! - 0.5) * 0.3 + (rng.next() - 0.5) * 0.8));
      probs[2 * i] = 1 - p;
      probs[2 * i + 1] = p;
    }
    const e = evaluateClassifier(y, probs, ['no', 'yes'], {
      rng: createRng(1),
      iterations: 20,
      maxCurvePoints: 300,
    });
    const { roc, pr } = e.curves[0]!;
    expect(roc!.fpr.length).toBeLessThanOrEqual(300);
    expect(pr.precision).toHaveLength(300);
    expect(pr.thresholds).toHaveLength(299);
    expect([roc!.fpr[0], roc!.fpr[roc!.fpr.length - 1]]).toEqual([0, 1]);
  });

  it('evaluates 10k rows × 3 classes with 1,000 resamples of all 12 metrics in a few seconds', () => {
    const rng = createRng(8);
    const n = 10_000;
    const y = Int32Array.from({ length: n }, () => rng.int(3));
    const probs = new Float32Array(n * 3);
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let c = 0; c < 3; c++) sum += probs[i * 3 + c] = rng.next() + (c === y[i] ? 0.5 : 0);
      for (let c = 0; c < 3; c++) probs[i * 3 + c] = probs[i * 3 + c]! / sum;
    }
    // CPU time of this process (not wall time), so a busy shared machine does not flake it;
    // typically 0.5-1 s.
    const t0 = process.cpuUsage();
    const e = evaluateClassifier(y, probs, ['a', 'b', 'c'], { rng: createRng(1) });
    const { user, system } = process.cpuUsage(t0);
    expect(Object.keys(e.metrics)).toHaveLength(12);
    expect((user + system) / 1000).toBeLessThan(4000);
  });

  it('rejects fewer than two labels, a wrong probs length and non-probabilities', () => {
    const rng = createRng(1);
    const y = Int32Array.of(0, 1);
    expect(() => evaluateClassifier(y, Float32Array.of(1, 1), ['a'], { rng })).toThrow(
      /at least 2 labels/,
    );
    expect(() => evaluateClassifier(y, Float32Array.of(1, 0, 1), ['a', 'b'], { rng })).toThrow(
      InvalidArgumentError,
    );
    expect(() => evaluateClassifier(y, Float32Array.of(1, 0, 2, 0), ['a', 'b'], { rng })).toThrow(
      /probability/,
    );
  });
});
