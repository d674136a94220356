import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/lib/contracts/errors';
import { normalTwoSidedP } from '../../../src/lib/stats/normal';
import { createRng, type Rng } from '../../../src/lib/stats/rng';
import {
  DEFAULT_SEQUENTIAL_TAU,
  sequentialMeansTest,
  sequentialProportionsTest,
  type SequentialResult,
} from '../../../src/lib/stats/sequential-test';

const LOOKS = 20;
const BATCH = 250; // units per arm per look
const EXPERIMENTS = 2000;
const ALPHA = 0.05;

function binomial(rng: Rng, n: number, p: number): number {
  let x = 0;
  for (let i = 0; i < n; i++) if (rng.next() < p) x++;
  return x;
}

describe('sequential tests: peeking', () => {
  it('A/A conversion experiments checked after every batch: naive z inflates, mSPRT holds alpha', () => {
    const rng = createRng(2024);
    let naiveFalse = 0;
    let seqFalse = 0;
    for (let e = 0; e < EXPERIMENTS; e++) {
      let xA = 0;
      let xB = 0;
      let n = 0;
      let naive = false;
      let seq = false;
      let prev: SequentialResult | undefined;
      for (let look = 0; look < LOOKS; look++) {
        xA += binomial(rng, BATCH, 0.1);
        xB += binomial(rng, BATCH, 0.1);
        n += BATCH;
        const pooled = (xA + xB) / (2 * n);
        const z = (xB / n - xA / n) / Math.sqrt(pooled * (1 - pooled) * (2 / n));
        if (normalTwoSidedP(z) < ALPHA) naive = true;
        prev = sequentialProportionsTest(xA, n, xB, n, prev ? { previous: prev } : {});
        if (prev.reject) seq = true;
      }
      if (naive) naiveFalse++;
      if (seq) seqFalse++;
    }
    const mcError = 3 * Math.sqrt((ALPHA * (1 - ALPHA)) / EXPERIMENTS); // 3 standard errors
    // 20 looks at a fixed-horizon z-test: the false-positive rate is several times alpha.
    expect(naiveFalse / EXPERIMENTS).toBeGreaterThan(0.15);
    expect(seqFalse / EXPERIMENTS).toBeLessThanOrEqual(ALPHA + mcError);
  });

  it('A/A experiments on means (normal data, unequal variances): mSPRT holds alpha', () => {
    const rng = createRng(7);
    let seqFalse = 0;
    const experiments = 500;
    for (let e = 0; e < experiments; e++) {
      const a: number[] = [];
      const b: number[] = [];
      let prev: SequentialResult | undefined;
      let seq = false;
      for (let look = 0; look < LOOKS; look++) {
        for (let i = 0; i < 50; i++) {
          a.push(10 + rng.normal());
          b.push(10 + 2 * rng.normal());
        }
        prev = sequentialMeansTest(a, b, prev ? { previous: prev } : {});
        if (prev.reject) seq = true;
      }
      if (seq) seqFalse++;
    }
    expect(seqFalse / experiments).toBeLessThanOrEqual(
      ALPHA + 3 * Math.sqrt((ALPHA * (1 - ALPHA)) / experiments),
    );
  });

  it('detects a real difference, and its confidence sequence covers it', () => {
    const rng = createRng(3);
    let xA = 0;
    let xB = 0;
    let n = 0;
    let prev: SequentialResult | undefined;
    for (let look = 0; look < LOOKS; look++) {
      xA += binomial(rng, 1000, 0.1);
      xB += binomial(rng, 1000, 0.13);
      n += 1000;
      prev = sequentialProportionsTest(xA, n, xB, n, prev ? { previous: prev } : {});
    }
    expect(prev!.reject).toBe(true);
    expect(prev!.ci[0]).toBeLessThan(0.03);
    expect(prev!.ci[1]).toBeGreaterThan(0.03);
    expect(prev!.diff).toBeCloseTo(0.03, 1);
  });

  it('p-value is the running minimum; CI the running intersection; tau default documented', () => {
    const first = sequentialProportionsTest(100, 1000, 140, 1000);
    const second = sequentialProportionsTest(200, 2000, 200, 2000, { previous: first });
    expect(second.pValue).toBe(first.pValue);
    expect(second.ci[0]).toBeGreaterThanOrEqual(first.ci[0]);
    expect(second.ci[1]).toBeLessThanOrEqual(first.ci[1]);
    expect(DEFAULT_SEQUENTIAL_TAU).toBe(0.05);
    // log Λ = −½ ln(1 + r) + ½ z² r/(1 + r), r = τ²/(1/nA + 1/nB)
    const r = 0.05 ** 2 / (2 / 1000);
    const v = (0.1 * 0.9 + 0.14 * 0.86) / 1000;
    const z2 = 0.04 ** 2 / v;
    expect(first.logLikelihoodRatio).toBeCloseTo(
      -0.5 * Math.log1p(r) + (0.5 * z2 * r) / (1 + r),
      10,
    );
  });

  it('no variation yet: p = 1 and the interval is [−1, 1]; bad options throw', () => {
    const r = sequentialProportionsTest(0, 10, 0, 10);
    expect(r.pValue).toBe(1);
    expect(r.ci).toEqual([-1, 1]);
    expect(() => sequentialProportionsTest(1, 10, 1, 10, { tau: 0 })).toThrow('options.tau = 0');
    expect(() => sequentialProportionsTest(1, 10, 1, 10, { alpha: 1 })).toThrow(
      InvalidArgumentError,
    );
    expect(() => sequentialMeansTest([1], [1, 2])).toThrow(InvalidArgumentError);
    expect(() => sequentialMeansTest([1, 1], [2, 2])).toThrow(/both samples are constant/);
  });
});
