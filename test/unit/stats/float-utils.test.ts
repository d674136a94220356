import { describe, expect, it } from 'vitest';
import { gcd, ldexp, roundHalfEven, twoProduct } from '../../../src/lib/stats/float-utils';

describe('float utils', () => {
  it('ldexp scales without intermediate overflow/underflow', () => {
    expect(ldexp(3, 2)).toBe(12);
    expect(ldexp(1, -1100)).toBe(0);
    expect(ldexp(2 ** 1000, -1500)).toBe(2 ** -500);
  });

  it('roundHalfEven rounds ties to even like numpy.round', () => {
    // numpy.round([0.5, 1.5, 2.5, -0.5, -1.5, 2.4]) -> [0, 2, 2, -0, -2, 2]
    expect([0.5, 1.5, 2.5, -1.5, 2.4, 2.6].map(roundHalfEven)).toEqual([0, 2, 2, -2, 2, 3]);
  });

  it('twoProduct is exact', () => {
    const [hi, lo] = twoProduct(10, 0.1);
    expect(hi).toBe(1);
    expect(lo).toBe(5.551115123125783e-17); // 10 * 0.1000000000000000055511151231257827
  });

  it('gcd', () => {
    expect(gcd(12, 18)).toBe(6);
    expect(gcd(7, 1)).toBe(1);
    expect(gcd(10000, 7001)).toBe(1);
  });
});
