import { describe, expect, it } from 'vitest';
import type { AbMetric } from '../../../src/lib/contracts/ab';
import { armStats } from '../../../src/lib/ab/arm-stats';
import { compareArms } from '../../../src/lib/ab/compare-arms';
import {
  expectedLoss,
  normalCdf,
  probabilityBBeatsA,
  proportionsZTest,
  sequentialMeansTest,
  sequentialProportionsTest,
  welchTTest,
} from '../../../src/lib/stats';
import { abLib } from './fixtures';
import { accuracy } from './helpers';

const ones = (n: number, x: number) => Array.from({ length: n }, (_, i) => (i < x ? 1 : 0));
const mean: AbMetric = {
  name: 'revenue',
  kind: 'mean',
  source: { kind: 'label' },
  higherIsBetter: true,
};

describe('compareArms: conversion', () => {
  const A = armStats('A', ones(1000, 100));
  const B = armStats('B', ones(1000, 130));

  it('each view is the stats library function', () => {
    const { comparison: c } = compareArms(accuracy, A, B, { alpha: 0.05, bayesian: true });
    const z = proportionsZTest(100, 1000, 130, 1000);
    expect(c.frequentist).toEqual({
      test: 'z',
      statistic: z.z,
      pValue: z.pValue,
      ci95: z.ci95,
      significant: true,
    });
    const loss = expectedLoss(100, 1000, 130, 1000);
    expect(c.bayesian).toEqual({
      probabilityBetter: probabilityBBeatsA(100, 1000, 130, 1000),
      lossTreatment: loss.b,
      lossControl: loss.a,
      model: 'beta-binomial',
    });
    const s = sequentialProportionsTest(100, 1000, 130, 1000);
    expect(c.sequential).toEqual({ pValue: s.pValue, ci: s.ci, reject: s.reject });
    expect(c.diff).toBeCloseTo(0.03, 12);
    expect(c.lift).toBeCloseTo(0.3, 12);
  });

  it('lower-is-better flips the Bayesian direction and the verdict', () => {
    const errors: AbMetric = { ...accuracy, higherIsBetter: false };
    const big = armStats('B', ones(20000, 3000));
    const base = armStats('A', ones(20000, 2000));
    const up = compareArms(accuracy, base, big, { alpha: 0.05, bayesian: true }).comparison;
    const down = compareArms(errors, base, big, { alpha: 0.05, bayesian: true }).comparison;
    expect(up.verdict).toBe('better');
    expect(down.verdict).toBe('worse');
    expect(down.bayesian!.probabilityBetter).toBeCloseTo(1 - up.bayesian!.probabilityBetter, 12);
    expect(down.bayesian!.lossTreatment).toBe(up.bayesian!.lossControl);
  });

  it('chains the sequential view through previous looks', () => {
    const first = compareArms(accuracy, A, B, { alpha: 0.05 });
    const later = compareArms(
      accuracy,
      armStats('A', ones(2000, 200)),
      armStats('B', ones(2000, 200)),
      {
        alpha: 0.05,
        previous: first.sequentialRaw!,
      },
    );
    expect(later.comparison.sequential!.pValue).toBe(first.comparison.sequential!.pValue);
  });

  it('says why a view is missing', () => {
    const none = compareArms(accuracy, armStats('A', []), B, { alpha: 0.05 }).comparison;
    expect(none.frequentist).toBeNull();
    expect(none.note).toMatch(/Waiting for units/);
  });
});

describe('compareArms: mean', () => {
  it.each(abLib.welchCi)('Welch view and its 95% CI match statsmodels tconfint_diff', (c) => {
    const { comparison } = compareArms(mean, armStats('A', c.a), armStats('B', c.b), {
      alpha: 0.05,
      bayesian: true,
      values: [c.a, c.b],
    });
    const w = welchTTest(c.a, c.b);
    expect(comparison.frequentist!.pValue).toBeCloseTo(w.pValue, 12);
    expect(comparison.frequentist!.statistic).toBeCloseTo(w.t, 12);
    // Through studentTPpf, whose SciPy tolerance is 1e-9 relative.
    expect(comparison.frequentist!.ci95[0]).toBeCloseTo(c.ci95[0], 8);
    expect(comparison.frequentist!.ci95[1]).toBeCloseTo(c.ci95[1], 8);
    const s = sequentialMeansTest(c.a, c.b);
    expect(comparison.sequential!.ci).toEqual(s.ci);
  });

  it('normal-posterior Bayesian view: P(better) = Φ(diff/se); losses by the closed form', () => {
    const a = [1, 2, 3, 4, 5, 6];
    const b = [2, 3, 4, 5, 6, 9];
    const { comparison: c } = compareArms(mean, armStats('A', a), armStats('B', b), {
      alpha: 0.05,
      bayesian: true,
    });
    const se = Math.sqrt(3.5 / 6 + armStats('B', b).variance / 6);
    const diff = 29 / 6 - 3.5;
    expect(c.bayesian!.probabilityBetter).toBeCloseTo(normalCdf(diff / se), 12);
    // Loss difference identity: E[max(D,0)] − E[max(−D,0)] = E[D] = diff.
    expect(c.bayesian!.lossControl - c.bayesian!.lossTreatment).toBeCloseTo(diff, 12);
    // Φ(diff/se) via the complementary identity with the lower-is-better flip.
    const flipped = compareArms(
      { ...mean, higherIsBetter: false },
      armStats('A', a),
      armStats('B', b),
      {
        alpha: 0.05,
        bayesian: true,
      },
    ).comparison;
    expect(c.bayesian!.probabilityBetter + flipped.bayesian!.probabilityBetter).toBeCloseTo(1, 12);
  });

  it('constant arms have no test', () => {
    const c = compareArms(mean, armStats('A', [1, 1]), armStats('B', [2, 2]), {
      alpha: 0.05,
    }).comparison;
    expect(c.frequentist).toBeNull();
    expect(c.note).toMatch(/constant/);
  });
});
