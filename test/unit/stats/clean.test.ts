import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/lib/contracts/errors';
import {
  cleanCategorical,
  cleanNumeric,
  requireCount,
  requireOpenUnit,
} from '../../../src/lib/stats/clean';

describe('cleanNumeric', () => {
  it('drops NaN and infinities and counts them', () => {
    const r = cleanNumeric([1, NaN, 3, Infinity, -Infinity, -2], 'ref');
    expect(Array.from(r.values)).toEqual([1, 3, -2]);
    expect(r.missing).toBe(3);
  });

  it('throws InvalidArgumentError naming the argument for empty and all-NaN samples', () => {
    expect(() => cleanNumeric([], 'ref')).toThrow(InvalidArgumentError);
    expect(() => cleanNumeric([], 'ref')).toThrow(/^ref = \[\]: the sample is empty/);
    expect(() => cleanNumeric([NaN, NaN], 'cur')).toThrow(
      /^cur = \[NaN,NaN\]|^cur = \[null,null\]/,
    );
    try {
      cleanNumeric(new Float64Array(10).fill(NaN), 'cur');
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidArgumentError);
      expect((e as InvalidArgumentError).argument).toBe('cur');
      expect((e as Error).message).toContain('all 10 values are missing');
    }
  });
});

describe('cleanCategorical', () => {
  it('drops null, undefined, NaN and empty strings; stringifies booleans and numbers', () => {
    const r = cleanCategorical(['a', '', null, undefined, true, 3, NaN, 'b'], 'ref');
    expect(r.values).toEqual(['a', 'true', '3', 'b']);
    expect(r.missing).toBe(4);
  });

  it('throws when nothing is left', () => {
    expect(() => cleanCategorical(['', null], 'cur')).toThrow(InvalidArgumentError);
  });
});

describe('requireCount / requireOpenUnit', () => {
  it('accepts valid values and rejects bad ones with the value in the message', () => {
    expect(requireCount(0, 'nA')).toBe(0);
    expect(() => requireCount(-1, 'nA')).toThrow('nA = -1: must be a non-negative integer count');
    expect(() => requireCount(1.5, 'nA')).toThrow(InvalidArgumentError);
    expect(() => requireCount(NaN, 'nA')).toThrow(InvalidArgumentError);
    expect(requireOpenUnit(0.3, 'splitA')).toBe(0.3);
    expect(() => requireOpenUnit(0, 'splitA')).toThrow(
      'splitA = 0: must be strictly between 0 and 1',
    );
    expect(() => requireOpenUnit(1, 'splitA')).toThrow(InvalidArgumentError);
  });
});
