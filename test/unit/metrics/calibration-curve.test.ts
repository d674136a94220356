import { describe, expect, it } from 'vitest';
import { calibrationCurve } from '../../../src/lib/metrics/calibration-curve';
import { column, expectCloseArray, isClass, scoresCases } from './fixtures';

describe('calibrationCurve', () => {
  // calibration_curve(y_true == k, P[:, k], n_bins=10, strategy='uniform') per class, sklearn
  // 1.2.1, plus np.bincount of the bins (test/fixtures/metrics/scores.json); includes
  // probabilities exactly on the bin edges and at 0 and 1
  it.each(scoresCases.map((c) => [c.name, c] as const))('matches sklearn: %s', (_, c) => {
    c.perClass.forEach((ref, k) => {
      const r = calibrationCurve(isClass(c.yTrue, k), column(c.probs, c.nClasses, k));
      expectCloseArray(r.probTrue, ref.calibration.probTrue);
      expectCloseArray(r.probPred, ref.calibration.probPred);
      expect(r.count).toEqual(ref.calibration.count);
    });
  });

  it('an inner edge belongs to the lower bin (np.searchsorted side=left), 0 and 1 to the ends', () => {
    // edges i * 0.1; 0.30000000000000004 is the edge 3 * 0.1 itself
    const r = calibrationCurve([0, 1, 1, 0], [0, 3 * 0.1, 0.3000000000000001, 1], 10);
    expect(r.count).toEqual([1, 1, 1, 1]);
    expectCloseArray(r.probPred, [0, 3 * 0.1, 0.3000000000000001, 1], 15);
  });

  it('counts sum to n and probTrue is the positive share per bin', () => {
    const r = calibrationCurve([0, 0, 1, 1], [0.1, 0.15, 0.85, 0.9], 5);
    expect(r).toEqual({ probTrue: [0, 1], probPred: [0.125, 0.875], count: [2, 2] });
  });

  it('rejects probabilities outside [0, 1], labels other than 0/1 and bad bin counts', () => {
    expect(() => calibrationCurve([0, 1], [0.2, 1.5])).toThrow(/prob\[1\]/);
    expect(() => calibrationCurve([0, 2], [0.2, 0.5])).toThrow(/yTrue\[1\]/);
    expect(() => calibrationCurve([0, 1], [0.2, 0.5], 0)).toThrow(/nBins/);
  });
});
