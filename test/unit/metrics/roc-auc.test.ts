import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/lib/contracts/errors';
import { rocAuc } from '../../../src/lib/metrics/roc-auc';
import { column, expectCloseOrNaN, isClass, scoresCases } from './fixtures';

describe('rocAuc', () => {
  // binary: roc_auc_score(y_true, P[:, 1], sample_weight=w); multiclass: roc_auc_score(y_true, P,
  // multi_class='ovr', average='macro', labels=range(k), sample_weight=w); sklearn 1.2.1
  // (test/fixtures/metrics/scores.json); null where sklearn raises (one class present)
  it.each(scoresCases.map((c) => [c.name, c] as const))('matches sklearn: %s', (_, c) => {
    const w = c.weights ?? undefined;
    expectCloseOrNaN(rocAuc(c.yTrue, Float32Array.from(c.probs), w), c.rocAuc);
  });

  // roc_auc_score(y_true == c, P[:, c], sample_weight=w) per class
  it.each(scoresCases.map((c) => [c.name, c] as const))('per class matches sklearn: %s', (_, c) => {
    c.perClass.forEach((ref, k) => {
      const auc = rocAuc(
        isClass(c.yTrue, k),
        column(c.probs, c.nClasses, k),
        c.weights ?? undefined,
      );
      expectCloseOrNaN(auc, ref.rocAuc);
    });
  });

  it('sklearn docstring example: 0.75', () => {
    expect(rocAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toBe(0.75);
  });

  it('binary: a vector of class-1 scores equals the two-column matrix', () => {
    const y = [0, 1, 1, 0, 1];
    const p1 = [0.2, 0.7, 0.4, 0.4, 0.9];
    const matrix = p1.flatMap((p) => [1 - p, p]);
    expect(rocAuc(y, p1)).toBe(rocAuc(y, matrix));
  });

  it('ties count half; reversing the scores gives 1 − AUC', () => {
    expect(rocAuc([0, 1], [0.5, 0.5])).toBe(0.5);
    const y = [0, 1, 1, 0, 1, 0, 0];
    const s = [0.1, 0.9, 0.3, 0.3, 0.6, 0.8, 0.2];
    expect(
      rocAuc(y, s) +
        rocAuc(
          y,
          s.map((v) => -v),
        ),
    ).toBeCloseTo(1, 15);
  });

  it('integer weights equal repeated rows', () => {
    const y = [0, 1, 1, 0, 1];
    const s = [0.2, 0.7, 0.4, 0.4, 0.9];
    expect(rocAuc(y, s, [2, 0, 1, 3, 1])).toBeCloseTo(
      rocAuc([0, 0, 1, 0, 0, 0, 1], [0.2, 0.2, 0.4, 0.4, 0.4, 0.4, 0.9]),
      15,
    );
  });

  it('is NaN when a class has no positive or no negative rows', () => {
    expect(rocAuc([1, 1, 1], [0.2, 0.5, 0.9])).toBeNaN();
    expect(rocAuc([0, 2, 0], [0.5, 0.2, 0.3, 0.1, 0.1, 0.8, 0.6, 0.2, 0.2])).toBeNaN();
  });

  it('rejects bad shapes, classes, scores and weights', () => {
    expect(() => rocAuc([], [])).toThrow(InvalidArgumentError);
    expect(() => rocAuc([0, 1], [0.1, 0.2, 0.3])).toThrow(/scores.length/);
    expect(() => rocAuc([0, 2], [0.1, 0.9])).toThrow(/yTrue\[1\]/);
    expect(() => rocAuc([0, 1], [0.1, NaN])).toThrow(/scores\[1\]/);
    expect(() => rocAuc([0, 1], [0.1, 0.9], [1, -1])).toThrow(/sampleWeight\[1\]/);
    expect(() => rocAuc([0, 1], [0.1, 0.9], [0, 0])).toThrow(/positive total/);
  });
});
