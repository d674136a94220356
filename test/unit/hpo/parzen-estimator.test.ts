import { describe, expect, it } from 'vitest';
import type { SearchParam } from '../../../src/lib/contracts/hpo';
import {
  buildParzenEstimator,
  defaultWeights,
  parzenLogPdf,
  sampleParzen,
} from '../../../src/lib/hpo/parzen-estimator';
import { isInDomain } from '../../../src/lib/hpo/param-scale';
import { createRng } from '../../../src/lib/stats/rng';
import { close, optunaReference } from './fixtures';

const ref = optunaReference();

// The distributions of fixtures/gen_optuna_reference.py, case by case.
const params: SearchParam[] = [
  { name: 'x', kind: 'float', low: -10, high: 10 },
  { name: 'x', kind: 'float', low: -10, high: 10 },
  { name: 'x', kind: 'float', low: -10, high: 10 },
  { name: 'lr', kind: 'float', low: 1e-4, high: 1, log: true },
  { name: 'n', kind: 'int', low: 1, high: 10 },
  { name: 'n', kind: 'int', low: 1, high: 256, log: true },
  { name: 'd', kind: 'float', low: 0, high: 0.5, step: 0.1 },
  { name: 'c', kind: 'categorical', choices: ['a', 'b', 'c'] },
];

describe('defaultWeights', () => {
  it("is optuna's default_weights: ones below 25, then a ramp for the oldest", () => {
    expect(defaultWeights(0)).toEqual([]);
    expect(defaultWeights(24)).toEqual(new Array(24).fill(1));
    // optuna default_weights(30) -> np.linspace(1/30, 1, 5) then 25 ones
    const w = defaultWeights(30);
    ref.defaultWeights30.forEach((x, i) => expect(w[i]).toBeCloseTo(x, 14));
  });
});

describe('buildParzenEstimator / parzenLogPdf', () => {
  it("matches optuna 5.0's _ParzenEstimator: weights, kernels and log densities (fixtures)", () => {
    // Floats, log floats, ints (discrete kernels), log ints (discrete in log space), stepped
    // floats, categoricals, and no observations (prior only).
    ref.parzen.forEach((c, i) => {
      const p = params[i]!;
      expect(p.name).toBe(c.name);
      const est = buildParzenEstimator(
        [p],
        c.obs.map((v) => ({ [p.name]: v })),
        1,
      );
      expect(
        est.weights.every((w, k) => close(w, c.weights[k]!)),
        `${i} weights`,
      ).toBe(true);
      const k = est.params[0]!;
      if (k.kind === 'numeric') {
        expect(
          k.mus.every((m, j) => close(m, c.mus![j]!)),
          `${i} mus ${k.mus}`,
        ).toBe(true);
        expect(
          k.sigmas.every((s, j) => close(s, c.sigmas![j]!)),
          `${i} sigmas ${k.sigmas}`,
        ).toBe(true);
      } else {
        expect(k.probs.flat().every((q, j) => close(q, c.probs!.flat()[j]!))).toBe(true);
      }
      for (const [v, want] of c.logpdf) {
        expect(parzenLogPdf(est, { [p.name]: v }), `${i} at ${v}`).toBeCloseTo(want, 9);
      }
    });
  });

  it('matches optuna for 27 observations (ramped weights, magic clip) (fixture)', () => {
    const obs = Array.from({ length: 27 }, (_, i) => ({ x: -9 + (18 * i) / 26 }));
    const est = buildParzenEstimator([params[0]!], obs, 1);
    expect(est.weights.every((w, k) => close(w, ref.parzen27.weights[k]!))).toBe(true);
    const k = est.params[0]!;
    expect(
      k.kind === 'numeric' && k.sigmas.every((s, j) => close(s, ref.parzen27.sigmas[j]!)),
    ).toBe(true);
    expect(parzenLogPdf(est, { x: 0.3 })).toBeCloseTo(ref.parzen27.logpdf0, 9);
  });

  it("matches optuna's multivariate (product-kernel) log density (fixture)", () => {
    const space: SearchParam[] = [
      { name: 'x', kind: 'float', low: -10, high: 10 },
      { name: 'c', kind: 'categorical', choices: ['a', 'b'] },
    ];
    const obs = [
      { x: 1, c: 'a' },
      { x: -2, c: 'b' },
      { x: 5, c: 'b' },
    ];
    const est = buildParzenEstimator(space, obs, 1);
    for (const [x, c, want] of ref.joint) expect(parzenLogPdf(est, { x, c })).toBeCloseTo(want, 9);
  });

  it('discrete kernels are probability mass functions (sum to 1 over the domain)', () => {
    for (const p of [params[4]!, params[5]!, params[6]!, params[7]!]) {
      const est = buildParzenEstimator([p], [], 1);
      const obs = sampleParzen(est, createRng(1), 3);
      const fitted = buildParzenEstimator([p], obs, 1);
      const domain =
        p.kind === 'categorical'
          ? p.choices
          : Array.from({ length: Math.round((p.high - p.low) / (p.step ?? 1)) + 1 }, (_, i) =>
              Number((p.low + i * (p.step ?? 1)).toPrecision(12)),
            );
      const total = domain.reduce<number>(
        (s, v) => s + Math.exp(parzenLogPdf(fitted, { [p.name]: v })),
        0,
      );
      // Log ints are normalised in log space over [log 0.5, log 256.5]: still mass 1.
      expect(total, p.name).toBeCloseTo(1, 9);
    }
  });

  it('samples lie in the domain (on the step grid) and follow the kernels', () => {
    for (const p of params) {
      const est = buildParzenEstimator([p], [], 1);
      const draws = sampleParzen(est, createRng(9), 200);
      expect(
        draws.every((d) => isInDomain(p, d[p.name]!)),
        p.name,
      ).toBe(true);
    }
    // Tight kernels around 0.2 and 0.25 out of [0, 1]: most draws land near them.
    const est = buildParzenEstimator(
      [{ name: 'x', kind: 'float', low: 0, high: 1 }],
      Array.from({ length: 30 }, (_, i) => ({ x: 0.2 + (i % 2) * 0.05 })),
      1,
    );
    const near = sampleParzen(est, createRng(3), 400).filter(
      (d) => Math.abs((d['x'] as number) - 0.225) < 0.1,
    );
    expect(near.length).toBeGreaterThan(300);
  });
});
