import { storedDataset, useFreshDb } from './helpers';
import { describe, expect, it } from 'vitest';
import type { DatasetProfile } from '../../../src/lib/contracts/entities';
import { NotFoundError } from '../../../src/lib/contracts/errors';
import { getProfile, putProfile } from '../../../src/lib/db';

const profile = (versionId: string, createdAt = 1): DatasetProfile => ({
  versionId,
  rowCount: 3,
  createdAt,
  columns: [
    {
      name: 'x',
      type: 'number',
      count: 3,
      missing: 0,
      unique: 3,
      min: 1,
      max: 3,
      mean: 2,
      std: 1,
      quantiles: [{ p: 0.5, value: 2 }],
      histogram: { edges: [1, 2, 3], counts: [1, 2] },
    },
  ],
});

describe('profiles', () => {
  useFreshDb();

  it('stores one profile per version, replaced on put, and reads it back equal', async () => {
    const { versions } = await storedDataset('d', [1, 2, 3], [1, 2, 3, 4]);
    const [a, b] = versions.map((v) => v.id) as [string, string];
    await putProfile(profile(a));
    await putProfile(profile(b, 5));
    expect(await getProfile(a)).toEqual(profile(a));
    await putProfile(profile(a, 9));
    expect((await getProfile(a))?.createdAt).toBe(9);
    expect((await getProfile(b))?.createdAt).toBe(5);
    expect(await getProfile('nope')).toBeUndefined();
  });

  it('refuses a profile of a version that does not exist', async () => {
    await expect(putProfile(profile('missing'))).rejects.toThrow(NotFoundError);
    expect(await getProfile('missing')).toBeUndefined();
  });
});
