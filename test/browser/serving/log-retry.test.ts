/**
 * The prediction log's write buffer (workers/tasks/serve.ts): a failed write keeps the buffered
 * entries for the next flush, and after a successful retry every answered request is in the log
 * exactly once (issue 5; RELIABILITY: nothing stored is lost).
 */
import { describe, expect, it } from 'vitest';
import type { ServeResponse } from '../../../src/lib/contracts/compute';
import { StorageFullError } from '../../../src/lib/contracts/errors';
import { countPredictions, getDb, listPredictions } from '../../../src/lib/db';
import { flushPredictionLog, serve } from '../../../workers/tasks/serve';
import { GOOD_ROW, setUpDeployment, useServingDb } from './helpers';

useServingDb();

describe('prediction log buffer', () => {
  it('keeps the entries of a failed write and writes each exactly once on the retry', async () => {
    const { deployment } = await setUpDeployment();
    // A real failing store, not a mock: a Dexie hook that throws aborts the log's write
    // transaction as a full disk would (QuotaExceededError, mapped to StorageFullError).
    const db = await getDb();
    let failing = true;
    let failedWrites = 0;
    db.predictionLog.hook('creating', () => {
      if (!failing) return undefined;
      failedWrites++;
      throw new DOMException('the disk is full', 'QuotaExceededError');
    });

    const answered: ServeResponse[] = [];
    for (let i = 0; i < 5; i++) answered.push(await serve(deployment.id, GOOD_ROW, `a${i}`));
    // The explicit flush fails (so may the 50 ms timer's, if it ran first): nothing is stored.
    await expect(flushPredictionLog()).rejects.toBeInstanceOf(StorageFullError);
    expect(failedWrites).toBeGreaterThan(0);
    expect(await countPredictions(deployment.id)).toBe(0);

    // More requests while the store is still failing are buffered behind the retained ones.
    for (let i = 5; i < 8; i++) answered.push(await serve(deployment.id, GOOD_ROW, `a${i}`));
    await expect(flushPredictionLog()).rejects.toBeInstanceOf(StorageFullError);

    // The store recovers: the next flush writes everything once, and a further flush adds nothing.
    failing = false;
    for (let i = 8; i < 10; i++) answered.push(await serve(deployment.id, GOOD_ROW, `a${i}`));
    await flushPredictionLog();
    await flushPredictionLog();
    const logged = await listPredictions(deployment.id, { limit: 100 });
    expect(answered.every((r) => r.ok && r.logId !== null)).toBe(true);
    expect(logged.map((e) => e.id).sort()).toEqual(answered.map((r) => r.logId!).sort());
    expect(logged.map((e) => e.rowKey).sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => `a${i}`).sort(),
    );
    expect(await countPredictions(deployment.id)).toBe(10);
  });
});
