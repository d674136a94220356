import { describe, expect, it } from 'vitest';
import type { ModelConfig } from '../../../src/lib/contracts/entities';
import { applyParams } from '../../../src/lib/hpo/apply-params';
import { defaultSearchSpace } from '../../../src/lib/hpo/default-search-space';
import { gridSize } from '../../../src/lib/hpo/grid-sampler';
import { createStudy } from '../../../src/lib/hpo/study';
import { validateSpace } from '../../../src/lib/hpo/validate-space';

const base: ModelConfig = {
  kind: 'mlp',
  hiddenUnits: [32, 16],
  activation: 'relu',
  dropout: 0,
  l1: 0,
  l2: 0,
  optimizer: 'adam',
  learningRate: 0.05,
  batchSize: 64,
  epochs: 60,
  earlyStoppingPatience: 10,
};

describe('defaultSearchSpace', () => {
  it('keeps shapes fixed by default (PERFORMANCE.md H1) and can vary them on request', () => {
    expect(defaultSearchSpace('logistic').map((p) => p.name)).toEqual(['learningRate', 'l2']);
    expect(defaultSearchSpace('mlp').map((p) => p.name)).toEqual(['learningRate', 'l2', 'dropout']);
    expect(defaultSearchSpace('mlp', { includeShapes: true }).map((p) => p.name)).toEqual([
      'learningRate',
      'l2',
      'dropout',
      'batchSize',
      'hiddenUnits',
      'activation',
    ]);
    expect(defaultSearchSpace('logistic', { includeShapes: true }).map((p) => p.name)).toContain(
      'batchSize',
    );
  });

  it('gives spaces that every sampler accepts and applyParams understands', () => {
    for (const kind of ['logistic', 'mlp'] as const) {
      for (const includeShapes of [false, true]) {
        const space = defaultSearchSpace(kind, { includeShapes });
        for (const sampler of ['grid', 'random', 'tpe'] as const) {
          expect(() => validateSpace(space, sampler)).not.toThrow();
          const study = createStudy({ space, sampler, seed: 1, direction: 'minimize', budget: 3 });
          const t = study.ask()!;
          expect(() => applyParams({ ...base, kind }, t.params)).not.toThrow();
        }
      }
    }
    expect(gridSize(defaultSearchSpace('logistic'))).toBe(24);
    expect(gridSize(defaultSearchSpace('mlp'))).toBe(72);
  });

  it('returns a fresh copy each time and rejects other kinds', () => {
    const a = defaultSearchSpace('mlp');
    a[0]!.name = 'changed';
    expect(defaultSearchSpace('mlp')[0]!.name).toBe('learningRate');
    expect(() => defaultSearchSpace('baseline' as 'mlp')).toThrow(
      /kind = "baseline": has no default search space/,
    );
  });
});
