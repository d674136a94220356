import { describe, expect, it } from 'vitest';
import type { SearchSpace } from '../../../src/lib/contracts/hpo';
import { randomSampler, sampleRandomParams } from '../../../src/lib/hpo/random-sampler';
import { createRng } from '../../../src/lib/stats/rng';

const space: SearchSpace = [
  { name: 'x', kind: 'float', low: -2, high: 3 },
  { name: 'lr', kind: 'float', low: 1e-5, high: 1e-1, log: true },
  { name: 'n', kind: 'int', low: 10, high: 50, step: 10 },
  { name: 'k', kind: 'int', low: 1, high: 1024, log: true },
  { name: 'd', kind: 'float', low: 0, high: 0.5, step: 0.1 },
  { name: 'act', kind: 'categorical', choices: ['relu', 'tanh', 'sigmoid'] },
];

function draws(seed: number, n: number) {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => sampleRandomParams(space, rng));
}

describe('random sampler', () => {
  it('is deterministic per seed', () => {
    expect(draws(7, 50)).toEqual(draws(7, 50));
    expect(draws(7, 50)).not.toEqual(draws(8, 50));
    expect(randomSampler.sample(space, [], createRng(7), 'minimize')).toEqual(draws(7, 1)[0]);
  });

  it('stays in range and on the step grid', () => {
    const bad = draws(1, 2000).filter((p) => {
      const x = p['x'] as number;
      const lr = p['lr'] as number;
      const k = p['k'] as number;
      return !(
        x >= -2 &&
        x <= 3 &&
        lr >= 1e-5 &&
        lr <= 1e-1 &&
        [10, 20, 30, 40, 50].includes(p['n'] as number) &&
        Number.isInteger(k) &&
        k >= 1 &&
        k <= 1024 &&
        [0, 0.1, 0.2, 0.3, 0.4, 0.5].includes(p['d'] as number) &&
        ['relu', 'tanh', 'sigmoid'].includes(p['act'] as string)
      );
    });
    expect(bad).toEqual([]);
  });

  it('is uniform on the log scale for log parameters (log-space mean at the midpoint)', () => {
    const ps = draws(2, 4000);
    // log10 of a log-uniform on [1e-5, 1e-1] is uniform on [-5, -1]: mean -3, sd 4 / sqrt(12).
    // The mean of 4000 has sd 0.018; 0.1 is more than 5 sd. A plain uniform would give about -1.3.
    const meanLog = ps.reduce((s, p) => s + Math.log10(p['lr'] as number), 0) / ps.length;
    expect(Math.abs(meanLog - -3)).toBeLessThan(0.1);
    // Half the draws below the geometric midpoint 1e-3 (binomial sd 0.008).
    expect(
      Math.abs(ps.filter((p) => (p['lr'] as number) < 1e-3).length / ps.length - 0.5),
    ).toBeLessThan(0.04);
  });

  it('gives every step value and choice an equal share, end points included', () => {
    const ps = draws(3, 6000);
    for (const v of [10, 20, 30, 40, 50]) {
      // expected 1200 each, binomial sd 31
      expect(Math.abs(ps.filter((p) => p['n'] === v).length - 1200)).toBeLessThan(160);
    }
    for (const c of ['relu', 'tanh', 'sigmoid']) {
      expect(Math.abs(ps.filter((p) => p['act'] === c).length - 2000)).toBeLessThan(180);
    }
  });

  it('reports an unbounded size', () => {
    expect(randomSampler.size(space)).toBe(Infinity);
  });
});
