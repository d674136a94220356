import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/lib/contracts/errors';
import {
  columnDrift,
  columnDriftWithProfile,
  driftBetweenProfiles,
} from '../../../src/lib/stats/column-drift';
import { ksTwoSample } from '../../../src/lib/stats/ks-two-sample';
import { buildProfile, buildReferenceProfile } from '../../../src/lib/stats/profile';
import { psi } from '../../../src/lib/stats/psi';
import { numericSample } from './fixtures';

const ref = numericSample({ seed: 1, n: 500, k: 3 });
const cur = numericSample({ seed: 2, n: 400, k: 3, shift: 0.3 });

describe('columnDrift', () => {
  it('runs the default test and reports value, threshold, drift and reason', () => {
    const r = columnDrift(ref, cur, 'numeric');
    expect(r.test).toBe('ks');
    expect(r.value).toBe(ksTwoSample(ref, cur).pValue);
    expect(r.threshold).toBe(0.05);
    expect(r.drift).toBe(r.value < 0.05);
    expect(r.reason).toContain('reference has 500 rows (<= 1000)');
  });

  it('honours the chosen test and threshold and says the default it replaced', () => {
    const r = columnDrift(ref, cur, 'numeric', { test: 'psi', threshold: 0.5 });
    expect(r).toMatchObject({ test: 'psi', threshold: 0.5, value: psi(ref, cur, 'numeric') });
    expect(r.drift).toBe(r.value >= 0.5);
    expect(r.reason).toMatch(/^chosen by the caller \(the default would be ks: /);
  });

  it('profile paths give the same result as the raw path', () => {
    const raw = columnDrift(ref, cur, 'numeric', { test: 'wasserstein' });
    const profile = buildReferenceProfile(ref, 'numeric');
    expect(columnDriftWithProfile(profile, cur, { test: 'wasserstein' })).toEqual(raw);
    expect(
      driftBetweenProfiles(profile, buildProfile(cur, 'numeric'), { test: 'wasserstein' }),
    ).toEqual(raw);
  });

  it('rejects a test that does not apply, a bad threshold, and empty samples', () => {
    expect(() => columnDrift(['a'], ['b'], 'categorical', { test: 'ks' })).toThrow(
      'options.test = "ks": Kolmogorov–Smirnov p-value applies to numeric columns, not categorical ones',
    );
    expect(() => columnDrift(ref, cur, 'numeric', { threshold: NaN })).toThrow(
      InvalidArgumentError,
    );
    expect(() => columnDrift([], cur, 'numeric')).toThrow(/^ref = \[\]/);
    expect(() => columnDrift(ref, [NaN], 'numeric')).toThrow(/^cur = /);
  });
});
