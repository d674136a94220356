/**
 * GrowthBook's deterministic bucketing hash (growthbook/growthbook, packages/sdk-js
 * `src/util.ts` `hash`), so that an assignment made here can be reproduced with any GrowthBook
 * SDK: FNV-1a 32-bit over the UTF-16 code units of the string, then
 * - version 2: `fnv1a32(String(fnv1a32(seed + value))) % 10000 / 10000`;
 * - version 1: `fnv1a32(value + seed) % 1000 / 1000` (kept only to check the published vectors);
 * - any other version: null.
 */

/**
 * FNV-1a, 32-bit, over UTF-16 code units (as GrowthBook's `hashFnv32a`).
 * @param text the string
 * @returns the unsigned 32-bit hash
 * @example
 * fnv1a32('a') // 3826002220
 */
export function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    // h *= 16777619 (the FNV prime), written as shifts to stay exact in 32 bits.
    h += (h << 1) + (h << 4) + (h << 7) + (h << 8) + (h << 24);
  }
  return h >>> 0;
}

/**
 * GrowthBook's bucketing hash of a unit: a number in [0, 1).
 * @param seed the experiment's seed (our salt)
 * @param value the unit key
 * @param version 2 (the default GrowthBook uses for new experiments) or 1
 * @returns the bucket in [0, 1), or null for an unknown version
 * @example
 * growthbookHash('seed', 'a', 2) // 0.0505
 */
export function growthbookHash(seed: string, value: string, version = 2): number | null {
  if (version === 2) return (fnv1a32(String(fnv1a32(seed + value))) % 10000) / 10000;
  if (version === 1) return (fnv1a32(value + seed) % 1000) / 1000;
  return null;
}
