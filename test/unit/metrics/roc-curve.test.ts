import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/lib/contracts/errors';
import { rocCurve } from '../../../src/lib/metrics/roc-curve';
import { column, expectCloseArray, isClass, scoresCases } from './fixtures';

describe('rocCurve', () => {
  // roc_curve(y_true == k, P[:, k], sample_weight=w) per class (drop_intermediate=True),
  // sklearn 1.2.1 (test/fixtures/metrics/scores.json); null = NaN (no positives/negatives)
  it.each(scoresCases.map((c) => [c.name, c] as const))('matches sklearn: %s', (_, c) => {
    c.perClass.forEach((ref, k) => {
      const r = rocCurve(
        isClass(c.yTrue, k),
        column(c.probs, c.nClasses, k),
        c.weights ?? undefined,
      );
      expectCloseArray(r.fpr, ref.roc.fpr);
      expectCloseArray(r.tpr, ref.roc.tpr);
      expectCloseArray(r.thresholds, ref.roc.thresholds);
    });
  });

  it('sklearn docstring example', () => {
    expect(rocCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toEqual({
      fpr: [0, 0, 0.5, 0.5, 1],
      tpr: [0, 0.5, 0.5, 1, 1],
      thresholds: [1.8, 0.8, 0.4, 0.35, 0.1],
    });
  });

  it('drops collinear points', () => {
    // roc_curve([0, 0, 0, 1, 1, 1], [0.1, 0.2, 0.3, 0.7, 0.8, 0.9]) -> fpr [0, 0, 0, 1],
    // tpr [0, 1/3, 1, 1], thresholds [1.9, 0.9, 0.7, 0.1] (the first point is always kept)
    const r = rocCurve([0, 0, 0, 1, 1, 1], [0.1, 0.2, 0.3, 0.7, 0.8, 0.9]);
    expect(r.fpr).toEqual([0, 0, 0, 1]);
    expect(r.tpr).toEqual([0, 1 / 3, 1, 1]);
    expect(r.thresholds).toEqual([1.9, 0.9, 0.7, 0.1]);
  });

  it('ignores rows of weight 0 (as sklearn filters them)', () => {
    expect(rocCurve([0, 1, 1, 0], [0.1, 0.6, 0.3, 0.9], [1, 1, 1, 0])).toEqual(
      rocCurve([0, 1, 1], [0.1, 0.6, 0.3]),
    );
  });

  it('rejects non-binary labels and non-finite scores', () => {
    expect(() => rocCurve([0, 2], [0.1, 0.2])).toThrow(/yTrue\[1\]/);
    expect(() => rocCurve([0, 1], [0.1, Infinity])).toThrow(/scores\[1\]/);
    expect(() => rocCurve([], [])).toThrow(InvalidArgumentError);
  });
});
