import { describe, expect, it } from 'vitest';
import { residualSummary, residuals } from '../../../src/lib/metrics/residuals';
import { createRng } from '../../../src/lib/stats/rng';

describe('residuals', () => {
  it('is yTrue − yPred', () => {
    expect(Array.from(residuals([3, -0.5, 2, 7], [2.5, 0, 2, 8]))).toEqual([0.5, -0.5, 0, -1]);
  });
});

describe('residualSummary', () => {
  it('keeps every row when few, sorted by prediction, with statistics over all rows', () => {
    const s = residualSummary([1, 2, 4], [1.5, 3, 2]);
    expect(s.predicted).toEqual([1.5, 2, 3]);
    expect(s.residual).toEqual([-0.5, 2, -1]);
    expect(s.rows).toEqual([0, 2, 1]);
    expect(s.total).toBe(3);
    expect(s.mean).toBeCloseTo(1 / 6, 15);
    // statistics.stdev([-0.5, -1, 2]) -> 1.6072751268321592
    expect(s.std).toBeCloseTo(1.6072751268321592, 14);
    expect([s.min, s.max]).toEqual([-1, 2]);
    expect(residualSummary([1], [3]).std).toBe(0);
  });

  it('thins to maxPoints deterministically, keeping the largest residuals', () => {
    const rng = createRng(12);
    const n = 20_000;
    const yPred = Float64Array.from({ length: n }, () => rng.normal() * 10);
    const yTrue = yPred.map((p) => p + rng.normal());
    yTrue[123] = yPred[123]! + 50; // an outlier that must be plotted
    const s = residualSummary(yTrue, yPred);
    expect(s.rows).toHaveLength(2000);
    expect(new Set(s.rows).size).toBe(2000);
    expect(s.rows).toContain(123);
    expect(s.total).toBe(n);
    for (let j = 1; j < s.predicted.length; j++) {
      expect(s.predicted[j]!).toBeGreaterThanOrEqual(s.predicted[j - 1]!);
    }
    expect(residualSummary(yTrue, yPred)).toEqual(s);
    // The plot still spans the predictions.
    expect(s.predicted[0]).toBe(Math.min(...yPred));
    expect(s.max).toBe(50);
  });

  it('rejects a bad maxPoints', () => {
    expect(() => residualSummary([1], [1], 1)).toThrow(/maxPoints/);
  });
});
