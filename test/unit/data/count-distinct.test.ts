import { describe, expect, it } from 'vitest';
import { countDistinct } from '../../../src/lib/data/count-distinct';

describe('countDistinct', () => {
  it('ignores NaN in f64 columns and -1 in dict columns', () => {
    expect(countDistinct(Float64Array.of(1, 1, NaN, 2))).toBe(2);
    expect(countDistinct(Int32Array.of(0, -1, 0, 3))).toBe(2);
    expect(countDistinct(new Float64Array(0))).toBe(0);
  });

  it('can look at a subset of rows', () => {
    expect(countDistinct(Float64Array.of(1, 2, 3, 1), [0, 3])).toBe(1);
  });
});
