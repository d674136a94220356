import { describe, expect, it } from 'vitest';
import { betaProbGreater } from '../../../src/lib/stats/beta-comparison';
import { createRng } from '../../../src/lib/stats/rng';

/** P(Y > X) = ∫ f_X(x)·(1 − F_Y(x)) dx by the midpoint rule (an independent oracle). */
function numeric(aX: number, bX: number, aY: number, bY: number): number {
  const steps = 200_000;
  const h = 1 / steps;
  const logB = (a: number, b: number) => lgamma(a) + lgamma(b) - lgamma(a + b);
  const pdf = (a: number, b: number, x: number) =>
    Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - logB(a, b));
  // Survival of Y at each midpoint: mass of the cells to its right plus half its own cell.
  const sfY = new Float64Array(steps);
  let right = 0;
  for (let k = steps - 1; k >= 0; k--) {
    const cell = pdf(aY, bY, (k + 0.5) * h) * h;
    sfY[k] = right + cell / 2;
    right += cell;
  }
  let total = 0;
  for (let k = 0; k < steps; k++) total += pdf(aX, bX, (k + 0.5) * h) * h * sfY[k]!;
  return total;
}

function lgamma(x: number): number {
  // Lanczos (g = 7), adequate for a test oracle.
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
    -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
    1.5056327351493116e-7,
  ];
  const xx = x - 1;
  let a = c[0]!;
  const t = xx + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (xx + i);
  return 0.5 * Math.log(2 * Math.PI) + (xx + 0.5) * Math.log(t) - t + Math.log(a);
}

describe('betaProbGreater', () => {
  it('agrees with numerical integration', () => {
    for (const [aX, bX, aY, bY] of [
      [2, 9, 3, 8],
      [11, 30, 7, 40],
      [1, 1, 1, 1],
      [5.5, 3, 4, 6],
    ] as const) {
      expect(betaProbGreater(aX, bX, aY, bY)).toBeCloseTo(numeric(aX, bX, aY, bY), 6);
    }
  });

  it('P(Y > X) + P(X > Y) = 1, and a Monte-Carlo check with a seeded generator', () => {
    expect(betaProbGreater(3, 4, 6, 2) + betaProbGreater(6, 2, 3, 4)).toBeCloseTo(1, 12);
    expect(betaProbGreater(1, 1, 1, 1)).toBeCloseTo(0.5, 14);
    const rng = createRng(11);
    // Beta(1, 1) vs Beta(2, 1): P(Y > X) = 2/3; sample Beta(2,1) as max of two uniforms.
    let hits = 0;
    for (let i = 0; i < 100_000; i++) if (Math.max(rng.next(), rng.next()) > rng.next()) hits++;
    expect(hits / 100_000).toBeCloseTo(betaProbGreater(1, 1, 2, 1), 2);
  });

  it('handles large counts without underflow (log-space sum)', () => {
    const p = betaProbGreater(1 + 100_000, 1 + 900_000, 1 + 101_000, 1 + 899_000);
    expect(p).toBeGreaterThan(0.99);
    expect(p).toBeLessThanOrEqual(1);
  });
});
