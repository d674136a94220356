import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/lib/contracts/errors';
import { prAuc } from '../../../src/lib/metrics/pr-auc';
import { column, isClass, scoresCases, type ScoresCase } from './fixtures';

/** Classes with no positive weight: sklearn scores their AP 0 (with a warning), we say NaN. */
function classesWithoutPositives(c: ScoresCase): number[] {
  const classes = c.nClasses === 2 ? [1] : Array.from({ length: c.nClasses }, (_, k) => k);
  return classes.filter((k) => !c.yTrue.some((y, i) => y === k && (c.weights?.[i] ?? 1) > 0));
}

describe('prAuc', () => {
  // binary: average_precision_score(y_true, P[:, 1], sample_weight=w); multiclass:
  // average_precision_score(label_binarize(y_true, classes=range(k)), P, average='macro',
  // sample_weight=w); sklearn 1.2.1 (test/fixtures/metrics/scores.json)
  it.each(scoresCases.map((c) => [c.name, c] as const))('matches sklearn: %s', (_, c) => {
    const ap = prAuc(c.yTrue, Float32Array.from(c.probs), c.weights ?? undefined);
    if (classesWithoutPositives(c).length > 0) expect(ap).toBeNaN();
    else expect(ap).toBeCloseTo(c.prAuc!, 12);
  });

  // average_precision_score(Y, P, average=None, sample_weight=w)[k] per class
  it.each(scoresCases.map((c) => [c.name, c] as const))('per class matches sklearn: %s', (_, c) => {
    c.perClass.forEach((ref, k) => {
      const ap = prAuc(isClass(c.yTrue, k), column(c.probs, c.nClasses, k), c.weights ?? undefined);
      if (!c.yTrue.includes(k)) expect(ap).toBeNaN();
      else expect(ap).toBeCloseTo(ref.prAuc!, 12);
    });
  });

  it('sklearn docstring example: 0.8333', () => {
    expect(prAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toBeCloseTo(0.8333333333333333, 15);
  });

  it('deliberately NaN without positives, where sklearn warns and returns 0', () => {
    // sklearn: average_precision_score([0, 0], [0.2, 0.7]) -> -0.0 with a warning
    expect(prAuc([0, 0], [0.2, 0.7])).toBeNaN();
    // sklearn: all rows positive -> 1.0
    expect(prAuc([1, 1], [0.2, 0.7])).toBe(1);
  });

  it('rejects bad shapes and classes', () => {
    expect(() => prAuc([], [])).toThrow(InvalidArgumentError);
    expect(() => prAuc([0, 1, 3], [0.2, 0.3, 0.5, 0.2, 0.3, 0.5, 0.2, 0.3, 0.5])).toThrow(
      /yTrue\[2\]/,
    );
  });
});
