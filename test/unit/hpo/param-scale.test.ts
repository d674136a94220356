import { describe, expect, it } from 'vitest';
import type { SearchParam } from '../../../src/lib/contracts/hpo';
import {
  fromSamplingSpace,
  isInDomain,
  paramStep,
  samplingBounds,
  snapToStep,
  uniformIndex,
} from '../../../src/lib/hpo/param-scale';
import { createRng } from '../../../src/lib/stats/rng';

describe('param-scale', () => {
  it('gives steps: explicit, 1 for ints, null for continuous floats', () => {
    expect(paramStep({ name: 'n', kind: 'int', low: 0, high: 9 })).toBe(1);
    expect(paramStep({ name: 'n', kind: 'int', low: 0, high: 9, step: 3 })).toBe(3);
    expect(paramStep({ name: 'x', kind: 'float', low: 0, high: 1 })).toBeNull();
  });

  it('snaps to the step grid, tidies float noise and clips', () => {
    const d = { name: 'd', kind: 'float', low: 0, high: 0.5, step: 0.1 } as const;
    expect(snapToStep(d, 0.26)).toBe(0.3);
    expect(snapToStep(d, 0.1 + 0.2)).toBe(0.3);
    expect(snapToStep(d, 0.7)).toBe(0.5);
    expect(snapToStep({ name: 'n', kind: 'int', low: 1, high: 9, step: 2 }, 4.2)).toBe(5);
    expect(snapToStep({ name: 'x', kind: 'float', low: 0, high: 1 }, 0.123456789)).toBe(
      0.123456789,
    );
  });

  it("widens bounds by half a step (Optuna's _SearchSpaceTransform) and maps back", () => {
    expect(samplingBounds({ name: 'n', kind: 'int', low: 1, high: 3 })).toEqual([0.5, 3.5]);
    expect(samplingBounds({ name: 'n', kind: 'int', low: 1, high: 8, log: true })).toEqual([
      Math.log(0.5),
      Math.log(8.5),
    ]);
    const lr = { name: 'lr', kind: 'float', low: 1e-4, high: 1, log: true } as const;
    expect(samplingBounds(lr)).toEqual([Math.log(1e-4), 0]);
    expect(fromSamplingSpace(lr, Math.log(0.01))).toBeCloseTo(0.01, 15);
    expect(
      fromSamplingSpace({ name: 'n', kind: 'int', low: 1, high: 8, log: true }, Math.log(8.4)),
    ).toBe(8);
  });

  it('tells values of the domain from others', () => {
    const n: SearchParam = { name: 'n', kind: 'int', low: 1, high: 9, step: 2 };
    expect([1, 3, 9].every((v) => isInDomain(n, v))).toBe(true);
    expect([2, 11, 3.5, '3'].some((v) => isInDomain(n, v))).toBe(false);
    expect(
      isInDomain({ name: 'd', kind: 'float', low: 0.1, high: 0.7, step: 0.1 }, 0.30000000000000004),
    ).toBe(true);
    expect(isInDomain({ name: 'c', kind: 'categorical', choices: [1, 'a'] }, '1')).toBe(false);
  });

  it('draws uniform indexes beyond 32 bits', () => {
    const rng = createRng(5);
    const big = 2 ** 40;
    const xs = Array.from({ length: 1000 }, () => uniformIndex(rng, big));
    expect(xs.every((x) => Number.isInteger(x) && x >= 0 && x < big)).toBe(true);
    // Mean of 1000 uniforms on [0, 1): 0.5 with sd 0.009.
    expect(Math.abs(xs.reduce((s, x) => s + x / big, 0) / 1000 - 0.5)).toBeLessThan(0.05);
    expect(uniformIndex(createRng(1), 1)).toBe(0);
  });
});
