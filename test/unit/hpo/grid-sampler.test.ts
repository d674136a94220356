import { describe, expect, it } from 'vitest';
import type { Params, SearchSpace, Trial } from '../../../src/lib/contracts/hpo';
import { gridIndexOf, gridPoint, gridSampler, gridSize } from '../../../src/lib/hpo/grid-sampler';
import { createStudy } from '../../../src/lib/hpo/study';
import { createRng } from '../../../src/lib/stats/rng';

const space: SearchSpace = [
  { name: 'lr', kind: 'float', low: 1e-3, high: 1e-1, log: true, gridPoints: 3 },
  { name: 'units', kind: 'int', low: 16, high: 48, step: 16 },
  { name: 'act', kind: 'categorical', choices: ['relu', 'tanh'] },
];

function runGrid(budget: number, seed = 1): Params[] {
  const study = createStudy({ space, sampler: 'grid', seed, direction: 'minimize', budget });
  const out: Params[] = [];
  for (let t = study.ask(); t; t = study.ask()) {
    out.push(t.params);
    study.tell(t.number, out.length);
  }
  return out;
}

describe('grid sampler', () => {
  it('reports the grid size: the product of the axes', () => {
    expect(gridSize(space)).toBe(18);
    expect(gridSize([{ name: 'd', kind: 'float', low: 0, high: 0.5, step: 0.1 }])).toBe(6);
    expect(gridSize([{ name: 'n', kind: 'int', low: 1, high: 100 }])).toBe(100);
    // gridPoints on ints are rounded and de-duplicated: 1, 1.6, 2.5, 4, 6.3, 10 -> 1, 2, 3, 4, 6, 10
    expect(gridSize([{ name: 'n', kind: 'int', low: 1, high: 10, log: true, gridPoints: 6 }])).toBe(
      6,
    );
    expect(gridSize([{ name: 'n', kind: 'int', low: 1, high: 3, gridPoints: 10 }])).toBe(3);
  });

  it('visits every point once, in product order (last parameter fastest), when the budget allows', () => {
    const seen = runGrid(100);
    expect(seen.length).toBe(18);
    expect(seen.slice(0, 3)).toEqual([
      { lr: 0.001, units: 16, act: 'relu' },
      { lr: 0.001, units: 16, act: 'tanh' },
      { lr: 0.001, units: 32, act: 'relu' },
    ]);
    expect(seen[17]).toEqual({ lr: 0.1, units: 48, act: 'tanh' });
    // log-spaced middle point: sqrt(0.001 * 0.1) = 0.01
    expect(seen[6]!['lr']).toBeCloseTo(0.01, 15);
    expect(new Set(seen.map((p) => JSON.stringify(p))).size).toBe(18);
    expect(seen.map((p) => gridIndexOf(space, p))).toEqual(Array.from({ length: 18 }, (_, i) => i));
  });

  it('takes distinct seeded random points when the budget is below the grid size', () => {
    const a = runGrid(6, 3);
    expect(a.length).toBe(6);
    expect(new Set(a.map((p) => gridIndexOf(space, p))).size).toBe(6);
    expect(a.every((p) => gridIndexOf(space, p) >= 0)).toBe(true);
    expect(runGrid(6, 3)).toEqual(a);
    expect(runGrid(6, 4)).not.toEqual(a);
    // Not simply the first six in product order.
    expect(a.map((p) => gridIndexOf(space, p))).not.toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('skips points already used by any trial, failed or running included', () => {
    const used = (i: number, state: Trial['state']): Trial => ({
      number: i,
      params: gridPoint(space, i),
      state,
      intermediate: [],
    });
    const next = gridSampler.sample(
      space,
      [used(0, 'failed'), used(1, 'running'), used(3, 'complete')],
      createRng(1),
      'minimize',
      { budget: 100 },
    );
    expect(next).toEqual(gridPoint(space, 2));
    const all = Array.from({ length: 18 }, (_, i) => used(i, 'complete'));
    expect(() => gridSampler.sample(space, all, createRng(1), 'minimize')).toThrow(
      /every one of the 18 grid points/,
    );
  });

  it('round-trips indexes and rejects off-grid values and bad indexes', () => {
    for (let i = 0; i < 18; i++) expect(gridIndexOf(space, gridPoint(space, i))).toBe(i);
    expect(gridIndexOf(space, { lr: 0.02, units: 16, act: 'relu' })).toBe(-1);
    expect(gridIndexOf(space, { lr: 0.001, units: 20, act: 'relu' })).toBe(-1);
    expect(() => gridPoint(space, 18)).toThrow(/index = 18: must be an integer in \[0, 18\)/);
  });

  it('snaps stepped floats to tidy values', () => {
    const d: SearchSpace = [{ name: 'd', kind: 'float', low: 0, high: 0.5, step: 0.1 }];
    expect(Array.from({ length: 6 }, (_, i) => gridPoint(d, i)['d'])).toEqual([
      0, 0.1, 0.2, 0.3, 0.4, 0.5,
    ]);
  });

  it('caps the study at the grid size and refuses oversize grids', () => {
    const study = createStudy({
      space,
      sampler: 'grid',
      seed: 0,
      direction: 'minimize',
      budget: 50,
    });
    expect(study.maxTrials).toBe(18);
    const huge: SearchSpace = Array.from({ length: 6 }, (_, i) => ({
      name: `n${i}`,
      kind: 'int' as const,
      low: 0,
      high: 999_999,
    }));
    expect(() => gridSize(huge)).toThrow(/the grid is too large/);
  });
});
