import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/lib/contracts/errors';
import { kFold, type Fold } from '../../../src/lib/data/k-fold';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

function checkFolds(folds: Fold[], rows: number[]): void {
  const validation = folds.flatMap((f) => Array.from(f.validation));
  // Disjoint and covering: every row exactly once over the validation parts.
  expect(validation.sort((a, b) => a - b)).toEqual(rows);
  const sizes = folds.map((f) => f.validation.length);
  expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  for (const f of folds) {
    // Train is exactly the other rows; both ascending.
    const inVal = new Set(f.validation);
    expect(Array.from(f.train)).toEqual(rows.filter((r) => !inVal.has(r)));
    expect(Array.from(f.validation)).toEqual(Array.from(f.validation).sort((a, b) => a - b));
  }
}

describe('kFold', () => {
  it('gives k disjoint, covering validation folds whose sizes differ by at most 1', () => {
    for (const [n, k] of [
      [2, 2],
      [5, 2],
      [10, 3],
      [101, 5],
      [344, 10],
      [7, 7],
    ] as const) {
      const folds = kFold(n, k, { seed: 1 });
      expect(folds).toHaveLength(k);
      checkFolds(folds, range(n));
    }
    expect(kFold(5, 2, { seed: 1 }).map((f) => f.validation.length)).toEqual([3, 2]);
  });

  it('is deterministic per seed and differs between seeds', () => {
    expect(kFold(50, 5, { seed: 3 })).toEqual(kFold(50, 5, { seed: 3 }));
    expect(kFold(50, 5, { seed: 3 })).not.toEqual(kFold(50, 5, { seed: 4 }));
  });

  it('stratifies: every class is spread over the folds within one row', () => {
    // Classes of 53, 31, 9 and 4 rows (and -1, a class of its own, 3 rows), interleaved.
    const sizes = [53, 31, 9, 4, 3];
    const strata = Int32Array.from(
      sizes.flatMap((m, c) => Array<number>(m).fill(c === 4 ? -1 : c)),
    );
    strata.reverse();
    const folds = kFold(strata.length, 5, { seed: 7, strata });
    checkFolds(folds, range(strata.length));
    for (const c of [-1, 0, 1, 2, 3]) {
      const perFold = folds.map((f) => f.validation.filter((r) => strata[r] === c).length);
      expect(Math.max(...perFold) - Math.min(...perFold)).toBeLessThanOrEqual(1);
      expect(perFold.reduce((a, b) => a + b, 0)).toBe(sizes[c === -1 ? 4 : c]);
    }
  });

  it('folds only the given rows, stratified or not', () => {
    const rows = range(40).filter((i) => i % 3 !== 0);
    checkFolds(kFold(40, 4, { seed: 2, rows }), rows);
    const strata = Int32Array.from(range(40), (i) => i % 2);
    const folds = kFold(40, 4, { seed: 2, rows, strata });
    checkFolds(folds, rows);
    expect(kFold(40, 4, { seed: 2, rows, strata })).toEqual(folds);
  });

  it.each([
    [10, 1, {}, /k = 1: use a whole number of folds from 2 to 10/],
    [10, 11, {}, /k = 11/],
    [10, 2.5, {}, /k = 2.5/],
    [10, 3, { rows: [0, 1] }, /from 2 to 2/],
    [10, 2, { rows: [10] }, /rows = 10: must be in 0..9/],
    [10, 2, { strata: new Int32Array(3) }, /strata = 3/],
  ])('refuses n = %i, k = %s, %j', (n, k, extra, message) => {
    expect(() => kFold(n, k, { seed: 1, ...extra })).toThrow(InvalidArgumentError);
    expect(() => kFold(n, k, { seed: 1, ...extra })).toThrow(message);
  });
});
