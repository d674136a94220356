import { describe, expect, it } from 'vitest';
import { binaryClfCurve } from '../../../src/lib/metrics/binary-clf-curve';
import { weightedConfusion } from '../../../src/lib/metrics/weighted-confusion';

describe('binaryClfCurve', () => {
  // sklearn.metrics._ranking._binary_clf_curve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
  //   -> fps [0, 1, 1, 2], tps [1, 1, 2, 2], thresholds [0.8, 0.4, 0.35, 0.1]
  it('matches sklearn on its docstring data', () => {
    expect(binaryClfCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toEqual({
      fps: [0, 1, 1, 2],
      tps: [1, 1, 2, 2],
      thresholds: [0.8, 0.4, 0.35, 0.1],
    });
  });

  it('groups ties into one threshold and sums weights', () => {
    expect(binaryClfCurve([1, 0, 1], [0.5, 0.5, 0.2], [2, 1, 0.5])).toEqual({
      fps: [1, 1],
      tps: [2, 2.5],
      thresholds: [0.5, 0.2],
    });
  });
});

describe('weightedConfusion', () => {
  it('counts or sums weights per (true, predicted) cell, row-major', () => {
    expect(Array.from(weightedConfusion([0, 1, 1], [0, 0, 1], 2))).toEqual([1, 0, 1, 1]);
    expect(Array.from(weightedConfusion([0, 1, 1], [0, 0, 1], 2, [2, 0.5, 0]))).toEqual([
      2, 0, 0.5, 0,
    ]);
  });
});
