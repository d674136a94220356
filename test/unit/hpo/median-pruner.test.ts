import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/lib/contracts/errors';
import type { Direction, PrunerSpec, Trial } from '../../../src/lib/contracts/hpo';
import {
  MEDIAN_PRUNER_DEFAULTS,
  medianPruner,
  nanMedian,
  shouldPruneMedian,
} from '../../../src/lib/hpo/median-pruner';
import { optunaReference, trial } from './fixtures';

const want = optunaReference().pruner;

// The histories of fixtures/gen_optuna_reference.py: five complete trials with intermediate
// values by step, then one running trial that reports.
const five: Trial[] = [
  trial(0, 'complete', 0, { 0: 1.0, 1: 0.9, 2: 0.8 }),
  trial(1, 'complete', 0, { 0: 2.0, 1: 1.5, 2: 1.4 }),
  trial(2, 'complete', 0, { 0: 3.0, 1: 2.0 }),
  trial(3, 'complete', 0, { 0: 4.0, 1: 3.5, 2: 3.0 }),
  trial(4, 'complete', 0, { 0: 5.0, 1: 4.0, 2: 2.0 }),
];

function decide(
  done: Trial[],
  reports: [number, number][],
  direction: Direction = 'minimize',
  spec: Partial<PrunerSpec> = {},
): boolean {
  const running = trial(done.length, 'running', undefined, Object.fromEntries(reports));
  const step = Math.max(...reports.map(([s]) => s));
  return shouldPruneMedian(running, step, [...done, running], direction, { id: 'median', ...spec });
}

describe('shouldPruneMedian', () => {
  it('has Optuna MedianPruner defaults', () => {
    expect(MEDIAN_PRUNER_DEFAULTS).toEqual({
      nStartupTrials: 5,
      nWarmupSteps: 0,
      intervalSteps: 1,
      nMinTrials: 1,
    });
  });

  it('prunes only when strictly worse than the median at the step (optuna 5.0 decisions)', () => {
    // median of step 0 over [1, 2, 3, 4, 5] is 3
    expect(decide(five, [[0, 3.5]])).toBe(want['worse_at_0']); // true
    expect(decide(five, [[0, 3.0]])).toBe(want['equal_at_0']); // false
    expect(decide(five, [[0, 2.9]])).toBe(want['better_at_0']); // false
    expect(want['worse_at_0']).toBe(true);
  });

  it('takes the median over trials that reported the step (even count: mean of the middle two)', () => {
    // step 2 reported by 4 trials: [0.8, 1.4, 3.0, 2.0] -> median 1.7; own best 2.2 > 1.7
    expect(
      decide(five, [
        [0, 9],
        [1, 9],
        [2, 2.2],
      ]),
    ).toBe(want['even_step2']);
    expect(want['even_step2']).toBe(true);
    // nobody else reported step 7: no median, no pruning
    expect(decide(five, [[7, 100]])).toBe(want['step_nobody']);
  });

  it("compares the trial's best value over all its steps, not its value at the step", () => {
    // own values 1.2 (step 0), 9.0 (step 1); median at step 1 is 2.0; best 1.2 < 2.0 -> keep
    expect(
      decide(five, [
        [0, 1.2],
        [1, 9.0],
      ]),
    ).toBe(want['best_over_steps']);
    expect(want['best_over_steps']).toBe(false);
  });

  it('waits for nStartupTrials complete trials; pruned trials do not count', () => {
    expect(decide(five.slice(0, 4), [[0, 100]])).toBe(want['only_four']); // false
    const withPruned = [...five.slice(0, 4), trial(4, 'pruned', undefined, { 0: 0.1 })];
    expect(decide(withPruned, [[0, 100]])).toBe(want['pruned_not_counted']); // false
    expect(decide(five.slice(0, 1), [[0, 100]], 'minimize', { nStartupTrials: 0 })).toBe(
      want['startup0'],
    ); // true
  });

  it('handles NaN like Optuna: all-NaN own values prune; NaN medians do not', () => {
    expect(decide(five, [[0, NaN]])).toBe(want['nan_own']); // true
    expect(
      decide(five, [
        [0, NaN],
        [1, 1.0],
      ]),
    ).toBe(want['nan_some_own']); // false
    const nanDone = [0, 1, 2, 3, 4].map((i) => trial(i, 'complete', 0, { 0: NaN }));
    expect(decide(nanDone, [[0, 100]])).toBe(want['nan_others']); // false
  });

  it('mirrors the comparison when maximizing', () => {
    expect(decide(five, [[0, 2.5]], 'maximize')).toBe(want['max_worse']); // true
    expect(decide(five, [[0, 3.5]], 'maximize')).toBe(want['max_better']); // false
  });

  it('respects nWarmupSteps, intervalSteps and nMinTrials', () => {
    expect(decide(five, [[0, 100]], 'minimize', { nWarmupSteps: 1 })).toBe(want['warmup']); // false
    expect(
      decide(
        five,
        [
          [0, 100],
          [1, 100],
        ],
        'minimize',
        { nWarmupSteps: 1 },
      ),
    ).toBe(want['warmup_at']); // true
    expect(
      decide(
        five,
        [
          [0, 100],
          [1, 100],
        ],
        'minimize',
        { intervalSteps: 2 },
      ),
    ).toBe(want['interval_skip']); // false
    expect(
      decide(
        five,
        [
          [0, 100],
          [2, 100],
        ],
        'minimize',
        { intervalSteps: 2 },
      ),
    ).toBe(want['interval_hit']); // true
    expect(decide(five, [[2, 100]], 'minimize', { nMinTrials: 5 })).toBe(want['nmin']); // false
    expect(decide(five, [[2, 100]], 'minimize', { nMinTrials: 4 })).toBe(want['nmin_ok']); // true
  });

  it('never prunes a trial that reported nothing', () => {
    const running = trial(5, 'running');
    expect(shouldPruneMedian(running, 0, five, 'minimize')).toBe(false);
  });
});

describe('nanMedian', () => {
  it('is numpy.nanpercentile(values, 50)', () => {
    // numpy.nanpercentile([3, nan, 1, 2, 10], 50) -> 2.5
    expect(nanMedian([3, NaN, 1, 2, 10])).toBe(2.5);
    expect(nanMedian([4])).toBe(4);
    expect(nanMedian([NaN])).toBeNaN();
    expect(nanMedian([])).toBeNaN();
  });

  it("follows NumPy's interpolation with infinities (NaN is then 'no median')", () => {
    // numpy.nanpercentile(v, 50): [1, inf] -> nan, [inf] -> nan, [1, 2, inf] -> nan,
    // [-inf, 5] -> -inf, [1, 2, 3, inf] -> 2.5
    expect(nanMedian([1, Infinity])).toBeNaN();
    expect(nanMedian([Infinity])).toBeNaN();
    expect(nanMedian([1, 2, Infinity])).toBeNaN();
    expect(nanMedian([-Infinity, 5])).toBe(-Infinity);
    expect(nanMedian([1, 2, 3, Infinity])).toBe(2.5);
  });
});

describe('medianPruner.checkSpec', () => {
  it('rejects bad options, naming the field', () => {
    expect(() => medianPruner.checkSpec({ id: 'median', intervalSteps: 0 })).toThrow(
      /pruner\.intervalSteps = 0/,
    );
    expect(() => medianPruner.checkSpec({ id: 'median', nWarmupSteps: -1 })).toThrow(
      InvalidArgumentError,
    );
    expect(() => medianPruner.checkSpec({ id: 'median', nMinTrials: 1.5 })).toThrow(/nMinTrials/);
    expect(() => medianPruner.checkSpec({ id: 'median' })).not.toThrow();
  });
});
