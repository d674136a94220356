import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/lib/contracts/errors';
import { buildProfile } from '../../../src/lib/stats/profile';
import { alignedCounts, distinctUnion } from '../../../src/lib/stats/value-counts';

describe('alignedCounts / distinctUnion', () => {
  it('aligns categorical counts over the union in sorted order', () => {
    const r = alignedCounts(
      buildProfile(['a', 'b', 'a'], 'categorical'),
      buildProfile(['c', 'b'], 'categorical'),
    );
    expect(r.size).toBe(3);
    expect(Array.from(r.ref)).toEqual([2, 1, 0]);
    expect(Array.from(r.cur)).toEqual([0, 1, 1]);
  });

  it('aligns numeric counts by value', () => {
    const r = alignedCounts(buildProfile([2, 1, 2], 'numeric'), buildProfile([3, 2], 'numeric'));
    expect(Array.from(r.ref)).toEqual([1, 2, 0]);
    expect(Array.from(r.cur)).toEqual([0, 1, 1]);
  });

  it('counts distinct values of ref ∪ cur up to a cap', () => {
    const a = buildProfile([1, 2], 'numeric');
    expect(distinctUnion(a, buildProfile([2, 3], 'numeric'), 5)).toBe(3);
    expect(distinctUnion(a, buildProfile([1, 2, 3, 4, 5, 6, 7], 'numeric'), 5)).toBe(6);
    expect(distinctUnion(a, buildProfile([3, 4, 5, 6], 'numeric'), 5)).toBe(6);
  });

  it('rejects profiles of different kinds', () => {
    expect(() =>
      alignedCounts(buildProfile([1], 'numeric'), buildProfile(['1'], 'categorical')),
    ).toThrow(InvalidArgumentError);
  });
});
