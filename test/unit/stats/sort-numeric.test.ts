import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/lib/stats/rng';
import { sortFloat64 } from '../../../src/lib/stats/sort-numeric';

describe('sortFloat64', () => {
  it('matches Float64Array.prototype.sort on large random data with ties, signs and zeros', () => {
    const rng = createRng(5);
    const n = 50_000;
    const x = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const r = rng.next();
      x[i] =
        r < 0.1 ? Math.round(rng.normal() * 3) : r < 0.15 ? -0 : rng.normal() * 10 ** rng.int(8);
    }
    x[7] = Infinity;
    x[8] = -Infinity;
    x[9] = Number.MIN_VALUE;
    x[10] = -Number.MAX_VALUE;
    const expected = x.slice().sort();
    const got = sortFloat64(x.slice());
    let same = true;
    for (let i = 0; i < n; i++) if (!Object.is(got[i], expected[i])) same = false;
    expect(same).toBe(true);
  });

  it('sorts small arrays and returns the same array', () => {
    const x = Float64Array.of(3, -1, 2);
    expect(sortFloat64(x)).toBe(x);
    expect(Array.from(x)).toEqual([-1, 2, 3]);
  });

  it('handles an all-equal array (every radix pass trivial)', () => {
    const x = new Float64Array(10_000).fill(1.5);
    expect(sortFloat64(x).every((v) => v === 1.5)).toBe(true);
  });
});
