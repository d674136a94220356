import { describe, expect, it } from 'vitest';
import { regressionMetrics } from '../../../src/lib/metrics/regression-metrics';
import { regressionCases } from './fixtures';

describe('regressionMetrics', () => {
  // mean_absolute_error, mean_squared_error(squared=False), r2_score; sklearn 1.2.1
  it.each(regressionCases.map((c) => [c.name, c] as const))('matches sklearn: %s', (_, c) => {
    const m = regressionMetrics(Float64Array.from(c.yTrue), Float64Array.from(c.yPred));
    expect(m.task).toBe('regression');
    expect(m.mae).toBeCloseTo(c.mae, 10);
    expect(m.rmse).toBeCloseTo(c.rmse, 10);
    expect(m.r2).toBeCloseTo(c.r2, 10);
    expect(m.n).toBe(c.yTrue.length);
  });
});
