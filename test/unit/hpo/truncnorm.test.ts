import { describe, expect, it } from 'vitest';
import {
  logGaussMass,
  logNdtr,
  truncnormLogPdf,
  truncnormPpf,
} from '../../../src/lib/hpo/truncnorm';
import { optunaReference } from './fixtures';

const ref = optunaReference();

describe('truncated normal helpers', () => {
  it("match optuna 5.0's _truncnorm._log_ndtr (fixtures)", () => {
    // e.g. optuna _log_ndtr(-40) -> -804.6084420137538 (asymptotic branch)
    for (const [x, want] of ref.logNdtr) expect(logNdtr(x)).toBeCloseTo(want, 10);
  });

  it("match optuna's _log_gauss_mass in both tails and across 0 (fixtures)", () => {
    for (const [a, b, want] of ref.logGaussMass) {
      expect(logGaussMass(a, b), `[${a}, ${b}]`).toBeCloseTo(want, 9);
    }
    // Symmetry: the mass on [a, b] equals the mass on [-b, -a].
    expect(logGaussMass(2, 3)).toBeCloseTo(logGaussMass(-3, -2), 14);
  });

  it("match optuna's _truncnorm.logpdf (fixtures), -Infinity outside the range", () => {
    for (const [x, mu, s, lo, hi, want] of ref.logpdf) {
      expect(truncnormLogPdf(x, mu, s, lo, hi)).toBeCloseTo(want, 9);
    }
    expect(truncnormLogPdf(1.5, 0, 1, -1, 1)).toBe(-Infinity);
  });

  it("match optuna's _truncnorm.ppf in the left and right cases (fixtures)", () => {
    for (const [q, a, b, want] of ref.ppf) {
      expect(truncnormPpf(q, 0, 1, a, b), `q=${q} [${a}, ${b}]`).toBeCloseTo(want, 9);
    }
  });

  it('ppf inverts the truncated CDF and stays in range', () => {
    const [mu, sigma, lo, hi] = [0.3, 0.2, 0, 1];
    const a = (lo - mu) / sigma;
    const b = (hi - mu) / sigma;
    for (const q of [0, 0.01, 0.25, 0.5, 0.9, 0.999, 1]) {
      const x = truncnormPpf(q, mu, sigma, lo, hi);
      expect(x).toBeGreaterThanOrEqual(lo);
      expect(x).toBeLessThanOrEqual(hi);
      const cdf = q === 0 ? 0 : Math.exp(logGaussMass(a, (x - mu) / sigma) - logGaussMass(a, b));
      expect(cdf).toBeCloseTo(q, 9);
    }
  });
});
