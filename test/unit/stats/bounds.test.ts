import { describe, expect, it } from 'vitest';
import { lowerBound, upperBound } from '../../../src/lib/stats/bounds';

describe('lowerBound / upperBound', () => {
  const a = Float64Array.of(1, 2, 2, 2, 3, 5);
  it('bracket runs of equal values', () => {
    expect(lowerBound(a, 2)).toBe(1);
    expect(upperBound(a, 2)).toBe(4);
    expect(lowerBound(a, 4)).toBe(5);
    expect(upperBound(a, 4)).toBe(5);
  });
  it('handle the ends and empty input', () => {
    expect(lowerBound(a, 0)).toBe(0);
    expect(upperBound(a, 9)).toBe(a.length);
    expect(lowerBound(new Float64Array(0), 1)).toBe(0);
    expect(upperBound(new Float64Array(0), 1)).toBe(0);
  });
  it('agree with a linear scan on a sorted array with repeats', () => {
    const sorted = Float64Array.from({ length: 200 }, (_, i) => Math.floor(i / 3)).sort();
    for (let x = -1; x < 70; x += 0.5) {
      expect(lowerBound(sorted, x)).toBe(
        sorted.findIndex((v) => v >= x) === -1 ? 200 : sorted.findIndex((v) => v >= x),
      );
      expect(upperBound(sorted, x)).toBe(
        sorted.findIndex((v) => v > x) === -1 ? 200 : sorted.findIndex((v) => v > x),
      );
    }
  });
});
