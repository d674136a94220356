import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/lib/contracts/errors';
import {
  buildProfile,
  buildReferenceProfile,
  compareStrings,
  numericProfile,
  type CategoricalProfile,
  type NumericProfile,
} from '../../../src/lib/stats/profile';

describe('profiles', () => {
  it('numeric: sorted finite values, counts, mean, std (ddof 0), distinct', () => {
    const p = buildProfile([3, NaN, 1, 3, Infinity], 'numeric') as NumericProfile;
    expect(Array.from(p.sorted)).toEqual([1, 3, 3]);
    expect(p).toMatchObject({ kind: 'numeric', count: 3, missing: 2, distinct: 2 });
    expect(p.mean).toBeCloseTo(7 / 3, 15);
    expect(p.std).toBeCloseTo(Math.sqrt(8 / 9), 15); // np.std([1, 3, 3])
  });

  it('numeric Float64Array without missing values: sorted copy, input untouched', () => {
    const x = Float64Array.from({ length: 5000 }, (_, i) => ((i * 7919) % 5000) - 2500.5);
    const copy = x.slice();
    const p = buildProfile(x, 'numeric') as NumericProfile;
    const withNaN = Float64Array.of(...x, NaN);
    const q = buildProfile(withNaN, 'numeric') as NumericProfile;
    expect(Array.from(x)).toEqual(Array.from(copy));
    expect(p.sorted).not.toBe(x);
    expect(Array.from(p.sorted)).toEqual(Array.from(q.sorted));
    expect(p).toMatchObject({ count: 5000, missing: 0, distinct: 5000, mean: q.mean, std: q.std });
    expect(q.missing).toBe(1);
  });

  it('categorical: sorted categories with counts; missing dropped', () => {
    const p = buildProfile(['b', 'a', '', 'b', null as unknown as string], 'categorical');
    expect(p as CategoricalProfile).toMatchObject({
      categories: ['a', 'b'],
      count: 3,
      missing: 2,
      distinct: 2,
    });
    expect(Array.from((p as CategoricalProfile).counts)).toEqual([1, 2]);
  });

  it('the reference profile names ref in errors and is structured-cloneable', () => {
    expect(() => buildReferenceProfile([NaN], 'numeric')).toThrow(/^ref = /);
    const p = buildReferenceProfile([2, 1], 'numeric');
    expect(structuredClone(p)).toEqual(p);
  });

  it('numericProfile narrows or throws; compareStrings orders by code unit', () => {
    expect(() => numericProfile(buildProfile(['a'], 'categorical'))).toThrow(InvalidArgumentError);
    expect(['b', 'B', 'a'].sort(compareStrings)).toEqual(['B', 'a', 'b']);
  });
});
