import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/lib/contracts/errors';
import { mae } from '../../../src/lib/metrics/mae';
import { regressionCases } from './fixtures';

describe('mae', () => {
  // sklearn: mean_absolute_error(y_true, y_pred), sklearn 1.2.1 (test/fixtures/metrics/regression.json)
  it.each(regressionCases.map((c) => [c.name, c] as const))('matches sklearn: %s', (_, c) => {
    expect(mae(c.yTrue, c.yPred)).toBeCloseTo(c.mae, 10);
  });

  it('rejects empty, unequal-length and non-finite inputs', () => {
    expect(() => mae([], [])).toThrow(InvalidArgumentError);
    expect(() => mae([1, 2], [1])).toThrow(/yPred.length/);
    expect(() => mae([1, NaN], [1, 2])).toThrow(/yTrue\[1\]/);
    expect(() => mae([1, 2], [1, Infinity])).toThrow(/yPred\[1\]/);
  });

  it('is symmetric in its arguments', () => {
    expect(mae([1, 2, 3], [2, 2, 5])).toBe(mae([2, 2, 5], [1, 2, 3]));
  });
});
