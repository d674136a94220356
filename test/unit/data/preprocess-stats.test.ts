import { describe, expect, it } from 'vitest';
import {
  fitAffine,
  medianOfSorted,
  modeOfSorted,
  presentMeanStd,
  sortedPresent,
} from '../../../src/lib/data/preprocess-stats';
import { floats, NUMERIC } from './preprocess-fixtures';

// Reference values: test/fixtures/preprocess/numeric.json, from
// scripts/fixtures/gen_preprocess_fixtures.py (np.median, np.std, np.unique + argmax, np.min/max).
describe.each(NUMERIC)('preprocess statistics vs NumPy: $name', (c) => {
  const train = floats(c.train);
  const sorted = sortedPresent(train);

  it('median equals np.median and the mode the smallest most frequent value, exactly', () => {
    expect(medianOfSorted(sorted)).toBe(c.median);
    expect(modeOfSorted(sorted)).toBe(c.mode);
    expect([sorted[0], sorted[sorted.length - 1]]).toEqual([c.min, c.max]);
  });

  it('mean and population std match np.mean / np.std (summation order aside)', () => {
    const { mean, std } = presentMeanStd(train);
    // NumPy sums pairwise, we in index order: equal to a few ulps, hence relative 1e-12.
    expect(Math.abs(mean - c.mean)).toBeLessThanOrEqual(1e-12 * Math.abs(c.mean));
    const want = c.std > 0 ? c.std : 1;
    expect(Math.abs(std - want)).toBeLessThanOrEqual(1e-9 * want);
  });

  it('fitAffine gives the NumPy fill, center and scale', () => {
    const range = c.max - c.min > 0 ? c.max - c.min : 1;
    expect(fitAffine(train, 'median', 0, 'min-max')).toEqual({
      fill: c.median,
      center: c.min,
      scale: range,
    });
    expect(fitAffine(train, 'most-frequent', 0, 'none')).toEqual({
      fill: c.mode,
      center: 0,
      scale: 1,
    });
    expect(fitAffine(train, 'constant', c.fill_value, 'standard').fill).toBe(c.fill_value);
  });
});

describe('preprocess statistics edge cases', () => {
  it('empty and all-missing samples: NaN statistics, fill 0 (or the constant), center 0, scale 1', () => {
    const none = Float64Array.from([NaN, NaN]);
    expect(sortedPresent(none)).toHaveLength(0);
    expect(medianOfSorted([])).toBeNaN();
    expect(modeOfSorted([])).toBeNaN();
    expect(presentMeanStd(none)).toEqual({ mean: 0, std: 1 });
    for (const impute of ['mean', 'median', 'most-frequent'] as const) {
      for (const method of ['standard', 'min-max', 'none'] as const) {
        expect(fitAffine(none, impute, 7, method)).toEqual({ fill: 0, center: 0, scale: 1 });
      }
    }
    expect(fitAffine([], 'constant', 7, 'min-max')).toEqual({ fill: 7, center: 0, scale: 1 });
  });

  it('one value; -0 and 0 are one value; NaN never counts', () => {
    expect(medianOfSorted([5])).toBe(5);
    // -0 + 0 is +0: the sign of the zero returned does not matter, its count (2) does.
    expect(modeOfSorted(sortedPresent([0, -0, 1, 1, 1, NaN, NaN])) + 0).toBe(1);
    expect(modeOfSorted(sortedPresent([0, -0, 1, NaN, NaN, NaN])) + 0).toBe(0);
    // np.median([1, 2, 10, 20]) -> 6.0
    expect(medianOfSorted(sortedPresent([20, NaN, 1, 10, 2]))).toBe(6);
  });
});
