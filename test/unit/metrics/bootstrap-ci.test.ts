import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/lib/contracts/errors';
import { accuracy, accuracyMetric } from '../../../src/lib/metrics/accuracy';
import { bootstrapCi } from '../../../src/lib/metrics/bootstrap-ci';
import { bootstrapMetrics } from '../../../src/lib/metrics/bootstrap-metrics';
import { macroF1 } from '../../../src/lib/metrics/macro-f1';
import { rocAuc } from '../../../src/lib/metrics/roc-auc';
import { createRng, type Rng } from '../../../src/lib/stats/rng';

/** n rows of 3-class truth and a prediction that is right with probability `hit`. */
function predictions(n: number, hit: number, rng: Rng): { y: Int32Array; p: Int32Array } {
  const y = Int32Array.from({ length: n }, () => rng.int(3));
  const p = y.map((v) => (rng.next() < hit ? v : rng.int(3)));
  return { y, p };
}

describe('bootstrapCi', () => {
  const { y, p } = predictions(500, 0.7, createRng(3));

  it('is deterministic per seed and differs across seeds', () => {
    const a = bootstrapCi(accuracy, y, p, { rng: createRng(42), iterations: 200 });
    const b = bootstrapCi(accuracy, y, p, { rng: createRng(42), iterations: 200 });
    const c = bootstrapCi(accuracy, y, p, { rng: createRng(43), iterations: 200 });
    expect(a).toEqual(b);
    expect([c.low, c.high]).not.toEqual([a.low, a.high]);
  });

  it('contains the estimate and brackets it sensibly', () => {
    const ci = bootstrapCi(accuracy, y, p, { rng: createRng(1) });
    expect(ci.estimate).toBe(accuracy(y, p));
    expect(ci.low).toBeLessThan(ci.estimate);
    expect(ci.high).toBeGreaterThan(ci.estimate);
    // Normal approximation: ±1.96·sqrt(a(1 − a)/n) ≈ ±0.04 around a ≈ 0.8
    const half = 1.96 * Math.sqrt((ci.estimate * (1 - ci.estimate)) / 500);
    expect(ci.high - ci.low).toBeGreaterThan(1.5 * half);
    expect(ci.high - ci.low).toBeLessThan(2.5 * half);
    expect(ci).toMatchObject({ iterations: 1000, skipped: 0 });
  });

  it('narrows as n grows (about 1/sqrt(n))', () => {
    const width = (n: number): number => {
      const d = predictions(n, 0.7, createRng(n));
      const ci = bootstrapCi(accuracy, d.y, d.p, { rng: createRng(5), iterations: 400 });
      return ci.high - ci.low;
    };
    const small = width(200);
    const large = width(5000);
    expect(large).toBeLessThan(small / 3);
    expect(large).toBeGreaterThan(small / 8);
  });

  it('a 95% interval covers the true accuracy in about 95% of repeated samples', () => {
    // True accuracy is exactly 0.7 (Bernoulli hits); 200 samples of n = 200.
    const rng = createRng(2024);
    let covered = 0;
    const trials = 200;
    for (let t = 0; t < trials; t++) {
      const hits = Int32Array.from({ length: 200 }, () => (rng.next() < 0.7 ? 1 : 0));
      const ci = bootstrapCi(accuracy, hits, new Int32Array(200).fill(1), {
        rng,
        iterations: 300,
      });
      if (ci.low <= 0.7 && 0.7 <= ci.high) covered++;
    }
    expect(covered / trials).toBeGreaterThan(0.88);
    expect(covered / trials).toBeLessThanOrEqual(0.99);
  });

  it('level changes the width: 0.5 is narrower than 0.99', () => {
    const ci50 = bootstrapCi(accuracy, y, p, { rng: createRng(9), level: 0.5 });
    const ci99 = bootstrapCi(accuracy, y, p, { rng: createRng(9), level: 0.99 });
    expect(ci50.high - ci50.low).toBeLessThan((ci99.high - ci99.low) / 2);
  });

  it('skips and counts degenerate resamples', () => {
    // Two positives in 40 rows: ~13% of resamples draw none, where ROC AUC is undefined.
    const yb = Int32Array.from({ length: 40 }, (_, i) => (i < 2 ? 1 : 0));
    const s = Float64Array.from({ length: 40 }, (_, i) => (i < 2 ? 0.9 : i / 50));
    const ci = bootstrapCi(rocAuc, yb, s, { rng: createRng(4), iterations: 500 });
    expect(ci.skipped).toBeGreaterThan(20);
    expect(ci.skipped).toBeLessThan(120);
    expect([ci.low, ci.high]).toEqual([1, 1]);
    // One class only: every resample is skipped and the interval is NaN.
    const all = bootstrapCi(rocAuc, [0, 0, 0], [0.1, 0.2, 0.3], {
      rng: createRng(1),
      iterations: 10,
    });
    expect(all).toMatchObject({ skipped: 10 });
    expect(all.estimate).toBeNaN();
    expect(all.low).toBeNaN();
  });

  it('copies multi-column rows whole (n × k probabilities stay aligned)', () => {
    const probs = Float32Array.from([0.25, 0.75, 0.5, 0.5, 0.125, 0.875]);
    const rowsIntact = (_: ArrayLike<number>, q: ArrayLike<number>): number => {
      for (let i = 0; i < q.length; i += 2) if (q[i]! + q[i + 1]! !== 1) return 0;
      return 1;
    };
    const ci = bootstrapCi(rowsIntact, [0, 1, 1], probs, { rng: createRng(2), iterations: 50 });
    expect([ci.low, ci.high]).toEqual([1, 1]);
  });

  it('draws the same resamples as bootstrapMetrics for the same seed', () => {
    const probs = new Float32Array(y.length * 3);
    p.forEach((c, i) => (probs[i * 3 + c] = 1));
    const a = bootstrapCi(accuracyMetric.compute, y, probs, {
      rng: createRng(77),
      iterations: 300,
    });
    const b = bootstrapMetrics([{ id: 'accuracy', fn: accuracyMetric.prepare(y, probs) }], y, {
      rng: createRng(77),
      iterations: 300,
    }).intervals.accuracy!;
    expect(b.low).toBeCloseTo(a.low, 14);
    expect(b.high).toBeCloseTo(a.high, 14);
  });

  it('1,000 resamples of accuracy and of macro F1 on 10k rows take well under a second', () => {
    const big = predictions(10_000, 0.7, createRng(8));
    for (const fn of [accuracy, (a: ArrayLike<number>, b: ArrayLike<number>) => macroF1(a, b, 3)]) {
      // CPU time of this process, not wall time, so other processes on a shared machine do
      // not make it flaky.
      const t0 = process.cpuUsage();
      const ci = bootstrapCi(fn, big.y, big.p, { rng: createRng(1) });
      const { user, system } = process.cpuUsage(t0);
      expect(ci.high - ci.low).toBeGreaterThan(0);
      expect((user + system) / 1000).toBeLessThan(600);
    }
  });

  it('rejects bad options and shapes', () => {
    const rng = createRng(1);
    expect(() => bootstrapCi(accuracy, [], [], { rng })).toThrow(InvalidArgumentError);
    expect(() => bootstrapCi(accuracy, [0, 1], [0, 1, 1], { rng })).toThrow(/predOrScores/);
    expect(() => bootstrapCi(accuracy, [0], [0], { rng, iterations: 0 })).toThrow(/iterations/);
    expect(() => bootstrapCi(accuracy, [0], [0], { rng, level: 1 })).toThrow(/level/);
  });
});
