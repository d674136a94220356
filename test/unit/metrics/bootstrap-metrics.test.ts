import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/lib/contracts/errors';
import { bootstrapMetrics, finiteOrNull } from '../../../src/lib/metrics/bootstrap-metrics';
import { maeMetric } from '../../../src/lib/metrics/mae';
import { rocAucMetric } from '../../../src/lib/metrics/roc-auc';
import { createRng } from '../../../src/lib/stats/rng';

const y = Float64Array.from({ length: 50 }, (_, i) => i % 7);
const p = y.map((v, i) => v + ((i * 37) % 11) / 5 - 1);
const metrics = [{ id: 'mae', fn: maeMetric.prepare(y, p) }];

describe('bootstrapMetrics', () => {
  it('estimates on all rows, brackets the estimate, and is deterministic per seed', () => {
    const a = bootstrapMetrics(metrics, y, { rng: createRng(3), iterations: 300 });
    const b = bootstrapMetrics(metrics, y, { rng: createRng(3), iterations: 300 });
    expect(a).toEqual(b);
    const ci = a.intervals.mae!;
    expect(ci.estimate).toBe(maeMetric.compute(y, p));
    expect(ci.low!).toBeLessThan(ci.estimate!);
    expect(ci.high!).toBeGreaterThan(ci.estimate!);
    expect(a.bootstrap).toMatchObject({ iterations: 300, level: 0.95, skipped: { mae: 0 } });
    expect(a.bootstrap.replicates!.mae).toHaveLength(300);
  });

  it('fingerprints the resamples: equal for the same seed and rows, different otherwise', () => {
    const fp = (seed: number, truth: Float64Array = y) =>
      bootstrapMetrics([], truth, { rng: createRng(seed), iterations: 20 }).bootstrap.fingerprint;
    expect(fp(1)).toBe(fp(1));
    expect(fp(1)).not.toBe(fp(2));
    const other = y.slice();
    other[0] = 99;
    expect(fp(1, other)).not.toBe(fp(1));
  });

  it('stores null for skipped resamples and can drop the replicates', () => {
    const yb = Int32Array.from({ length: 12 }, (_, i) => (i === 0 ? 1 : 0));
    const s = Float64Array.from({ length: 12 }, (_, i) => i / 12);
    const r = bootstrapMetrics([{ id: 'rocAuc', fn: rocAucMetric.prepare(yb, s) }], yb, {
      rng: createRng(5),
      iterations: 100,
      keepReplicates: false,
    });
    // P(row 0 never drawn in 12 draws) = (11/12)^12 ≈ 0.35
    expect(r.bootstrap.skipped.rocAuc).toBeGreaterThan(20);
    expect(r.bootstrap.skipped.rocAuc).toBeLessThan(55);
    expect(r.bootstrap.replicates).toBeUndefined();
    const kept = bootstrapMetrics([{ id: 'rocAuc', fn: rocAucMetric.prepare(yb, s) }], yb, {
      rng: createRng(5),
      iterations: 100,
    });
    expect(kept.bootstrap.replicates!.rocAuc!.filter((v) => v === null)).toHaveLength(
      r.bootstrap.skipped.rocAuc!,
    );
  });

  it('is structured-clone and JSON safe', () => {
    const r = bootstrapMetrics(metrics, y, { rng: createRng(1), iterations: 10 });
    expect(structuredClone(r)).toEqual(r);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('finiteOrNull maps NaN and infinities to null', () => {
    expect([finiteOrNull(NaN), finiteOrNull(Infinity), finiteOrNull(0)]).toEqual([null, null, 0]);
  });

  it('rejects empty data', () => {
    expect(() => bootstrapMetrics([], [], { rng: createRng(1) })).toThrow(InvalidArgumentError);
  });
});
