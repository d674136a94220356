import { describe, expect, it } from 'vitest';
import { evaluateRegressor } from '../../../src/lib/metrics/evaluate-regressor';
import { createRng } from '../../../src/lib/stats/rng';
import { regressionCases } from './fixtures';

describe('evaluateRegressor', () => {
  // mean_absolute_error, mean_squared_error(squared=False), r2_score, sklearn 1.2.1
  it.each(regressionCases.map((c) => [c.name, c] as const))(
    'estimates match sklearn: %s',
    (_, c) => {
      const e = evaluateRegressor(c.yTrue, c.yPred, { rng: createRng(1), iterations: 100 });
      expect(e.metrics.mae!.estimate).toBeCloseTo(c.mae, 10);
      expect(e.metrics.rmse!.estimate).toBeCloseTo(c.rmse, 10);
      expect(e.metrics.r2!.estimate).toBeCloseTo(c.r2, 10);
      expect(e.residuals.total).toBe(c.yTrue.length);
      expect(e.n).toBe(c.yTrue.length);
    },
  );

  it('intervals contain the estimates; deterministic; JSON-safe', () => {
    const c = regressionCases.find((r) => r.name.startsWith('random 2'))!;
    const e = evaluateRegressor(c.yTrue, c.yPred, { rng: createRng(4) });
    for (const [id, m] of Object.entries(e.metrics)) {
      expect(m.low!, id).toBeLessThan(m.estimate!);
      expect(m.high!, id).toBeGreaterThan(m.estimate!);
    }
    expect(evaluateRegressor(c.yTrue, c.yPred, { rng: createRng(4) })).toEqual(e);
    expect(JSON.parse(JSON.stringify(e))).toEqual(e);
    expect(e.bootstrap.replicates!.mae).toHaveLength(1000);
  });

  it('rejects non-finite values', () => {
    expect(() => evaluateRegressor([1, NaN], [1, 2], { rng: createRng(1) })).toThrow(/yTrue\[1\]/);
  });
});
