import { describe, expect, it } from 'vitest';
import { fnv1a32, growthbookHash } from '../../../src/lib/ab/hash';

// GrowthBook's published SDK test vectors: growthbook/growthbook packages/sdk-js/test/cases.json
// (specVersion 0.5.4), section "hash": [seed, value, version, expected].
const CASES: [string, string, number, number | null][] = [
  ['', 'a', 1, 0.22],
  ['', 'b', 1, 0.077],
  ['b', 'a', 1, 0.946],
  ['ef', 'd', 1, 0.652],
  ['asdf', '8952klfjas09ujk', 1, 0.549],
  ['', '123', 1, 0.011],
  ['', '___)((*":&', 1, 0.563],
  ['seed', 'a', 2, 0.0505],
  ['seed', 'b', 2, 0.2696],
  ['foo', 'ab', 2, 0.2575],
  ['foo', 'def', 2, 0.2019],
  ['89123klj', '8952klfjas09ujkasdf', 2, 0.124],
  ['90850943850283058242805', '123', 2, 0.7516],
  ['()**(%$##$%#$#', '___)((*":&', 2, 0.0128],
  ['abc', 'def', 99, null],
];

describe('growthbookHash', () => {
  it.each(CASES)('hash(%j, %j, v%i) = %s (GrowthBook cases.json)', (seed, value, version, want) => {
    expect(growthbookHash(seed, value, version)).toBe(want);
  });

  it('FNV-1a 32-bit matches the published FNV test values', () => {
    // http://www.isthe.com/chongo/tech/comp/fnv/ test vectors: FNV-1a 32 of "" and "a", "foobar".
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  it('is deterministic and in [0, 1)', () => {
    for (let i = 0; i < 1000; i++) {
      const h = growthbookHash('salt', `u${i}`)!;
      expect(h).toBe(growthbookHash('salt', `u${i}`));
      expect(h).toBeGreaterThanOrEqual(0);
      expect(h).toBeLessThan(1);
    }
  });
});
