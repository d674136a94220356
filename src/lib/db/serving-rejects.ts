/**
 * Requests a deployment rejected for invalid input (issue 6). They are not prediction log
 * entries (there is no answer to log), but monitoring needs them for the validation-failure rate.
 */
import type { ServingReject } from '../contracts/entities';
import { getDb } from './connection';
import { withStorageErrors } from './storage-errors';

/**
 * Records rejected requests (inserts or replaces by `id`).
 * @param rejects the rejects
 * @returns how many were written
 * @throws {StorageFullError} when the browser has no space left
 * @example
 * await recordRejects([{ id, deploymentId: 'd1', at: Date.now(), rowKey: 'c42', errors: ['age: `abc` is not a number'] }]) // 1
 */
export async function recordRejects(rejects: readonly ServingReject[]): Promise<number> {
  if (rejects.length === 0) return 0;
  const db = await getDb();
  await withStorageErrors('rejected requests', () => db.servingRejects.bulkPut([...rejects]));
  return rejects.length;
}

/**
 * Counts a deployment's rejected requests in a time span (inclusive).
 * @param deploymentId the deployment
 * @param from start (ms)
 * @param to end (ms)
 * @returns the count
 * @example
 * await countRejects('d1', 0, Date.now()) // 3
 */
export async function countRejects(
  deploymentId: string,
  from: number,
  to: number,
): Promise<number> {
  if (from > to) return 0;
  const db = await getDb();
  return db.servingRejects
    .where('[deploymentId+at]')
    .between([deploymentId, from], [deploymentId, to], true, true)
    .count();
}
