import { describe, expect, it } from 'vitest';
import { prCurve } from '../../../src/lib/metrics/pr-curve';
import { column, expectCloseArray, isClass, scoresCases } from './fixtures';

describe('prCurve', () => {
  // precision_recall_curve(y_true == k, P[:, k], sample_weight=w) per class, sklearn 1.2.1
  // (test/fixtures/metrics/scores.json)
  it.each(scoresCases.map((c) => [c.name, c] as const))('matches sklearn: %s', (_, c) => {
    c.perClass.forEach((ref, k) => {
      const r = prCurve(
        isClass(c.yTrue, k),
        column(c.probs, c.nClasses, k),
        c.weights ?? undefined,
      );
      expectCloseArray(r.precision, ref.pr.precision);
      expectCloseArray(r.recall, ref.pr.recall);
      expectCloseArray(r.thresholds, ref.pr.thresholds);
    });
  });

  it('sklearn docstring example', () => {
    const r = prCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
    expectCloseArray(r.precision, [0.5, 2 / 3, 0.5, 1, 1], 15);
    expect(r.recall).toEqual([1, 1, 0.5, 0.5, 0]);
    expect(r.thresholds).toEqual([0.1, 0.35, 0.4, 0.8]);
  });

  it('without positives, recall is 1 everywhere (as sklearn, which warns)', () => {
    expect(prCurve([0, 0], [0.3, 0.6])).toEqual({
      precision: [0, 0, 1],
      recall: [1, 1, 0],
      thresholds: [0.3, 0.6],
    });
  });
});
