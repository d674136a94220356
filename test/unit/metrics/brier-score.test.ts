import { describe, expect, it } from 'vitest';
import { brierScore } from '../../../src/lib/metrics/brier-score';
import { scoresCases } from './fixtures';

describe('brierScore', () => {
  // binary: brier_score_loss(y_true, P[:, 1], sample_weight=w) (sklearn 1.2.1); multiclass:
  // np.average(np.sum((P - Y) ** 2, axis=1), weights=w), Y one-hot (not in sklearn)
  it.each(scoresCases.map((c) => [c.name, c] as const))('matches the reference: %s', (_, c) => {
    expect(brierScore(c.yTrue, Float32Array.from(c.probs), c.weights ?? undefined)).toBeCloseTo(
      c.brier,
      12,
    );
  });

  it('sklearn docstring example: 0.0375', () => {
    expect(brierScore([0, 1, 1, 0], [0.1, 0.9, 0.8, 0.3])).toBeCloseTo(0.0375, 15);
  });

  it('binary uses the class-1 column only (not the two-class sum, which is twice as large)', () => {
    expect(brierScore([0, 1], [0.9, 0.1, 0.2, 0.8])).toBeCloseTo(0.025, 15);
    expect(brierScore([0, 1], [0.1, 0.8])).toBeCloseTo(0.025, 15);
  });

  it('multiclass ranges from 0 (perfect) to 2 (confidently wrong)', () => {
    expect(brierScore([0, 2], [1, 0, 0, 0, 0, 1])).toBe(0);
    expect(brierScore([0, 2], [0, 1, 0, 1, 0, 0])).toBe(2);
  });

  it('rejects probabilities outside [0, 1]', () => {
    expect(() => brierScore([0, 1], [0.2, -0.1])).toThrow(/scores\[1\]/);
  });
});
