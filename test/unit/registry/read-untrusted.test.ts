import { describe, expect, it } from 'vitest';
import {
  isRecord,
  own,
  readFinite,
  readFiniteArray,
  readOneOf,
  readRecord,
  readString,
  readStringArray,
} from '../../../src/lib/registry/read-untrusted';

const fail = (message: string): never => {
  throw new Error(message);
};

describe('read-untrusted', () => {
  it('reads own properties only', () => {
    expect(own({}, 'constructor')).toBeUndefined();
    expect(own({}, 'toString')).toBeUndefined();
    expect(own({ a: 1 }, 'a')).toBe(1);
    expect(isRecord([])).toBe(false);
    expect(isRecord(null)).toBe(false);
    expect(isRecord({})).toBe(true);
  });

  it('returns typed values and names the path when wrong', () => {
    expect(readRecord({ a: 1 }, 'x', fail)).toEqual({ a: 1 });
    expect(() => readRecord([], 'x', fail)).toThrow('x must be an object, not []');
    expect(readString('', 'x', fail, true)).toBe('');
    expect(() => readString('', 'x', fail)).toThrow('x must be a non-empty string, not ""');
    expect(readFinite(-1.5, 'x', fail)).toBe(-1.5);
    expect(() => readFinite(Number.NaN, 'x', fail)).toThrow('x must be a finite number, not NaN');
    expect(readStringArray(['a', ''], 'x', fail)).toEqual(['a', '']);
    expect(() => readStringArray(['a', 1], 'x', fail)).toThrow('x[1] must be a string, not 1');
    expect(readFiniteArray([1], 'x', fail)).toEqual([1]);
    expect(() => readFiniteArray({}, 'x', fail)).toThrow('x must be an array of numbers, not {}');
    expect(readOneOf('b', ['a', 'b'] as const, 'x', fail)).toBe('b');
    expect(() => readOneOf('toString', ['a'] as const, 'x', fail)).toThrow(
      'x must be one of a, not "toString"',
    );
  });
});
