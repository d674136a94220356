import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/lib/contracts/errors';
import {
  balancedAccuracy,
  balancedAccuracyMetric,
} from '../../../src/lib/metrics/balanced-accuracy';
import { classificationCases, scoresCases } from './fixtures';

describe('balancedAccuracy', () => {
  // balanced_accuracy_score(y_true, y_pred), sklearn 1.2.1 (test/fixtures/metrics/classification.json)
  it.each(classificationCases.map((c) => [c.name, c] as const))('matches sklearn: %s', (_, c) => {
    expect(balancedAccuracy(c.yTrue, c.yPred)).toBeCloseTo(c.balancedAccuracy, 12);
  });

  // balanced_accuracy_score(y_true, argmax(P), sample_weight=w) (test/fixtures/metrics/scores.json)
  it.each(scoresCases.map((c) => [c.name, c] as const))(
    'weighted, from probabilities: %s',
    (_, c) => {
      const w = c.weights ?? undefined;
      expect(balancedAccuracy(c.yTrue, c.yPred, w)).toBeCloseTo(c.balancedAccuracy!, 12);
      const fn = balancedAccuracyMetric.prepare(c.yTrue, Float32Array.from(c.probs));
      expect(fn(w)).toBeCloseTo(c.balancedAccuracy!, 12);
    },
  );

  it('sklearn docstring example: 0.625; classes only predicted are ignored', () => {
    expect(balancedAccuracy([0, 1, 0, 0, 1, 0], [0, 1, 0, 0, 0, 1])).toBe(0.625);
    // class 2 appears only in yPred: mean recall over classes 0 and 1
    expect(balancedAccuracy([0, 1], [0, 2])).toBe(0.5);
  });

  it('rejects bad inputs', () => {
    expect(() => balancedAccuracy([], [])).toThrow(InvalidArgumentError);
    expect(() => balancedAccuracy([0], [0], [-1])).toThrow(/sampleWeight\[0\]/);
  });
});
