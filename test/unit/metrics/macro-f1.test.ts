import { describe, expect, it } from 'vitest';
import { macroF1 } from '../../../src/lib/metrics/macro-f1';
import { classificationCases } from './fixtures';

describe('macroF1', () => {
  // sklearn.metrics.f1_score(y_true, y_pred, labels=range(nClasses), average='macro',
  //   zero_division=0)
  it.each(classificationCases.map((c) => [c.name, c] as const))('matches sklearn: %s', (_, c) => {
    expect(macroF1(c.yTrue, c.yPred, c.nClasses)).toBeCloseTo(c.macroF1, 12);
  });

  it('is 1 for a perfect prediction and 0 when every prediction is wrong', () => {
    expect(macroF1([0, 1, 1], [0, 1, 1], 2)).toBe(1);
    expect(macroF1([0, 1], [1, 0], 2)).toBe(0);
  });
});
