import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/lib/contracts/errors';
import { accuracy } from '../../../src/lib/metrics/accuracy';
import { classificationCases, scoresCases } from './fixtures';

describe('accuracy', () => {
  // sklearn.metrics.accuracy_score(y_true, y_pred), values in test/fixtures/metrics
  it.each(classificationCases.map((c) => [c.name, c] as const))('matches sklearn: %s', (_, c) => {
    expect(accuracy(c.yTrue, c.yPred)).toBeCloseTo(c.accuracy, 12);
  });

  it('accepts typed arrays', () => {
    expect(accuracy(Int32Array.of(0, 1, 2, 2), Int32Array.of(0, 2, 2, 2))).toBe(0.75);
  });

  it('rejects empty, unequal-length and non-integer inputs', () => {
    expect(() => accuracy([], [])).toThrow(InvalidArgumentError);
    expect(() => accuracy([0, 1], [0])).toThrow(/yPred.length/);
    expect(() => accuracy([0, 1.5], [0, 1])).toThrow(/yTrue\[1\]/);
    expect(() => accuracy([0, 1], [0, -1])).toThrow(/yPred\[1\]/);
  });
});

describe('accuracy with sample weights', () => {
  // accuracy_score(y_true, argmax(P), sample_weight=w), sklearn 1.2.1 (scores.json)
  it.each(scoresCases.map((c) => [c.name, c] as const))('matches sklearn: %s', (_, c) => {
    expect(accuracy(c.yTrue, c.yPred, c.weights ?? undefined)).toBeCloseTo(c.accuracy, 12);
  });

  it('integer weights equal repeated rows', () => {
    expect(accuracy([0, 1, 1], [0, 0, 1], [3, 1, 0])).toBe(accuracy([0, 0, 0, 1], [0, 0, 0, 0]));
  });
});
