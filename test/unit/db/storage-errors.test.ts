import { f64, makeRun, useFreshDb } from './helpers';
import { Dexie } from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { DataError, StorageFullError } from '../../../src/lib/contracts/errors';
import {
  createDataset,
  getRun,
  isQuotaExceeded,
  listVersions,
  putRun,
  toStorageError,
  writeDatasetVersion,
} from '../../../src/lib/db';

const quota = (): DOMException =>
  new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('quota errors', () => {
  const t = useFreshDb();

  it('recognises quota errors bare and nested in Dexie errors or causes', () => {
    expect(isQuotaExceeded(quota())).toBe(true);
    expect(isQuotaExceeded(new Dexie.QuotaExceededError('full'))).toBe(true);
    expect(isQuotaExceeded(new Dexie.AbortError('aborted', quota()))).toBe(true);
    expect(isQuotaExceeded(new Dexie.BulkError('bulk', { 3: quota() }))).toBe(true);
    expect(isQuotaExceeded(new Error('wrapped', { cause: quota() }))).toBe(true);
    expect(isQuotaExceeded(new Dexie.AbortError('aborted', new Error('other')))).toBe(false);
    expect(isQuotaExceeded(null)).toBe(false);
    expect(toStorageError(quota(), 'runs')).toBeInstanceOf(StorageFullError);
    const other = new DataError('bad');
    expect(toStorageError(other, 'runs')).toBe(other);
  });

  it('maps a table put failing with QuotaExceededError to StorageFullError; earlier data intact', async () => {
    await putRun(makeRun('r1'));
    const spy = vi.spyOn(t.db().runs, 'put').mockRejectedValueOnce(quota());
    const error = await putRun(makeRun('r2')).catch((e: unknown) => e);
    spy.mockRestore();
    expect(error).toBeInstanceOf(StorageFullError);
    expect((error as Error).message).toMatch(/storage is full \(while writing run "r2"\)/);
    expect((await getRun('r1'))?.id).toBe('r1');
    expect(await getRun('r2')).toBeUndefined();
  });

  it('maps a quota failure inside the chunk transaction (thrown by IndexedDB mid-write)', async () => {
    const ds = await createDataset({ name: 'full' });
    const full = (): void => {
      throw quota();
    };
    t.db().chunks.hook('creating', full);
    const error = await writeDatasetVersion({
      dataset: ds,
      parentId: null,
      schema: [f64('x')],
      columns: [new Float64Array(10)],
      source: { kind: 'file', name: 'a.csv' },
    }).catch((e: unknown) => e);
    t.db().chunks.hook('creating').unsubscribe(full);
    expect(error).toBeInstanceOf(StorageFullError);
    expect(await listVersions(ds.id)).toEqual([]);
    expect(await t.db().chunks.count()).toBe(0);
  });
});
