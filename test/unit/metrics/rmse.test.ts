import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/lib/contracts/errors';
import { rmse } from '../../../src/lib/metrics/rmse';
import { regressionCases } from './fixtures';

describe('rmse', () => {
  // sklearn: mean_squared_error(y_true, y_pred, squared=False), sklearn 1.2.1 (test/fixtures/metrics/regression.json)
  it.each(regressionCases.map((c) => [c.name, c] as const))('matches sklearn: %s', (_, c) => {
    expect(rmse(c.yTrue, c.yPred)).toBeCloseTo(c.rmse, 10);
  });

  it('rejects empty, unequal-length and non-finite inputs', () => {
    expect(() => rmse([], [])).toThrow(InvalidArgumentError);
    expect(() => rmse([1, 2], [1])).toThrow(/yPred.length/);
    expect(() => rmse([1, NaN], [1, 2])).toThrow(/yTrue\[1\]/);
    expect(() => rmse([1, 2], [1, Infinity])).toThrow(/yPred\[1\]/);
  });

  it('is the root of the mean squared error', () => {
    expect(rmse([0, 0, 0], [1, 2, 6])).toBeCloseTo(Math.sqrt(41 / 3), 15);
  });
});
