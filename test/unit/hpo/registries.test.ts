import { describe, expect, it } from 'vitest';
import { getPruner, listPruners } from '../../../src/lib/hpo/pruner-registry';
import { getSampler, listSamplers } from '../../../src/lib/hpo/sampler-registry';

describe('sampler and pruner registries', () => {
  it('list the samplers and pruners with labels', () => {
    expect(listSamplers().map((s) => [s.id, s.label])).toEqual([
      ['grid', 'Grid search'],
      ['random', 'Random search'],
      ['tpe', 'Bayesian (TPE)'],
    ]);
    expect(listPruners().map((p) => p.id)).toEqual(['median']);
    expect(getSampler('tpe').id).toBe('tpe');
    expect(getPruner('median').label).toBe('Median pruner');
  });

  it('name the unknown id and the known ones', () => {
    expect(() => getSampler('cmaes')).toThrow(
      'sampler = "cmaes": must be one of grid, random, tpe',
    );
    expect(() => getPruner('hyperband')).toThrow('pruner.id = "hyperband": must be one of median');
  });
});
