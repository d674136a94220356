import { describe, expect, it } from 'vitest';
import type { Trial } from '../../../src/lib/contracts/hpo';
import { optimizationHistory, sortTrials } from '../../../src/lib/hpo/trial-table';

const t = (
  number: number,
  state: Trial['state'],
  value: number | undefined,
  act: string | number,
): Trial => {
  const out: Trial = { number, params: { act }, state, intermediate: [] };
  if (value !== undefined) out.value = value;
  return out;
};
const trials = [
  t(0, 'complete', 0.5, 'tanh'),
  t(1, 'failed', undefined, 'relu'),
  t(2, 'complete', 0.2, 10),
  t(3, 'pruned', 0.9, 'relu'),
  t(4, 'complete', 0.5, 'elu'),
];

describe('sortTrials', () => {
  it('sorts by value either way, missing values last, ties by number', () => {
    expect(sortTrials(trials, 'value').map((x) => x.number)).toEqual([2, 0, 4, 3, 1]);
    expect(sortTrials(trials, 'value', 'desc').map((x) => x.number)).toEqual([3, 0, 4, 2, 1]);
  });

  it('sorts by a parameter (numbers before strings) and by state', () => {
    expect(sortTrials(trials, { param: 'act' }).map((x) => x.number)).toEqual([2, 4, 1, 3, 0]);
    expect(sortTrials(trials, 'state').map((x) => x.state)).toEqual([
      'complete',
      'complete',
      'complete',
      'failed',
      'pruned',
    ]);
    expect(sortTrials(trials, 'number', 'desc').map((x) => x.number)).toEqual([4, 3, 2, 1, 0]);
  });

  it('does not change its input', () => {
    sortTrials(trials, 'value');
    expect(trials.map((x) => x.number)).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('optimizationHistory', () => {
  it('lists complete trials with the best so far', () => {
    expect(optimizationHistory(trials, 'minimize')).toEqual([
      { number: 0, value: 0.5, best: 0.5 },
      { number: 2, value: 0.2, best: 0.2 },
      { number: 4, value: 0.5, best: 0.2 },
    ]);
    expect(optimizationHistory(trials, 'maximize').map((p) => p.best)).toEqual([0.5, 0.5, 0.5]);
    expect(optimizationHistory([], 'minimize')).toEqual([]);
  });
});
