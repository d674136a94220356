import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/lib/contracts/errors';
import { buildProfile } from '../../../src/lib/stats/profile';
import {
  wassersteinDistance,
  wassersteinDriftTest,
  wassersteinNormed,
  wassersteinNormedFromProfiles,
} from '../../../src/lib/stats/wasserstein';
import { expectStat, loadFixture, numericSample, type RawSample } from './fixtures';

interface Case {
  name: string;
  ref: RawSample;
  cur: RawSample;
  wasserstein: number;
  wassersteinNormed: number;
}
const cases = loadFixture<{ cases: Case[] }>('ks-wasserstein.json').cases;

describe('Wasserstein distance', () => {
  it('matches scipy.stats.wasserstein_distance and W/max(np.std(ref), 0.001) (fixtures)', () => {
    for (const c of cases) {
      const a = numericSample(c.ref);
      const b = numericSample(c.cur);
      expectStat(wassersteinDistance(a, b), c.wasserstein, `${c.name} W1`);
      expectStat(wassersteinNormed(a, b), c.wassersteinNormed, `${c.name} normed`);
    }
  });

  it('is symmetric and zero for identical samples', () => {
    // scipy.stats.wasserstein_distance([0, 1, 3], [5, 6, 8]) -> 5.0
    expect(wassersteinDistance([0, 1, 3], [5, 6, 8])).toBe(5);
    expect(wassersteinDistance([5, 6, 8], [0, 1, 3])).toBe(5);
    expect(wassersteinDistance([1, 2, 2], [2, 1, 2])).toBe(0);
  });

  it('uses the 0.001 floor for a constant reference', () => {
    // constant ref: std 0 -> divide by 0.001
    expect(wassersteinNormed([2, 2, 2], [2, 2, 3])).toBeCloseTo(1 / 3 / 0.001, 9);
  });

  it('profile path equals the raw path; descriptor says at-or-above 0.1', () => {
    const a = numericSample({ seed: 9, n: 500, k: 3 });
    const b = numericSample({ seed: 10, n: 400, k: 3, shift: 0.2 });
    const p = wassersteinNormedFromProfiles(buildProfile(a, 'numeric'), buildProfile(b, 'numeric'));
    expect(p).toBe(wassersteinNormed(a, b));
    expect(wassersteinDriftTest.direction).toBe('at-or-above');
    expect(wassersteinDriftTest.defaultThreshold).toBe(0.1);
  });

  it('throws for empty input', () => {
    expect(() => wassersteinDistance([NaN], [1])).toThrow(InvalidArgumentError);
  });
});
