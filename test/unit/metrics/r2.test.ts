import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/lib/contracts/errors';
import { r2 } from '../../../src/lib/metrics/r2';
import { regressionCases } from './fixtures';

describe('r2', () => {
  // sklearn: r2_score(y_true, y_pred), sklearn 1.2.1 (test/fixtures/metrics/regression.json)
  it.each(regressionCases.map((c) => [c.name, c] as const))('matches sklearn: %s', (_, c) => {
    expect(r2(c.yTrue, c.yPred)).toBeCloseTo(c.r2, 10);
  });

  it('rejects empty, unequal-length and non-finite inputs', () => {
    expect(() => r2([], [])).toThrow(InvalidArgumentError);
    expect(() => r2([1, 2], [1])).toThrow(/yPred.length/);
    expect(() => r2([1, NaN], [1, 2])).toThrow(/yTrue\[1\]/);
    expect(() => r2([1, 2], [1, Infinity])).toThrow(/yPred\[1\]/);
  });

  it('constant truth: 1 when perfect, 0 otherwise (sklearn force_finite=True); one row follows the same rule', () => {
    expect(r2([2, 2], [2, 2])).toBe(1);
    expect(r2([2, 2], [2, 3])).toBe(0);
    // sklearn returns NaN with a warning for a single sample; Benchtop never returns NaN.
    expect(r2([5], [4])).toBe(0);
  });
});
