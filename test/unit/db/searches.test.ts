import { makeSearch, useFreshDb } from './helpers';
import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../../src/lib/contracts/errors';
import { getSearch, listSearches, putSearch, updateSearch } from '../../../src/lib/db';

describe('searches', () => {
  useFreshDb();

  it('puts, gets, lists newest first and filters by dataset version', async () => {
    await putSearch(makeSearch('a', 1, 'v1'));
    await putSearch(makeSearch('c', 3, 'v2'));
    await putSearch(makeSearch('b', 2, 'v1'));
    expect(await getSearch('b')).toEqual(makeSearch('b', 2, 'v1'));
    expect(await getSearch('zzz')).toBeUndefined();
    expect((await listSearches()).map((s) => s.id)).toEqual(['c', 'b', 'a']);
    expect((await listSearches({ datasetVersionId: 'v1' })).map((s) => s.id)).toEqual(['b', 'a']);
    expect((await listSearches({ limit: 1 })).map((s) => s.id)).toEqual(['c']);
  });

  it('updates some fields, keeps the rest and concurrent updates of different fields', async () => {
    await putSearch(makeSearch('s', 1));
    await Promise.all([
      updateSearch('s', { status: 'completed', durationMs: 12 }),
      updateSearch('s', { error: 'none' }),
    ]);
    const s = await getSearch('s');
    expect(s).toMatchObject({ id: 's', status: 'completed', durationMs: 12, error: 'none' });
    expect(s?.study.trials[0]?.intermediate[1]?.value).toBe('NaN');
    await expect(updateSearch('missing', { status: 'failed' })).rejects.toThrow(NotFoundError);
  });
});
