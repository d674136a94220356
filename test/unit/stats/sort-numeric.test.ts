import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/lib/stats/rng';
import { sortFloat64, sortFloat64Into } from '../../../src/lib/stats/sort-numeric';

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

  it('sorts every data shape the radix levels treat differently, like the built-in sort', () => {
    const rng = createRng(17);
    const shapes: Record<string, () => number> = {
      // one sign and a narrow range: the top digit is shared, deeper levels do the work
      narrow: () => 1 + rng.int(1 << 20) * 2 ** -52,
      negativeNarrow: () => -(1 + rng.int(1 << 20) * 2 ** -52),
      // long runs of equal values (every digit of a run trivial)
      rounded: () => Math.round(rng.normal() * 100) / 100,
      zeros: () => (rng.next() < 0.5 ? -0 : 0),
      wide: () => Math.exp(rng.normal() * 30) * (rng.next() < 0.5 ? -1 : 1),
      // arbitrary bit patterns (all 2^16 top buckets in play)
      bits: () => {
        const box = new Float64Array(1);
        const words = new Uint32Array(box.buffer);
        do {
          words[0] = rng.int(2 ** 32);
          words[1] = rng.int(2 ** 32);
        } while (Number.isNaN(box[0]));
        return box[0]!;
      },
    };
    for (const [name, next] of Object.entries(shapes)) {
      for (const n of [4096, 30_000]) {
        const x = Float64Array.from({ length: n }, next);
        x[n >> 1] = Infinity;
        const expected = x.slice().sort();
        const copy = x.slice();
        const got = sortFloat64Into(x, new Float64Array(n));
        let same = true;
        for (let i = 0; i < n; i++) if (!Object.is(got[i], expected[i])) same = false;
        expect(same, `${name}, n = ${n}`).toBe(true);
        expect(Array.from(x), `${name}: input untouched`).toEqual(Array.from(copy));
      }
    }
  });

  it('sortFloat64Into checks the output length', () => {
    expect(() => sortFloat64Into(new Float64Array(3), new Float64Array(2))).toThrow(RangeError);
    expect(Array.from(sortFloat64Into(Float64Array.of(2, -0, 0, 1), new Float64Array(4)))).toEqual([
      -0, 0, 1, 2,
    ]);
  });
});
