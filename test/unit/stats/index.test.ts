import { describe, expect, it } from 'vitest';
import * as stats from '../../../src/lib/stats/index';

describe('stats index', () => {
  it('re-exports the public API of issue 8 under its exact names', () => {
    const names = [
      'ksTwoSample',
      'wassersteinDistance',
      'wassersteinNormed',
      'psi',
      'jensenShannonDistance',
      'chiSquareDrift',
      'binaryZTest',
      'defaultDriftTest',
      'columnDrift',
      'datasetDrift',
      'proportionsZTest',
      'welchTTest',
      'sampleRatioMismatch',
      'probabilityBBeatsA',
      'expectedLoss',
      'sampleSizeTwoProportions',
      'sequentialProportionsTest',
      'sequentialMeansTest',
      'buildReferenceProfile',
      'columnDriftWithProfile',
      'createRng',
      'permutation',
    ];
    for (const n of names) expect(typeof (stats as Record<string, unknown>)[n], n).toBe('function');
  });

  it('returns the documented shapes', () => {
    expect(Object.keys(stats.ksTwoSample([1, 2], [3, 4])).sort()).toEqual(['pValue', 'statistic']);
    expect(Object.keys(stats.columnDrift([1, 2], [3, 4], 'numeric')).sort()).toEqual([
      'drift',
      'reason',
      'test',
      'threshold',
      'value',
    ]);
    expect(Object.keys(stats.proportionsZTest(1, 10, 2, 10)).sort()).toEqual([
      'ci95',
      'diff',
      'pValue',
      'z',
    ]);
    expect(Object.keys(stats.welchTTest([1, 2], [3, 5])).sort()).toEqual([
      'df',
      'diff',
      'pValue',
      't',
    ]);
    expect(Object.keys(stats.sampleRatioMismatch(5, 6, 0.5)).sort()).toEqual([
      'chi2',
      'mismatch',
      'pValue',
    ]);
    expect(Object.keys(stats.expectedLoss(1, 10, 2, 10)).sort()).toEqual(['a', 'b']);
  });
});
