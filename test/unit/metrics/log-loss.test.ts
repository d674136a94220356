import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/lib/contracts/errors';
import { logLoss } from '../../../src/lib/metrics/log-loss';
import { scoresCases } from './fixtures';

describe('logLoss', () => {
  // log_loss(y_true, P, labels=range(k), sample_weight=w), sklearn 1.2.1 on float64 P
  // (eps='auto' = np.finfo(float64).eps) (test/fixtures/metrics/scores.json)
  it.each(scoresCases.map((c) => [c.name, c] as const))('matches sklearn: %s', (_, c) => {
    const sampleWeight = c.weights ?? undefined;
    expect(logLoss(c.yTrue, Float32Array.from(c.probs), { sampleWeight })).toBeCloseTo(
      c.logLoss,
      12,
    );
  });

  it('sklearn docstring example: 0.21616', () => {
    // log_loss(["spam", "ham", "ham", "spam"], [[.1, .9], [.9, .1], [.8, .2], [.35, .65]])
    expect(logLoss([1, 0, 0, 1], [0.1, 0.9, 0.9, 0.1, 0.8, 0.2, 0.35, 0.65])).toBeCloseTo(
      0.21616187468057912,
      14,
    );
  });

  it('clips to [eps, 1 − eps] and renormalises rows (eps = float64 epsilon by default)', () => {
    // A one-hot row [0, 1, 0] for true class 0 becomes [eps, 1 − eps, eps] / (1 + eps).
    const eps = Number.EPSILON;
    expect(logLoss([0], [0, 1, 0])).toBe(-Math.log(eps / (1 + eps)));
    expect(logLoss([0], [0, 1, 0], { eps: 1e-15 })).toBe(-Math.log(1e-15 / (1 + 1e-15)));
    // Perfect one-hot: −log((1 − eps) / (1 + eps)) ≈ 2·eps, not 0
    expect(logLoss([1], [0, 1, 0])).toBeCloseTo(2 * eps, 20);
  });

  it('binary: a vector of class-1 probabilities equals the two-column matrix', () => {
    expect(logLoss([1, 0], [0.8, 0.3])).toBeCloseTo(logLoss([1, 0], [0.2, 0.8, 0.7, 0.3]), 15);
  });

  it('rejects probabilities outside [0, 1] and a bad eps', () => {
    expect(() => logLoss([0, 1], [0.2, 1.2])).toThrow(/scores\[1\]/);
    expect(() => logLoss([0, 1], [0.2, 0.8], { eps: 0.5 })).toThrow(InvalidArgumentError);
  });
});
