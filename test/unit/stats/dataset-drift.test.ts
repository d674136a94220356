import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/lib/contracts/errors';
import { datasetDrift } from '../../../src/lib/stats/dataset-drift';
import { buildReferenceProfile } from '../../../src/lib/stats/profile';
import { numericSample } from './fixtures';

const same = numericSample({ seed: 1, n: 300, k: 3 });
const same2 = numericSample({ seed: 2, n: 300, k: 3 });
const moved = numericSample({ seed: 3, n: 300, k: 3, shift: 1 });

describe('datasetDrift', () => {
  it('drifts when the share of drifted columns reaches 0.5 (default)', () => {
    const r = datasetDrift([
      { name: 'x', kind: 'numeric', ref: same, cur: same2 },
      { name: 'y', kind: 'numeric', ref: same, cur: moved },
    ]);
    expect(r.columns.map((c) => [c.name, c.test, c.drift])).toEqual([
      ['x', 'ks', false],
      ['y', 'ks', true],
    ]);
    expect(r.driftedShare).toBe(0.5);
    expect(r.drift).toBe(true);
  });

  it('accepts cached profiles, per-column tests and a custom share', () => {
    const r = datasetDrift(
      [
        { name: 'x', profile: buildReferenceProfile(same, 'numeric'), cur: moved, test: 'psi' },
        { name: 'c', kind: 'categorical', ref: ['a', 'b'], cur: ['a', 'b'] },
        { name: 'd', kind: 'categorical', ref: ['a', 'b'], cur: ['a', 'a'], threshold: 0.9 },
      ],
      { driftShare: 0.6 },
    );
    expect(r.columns[0]).toMatchObject({ name: 'x', test: 'psi', drift: true });
    expect(r.driftedShare).toBeCloseTo(2 / 3, 15);
    expect(r.drift).toBe(true);
  });

  it('rejects an empty column list and a share outside (0, 1]', () => {
    expect(() => datasetDrift([])).toThrow(InvalidArgumentError);
    expect(() =>
      datasetDrift([{ name: 'x', kind: 'numeric', ref: [1], cur: [1] }], { driftShare: 0 }),
    ).toThrow('options.driftShare = 0: must be in (0, 1]');
  });
});
