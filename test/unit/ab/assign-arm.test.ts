import { describe, expect, it } from 'vitest';
import type { AbArm } from '../../../src/lib/contracts/ab';
import { InvalidArgumentError } from '../../../src/lib/contracts/errors';
import { assignArm, bucketRanges, checkWeights, chooseArm } from '../../../src/lib/ab/assign-arm';
import { chiSquareSf } from '../../../src/lib/stats';

const arms = (weights: number[]): AbArm[] =>
  weights.map((weight, i) => ({
    name: String.fromCharCode(65 + i),
    modelVersionId: `m@${i + 1}`,
    weight,
  }));

describe('bucketRanges / chooseArm', () => {
  // GrowthBook cases.json "getBucketRange" (coverage 1): "normal 50/50", "4 variations",
  // "uneven weights", "uneven weights, 3 variations".
  it.each([
    [
      [0.5, 0.5],
      [
        [0, 0.5],
        [0.5, 1],
      ],
    ],
    [
      [0.25, 0.25, 0.25, 0.25],
      [
        [0, 0.25],
        [0.25, 0.5],
        [0.5, 0.75],
        [0.75, 1],
      ],
    ],
    [
      [0.4, 0.6],
      [
        [0, 0.4],
        [0.4, 1],
      ],
    ],
    [
      [0.2, 0.3, 0.5],
      [
        [0, 0.2],
        [0.2, 0.5],
        [0.5, 1],
      ],
    ],
  ])('ranges of %j', (weights, want) => {
    const got = bucketRanges(weights);
    got.forEach((r, i) => {
      expect(r[0]).toBeCloseTo(want[i]![0]!, 12);
      expect(r[1]).toBeCloseTo(want[i]![1]!, 12);
    });
  });

  it('chooses the range holding the bucket (GrowthBook chooseVariation)', () => {
    const r = bucketRanges([0.2, 0.3, 0.5]);
    expect(chooseArm(0, r)).toBe(0);
    expect(chooseArm(0.1999, r)).toBe(1 - 1);
    expect(chooseArm(0.2, r)).toBe(1);
    expect(chooseArm(0.5, r)).toBe(2);
    expect(chooseArm(0.9999, r)).toBe(2);
  });

  it('rejects bad weights with a message naming them', () => {
    expect(() => checkWeights([1])).toThrow(/at least two arms/);
    expect(() => checkWeights([0.5, 0.6])).toThrow(/sum to 1 \(they sum to 1.1/);
    expect(() => checkWeights([1, 0])).toThrow(InvalidArgumentError);
    expect(() => checkWeights([0.5, NaN])).toThrow('weights[1] = NaN');
  });
});

describe('assignArm', () => {
  it('is stable: the same unit and salt always get the same arm', () => {
    const a = arms([0.5, 0.5]);
    const first = Array.from({ length: 2000 }, (_, i) => assignArm('exp-1', `user-${i}`, a));
    const again = Array.from({ length: 2000 }, (_, i) => assignArm('exp-1', `user-${i}`, a));
    expect(again).toEqual(first);
    // Fixed salt, fixed answers: these must never change between releases (users would switch arms).
    expect(['u1', 'u2', 'u3', 'u4', 'u5', 'u6'].map((u) => assignArm('fixed-salt', u, a))).toEqual(
      ['u1', 'u2', 'u3', 'u4', 'u5', 'u6'].map((u) =>
        // growthbookHash v2 < 0.5 → A, as GrowthBook itself would assign.
        (fnv(fnv(`fixed-salt${u}`).toString()) % 10000) / 10000 < 0.5 ? 0 : 1,
      ),
    );
  });

  it.each([[[0.5, 0.5]], [[0.8, 0.2]], [[1 / 3, 1 / 3, 1 / 3]], [[0.5, 0.3, 0.2]]])(
    'splits 100k units as configured (%j), within binomial bounds',
    (weights) => {
      const a = arms(weights);
      const n = 100_000;
      const counts = weights.map(() => 0);
      for (let i = 0; i < n; i++) counts[assignArm('split-test', `unit-${i}`, a)]!++;
      weights.forEach((w, i) => {
        // 4.5 binomial standard deviations: a false alarm about once in 150k runs per arm.
        const sd = Math.sqrt(n * w * (1 - w));
        expect(Math.abs(counts[i]! - n * w)).toBeLessThan(4.5 * sd);
      });
      // And the whole split passes a chi-square goodness of fit at 0.001.
      const chi2 = counts.reduce(
        (s, c, i) => s + (c - n * weights[i]!) ** 2 / (n * weights[i]!),
        0,
      );
      expect(chiSquareSf(chi2, weights.length - 1)).toBeGreaterThan(0.001);
    },
  );

  it('is independent across salts: arms under two salts are uncorrelated', () => {
    const a = arms([0.5, 0.5]);
    const n = 50_000;
    const table = [
      [0, 0],
      [0, 0],
    ];
    for (let i = 0; i < n; i++) {
      table[assignArm('salt-one', `u${i}`, a)]![assignArm('salt-two', `u${i}`, a)]!++;
    }
    // Chi-square test of independence on the 2×2 table (1 df).
    const rows = table.map((r) => r[0]! + r[1]!);
    const cols = [table[0]![0]! + table[1]![0]!, table[0]![1]! + table[1]![1]!];
    let chi2 = 0;
    for (let r = 0; r < 2; r++) {
      for (let c = 0; c < 2; c++) {
        const e = (rows[r]! * cols[c]!) / n;
        chi2 += (table[r]![c]! - e) ** 2 / e;
      }
    }
    expect(chiSquareSf(chi2, 1)).toBeGreaterThan(0.001);
    // About half the units switch arms when the salt changes.
    expect((table[0]![1]! + table[1]![0]!) / n).toBeCloseTo(0.5, 1);
  });
});

function fnv(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}
