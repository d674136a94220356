import { describe, expect, it } from 'vitest';
import { confusionMatrix } from '../../../src/lib/metrics/confusion-matrix';
import { classificationCases } from './fixtures';

describe('confusionMatrix', () => {
  // sklearn.metrics.confusion_matrix(y_true, y_pred, labels=range(nClasses))
  it.each(classificationCases.map((c) => [c.name, c] as const))('matches sklearn: %s', (_, c) => {
    expect(confusionMatrix(c.yTrue, c.yPred, c.nClasses)).toEqual(c.confusion);
  });

  it('rows sum to the class supports and the total to n', () => {
    const m = confusionMatrix([0, 1, 1, 2, 2, 2], [2, 1, 0, 2, 2, 1], 3);
    expect(m.map((row) => row.reduce((a, b) => a + b, 0))).toEqual([1, 2, 3]);
  });

  it('rejects classes outside 0..nClasses-1 and a bad class count', () => {
    expect(() => confusionMatrix([0, 3], [0, 1], 3)).toThrow(/yTrue\[1\].*0\.\.2/);
    expect(() => confusionMatrix([0], [0], 0)).toThrow(/nClasses/);
  });
});
