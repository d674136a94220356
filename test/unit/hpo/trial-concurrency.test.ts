import { describe, expect, it } from 'vitest';
import type { SamplerId, SearchSpace } from '../../../src/lib/contracts/hpo';
import { createStudy } from '../../../src/lib/hpo/study';
import { MIN_TRIALS_PER_THREAD, trialConcurrency } from '../../../src/lib/hpo/trial-concurrency';

describe('trialConcurrency', () => {
  it('runs random and grid trials on every thread, TPE only with the constant liar', () => {
    expect(trialConcurrency('random', {}, 20, 2)).toBe(2);
    expect(trialConcurrency('grid', {}, 20, 4)).toBe(4);
    expect(trialConcurrency('tpe', {}, 20, 4)).toBe(1);
    expect(trialConcurrency('tpe', { constantLiar: false }, 20, 4)).toBe(1);
    expect(trialConcurrency('tpe', { constantLiar: true }, 20, 4)).toBe(4);
  });

  it('gives each thread at least MIN_TRIALS_PER_THREAD trials, and never less than one thread', () => {
    expect(MIN_TRIALS_PER_THREAD).toBe(2);
    expect(trialConcurrency('random', {}, 3, 2)).toBe(1);
    expect(trialConcurrency('random', {}, 4, 2)).toBe(2);
    expect(trialConcurrency('random', {}, 7, 4)).toBe(3);
    expect(trialConcurrency('random', {}, 1, 4)).toBe(1);
    expect(trialConcurrency('random', {}, 20, 1)).toBe(1);
    expect(trialConcurrency('random', {}, 20, 0)).toBe(1);
  });

  it('names an unknown sampler', () => {
    expect(() => trialConcurrency('cmaes' as SamplerId, {}, 20, 2)).toThrow(/cmaes/);
  });

  // What makes parallel random/grid searches reproducible: the study proposes the same trials
  // whether the earlier ones are still running or already told.
  it.each(['random', 'grid'] as const)(
    '%s proposes the same trials with all of them running as asked and told one by one',
    (sampler) => {
      const space: SearchSpace = [
        { name: 'lr', kind: 'float', low: 1e-4, high: 0.1, log: true },
        { name: 'units', kind: 'categorical', choices: [8, 16, 32] },
        { name: 'depth', kind: 'int', low: 1, high: 3 },
      ];
      const gridSpace: SearchSpace = [
        { name: 'lr', kind: 'categorical', choices: [0.001, 0.01, 0.1] },
        { name: 'units', kind: 'categorical', choices: [8, 16, 32] },
      ];
      const options = {
        space: sampler === 'grid' ? gridSpace : space,
        sampler,
        seed: 5,
        direction: 'minimize' as const,
        budget: 6,
      };
      const serial = createStudy(options);
      const told = [];
      for (let t = serial.ask(); t; t = serial.ask()) {
        told.push(t.params);
        serial.tell(t.number, t.number % 2 ? 0.5 : 'pruned');
      }
      const parallel = createStudy(options);
      const running = [];
      for (let t = parallel.ask(); t; t = parallel.ask()) running.push(t.params);
      expect(running).toHaveLength(6);
      expect(running).toEqual(told);
    },
  );
});
