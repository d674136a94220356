import { describe, expect, it } from 'vitest';
import { outerProbInsideMethod, probOutsideSquare } from '../../../src/lib/stats/ks-exact';
import { gcd } from '../../../src/lib/stats/float-utils';

/** P(D_{m,n} >= h/lcm) by enumerating every arrangement of m a's and n b's. */
function bruteForce(m: number, n: number, h: number): number {
  const lcm = (m * n) / gcd(m, n);
  let hit = 0;
  let total = 0;
  const walk = (i: number, j: number, maxAbs: number): void => {
    if (i === m && j === n) {
      total++;
      if (maxAbs >= h) hit++;
      return;
    }
    // |i/m - j/n| on the lcm grid, kept as integers to avoid rounding.
    if (i < m) {
      const d = Math.abs((i + 1) * (lcm / m) - j * (lcm / n));
      walk(i + 1, j, Math.max(maxAbs, d));
    }
    if (j < n) {
      const d = Math.abs(i * (lcm / m) - (j + 1) * (lcm / n));
      walk(i, j + 1, Math.max(maxAbs, d));
    }
  };
  walk(0, 0, 0);
  return hit / total;
}

describe('exact two-sample KS distribution', () => {
  it('probOutsideSquare matches path enumeration and scipy', () => {
    // scipy.stats.ks_2samp([1,2,3], [4,5,6]) -> pvalue 0.1
    expect(probOutsideSquare(3, 3)).toBeCloseTo(0.1, 15);
    for (const [n, h] of [
      [5, 3],
      [6, 2],
      [8, 5],
    ] as const) {
      expect(probOutsideSquare(n, h)).toBeCloseTo(bruteForce(n, n, h), 12);
    }
  });

  it('outerProbInsideMethod matches path enumeration for unequal sizes, either order', () => {
    for (const [m, n] of [
      [4, 6],
      [5, 7],
      [3, 9],
      [8, 6],
    ] as const) {
      const g = gcd(m, n);
      const lcm = (m * n) / g;
      for (const frac of [0.2, 0.4, 0.6, 0.9]) {
        const h = Math.max(1, Math.round(frac * lcm));
        const expected = bruteForce(m, n, h);
        expect(outerProbInsideMethod(m, n, g, h)).toBeCloseTo(expected, 12);
        expect(outerProbInsideMethod(n, m, g, h)).toBeCloseTo(expected, 12);
      }
    }
  });
});
