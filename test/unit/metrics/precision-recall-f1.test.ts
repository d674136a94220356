import { describe, expect, it } from 'vitest';
import { precisionRecallF1 } from '../../../src/lib/metrics/precision-recall-f1';
import { classificationCases, scoresCases } from './fixtures';

const close = (actual: number[], expected: number[]) => {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, k) => expect(a).toBeCloseTo(expected[k]!, 12));
};

describe('precisionRecallF1', () => {
  // sklearn.metrics.precision_recall_fscore_support(y_true, y_pred, labels=range(nClasses),
  //   zero_division=0) and the same with average='macro' / 'weighted'
  it.each(classificationCases.map((c) => [c.name, c] as const))('matches sklearn: %s', (_, c) => {
    const r = precisionRecallF1(c.yTrue, c.yPred, c.nClasses);
    close(r.precision, c.precision);
    close(r.recall, c.recall);
    close(r.f1, c.f1);
    expect(r.support).toEqual(c.support);
    for (const avg of ['macro', 'weighted'] as const) {
      expect(r[avg].precision).toBeCloseTo(c[avg].precision, 12);
      expect(r[avg].recall).toBeCloseTo(c[avg].recall, 12);
      expect(r[avg].f1).toBeCloseTo(c[avg].f1, 12);
    }
  });

  it('zero_division=0: a class never predicted and never true scores 0, not NaN', () => {
    const r = precisionRecallF1([0, 1], [0, 1], 3);
    expect(r.precision).toEqual([1, 1, 0]);
    expect(r.f1).toEqual([1, 1, 0]);
    expect(r.macro.f1).toBeCloseTo(2 / 3, 15);
  });

  it('is symmetric: swapping truth and prediction swaps precision and recall', () => {
    const a = [0, 1, 2, 2, 1, 0, 0];
    const b = [0, 2, 2, 1, 1, 0, 1];
    expect(precisionRecallF1(a, b, 3).precision).toEqual(precisionRecallF1(b, a, 3).recall);
  });
});

describe('precisionRecallF1 with sample weights', () => {
  // precision_recall_fscore_support(y_true, argmax(P), labels=range(k), zero_division=0,
  //   sample_weight=w) and average='macro' / 'weighted', sklearn 1.2.1 (scores.json)
  it.each(scoresCases.map((c) => [c.name, c] as const))('matches sklearn: %s', (_, c) => {
    const r = precisionRecallF1(c.yTrue, c.yPred, c.nClasses, c.weights ?? undefined);
    close(r.precision, c.precision);
    close(r.recall, c.recall);
    close(r.f1, c.f1);
    for (const avg of ['macro', 'weighted'] as const) {
      expect(r[avg].precision).toBeCloseTo(c[avg].precision, 12);
      expect(r[avg].recall).toBeCloseTo(c[avg].recall, 12);
      expect(r[avg].f1).toBeCloseTo(c[avg].f1, 12);
    }
  });
});
