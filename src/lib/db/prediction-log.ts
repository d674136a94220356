/**
 * The prediction log (issue 5): one {@link PredictionLogEntry} per served prediction, appended in
 * batches (relaxed durability, see `durability.ts`), read newest first per deployment, and joined
 * to late labels by unit key (`rowKey`) or by entry id.
 */
import type { PredictionLogEntry } from '../contracts/entities';
import { InvalidArgumentError } from '../contracts/errors';
import { getDb } from './connection';
import { withStorageErrors } from './storage-errors';

/** Entries written (or keys looked up) per transaction, so no transaction grows unbounded. */
const BATCH = 5000;

/**
 * Appends entries (inserts or replaces by `id`, so a retried batch does not duplicate rows), in
 * transactions of at most 5000 entries.
 * @param entries the entries
 * @returns how many were written
 * @throws {StorageFullError} when the browser has no space left
 * @example
 * await appendPredictions([{ id, deploymentId: 'd1', at: Date.now(), rowKey: 'c42', ... }]) // 1
 */
export async function appendPredictions(entries: readonly PredictionLogEntry[]): Promise<number> {
  if (entries.length === 0) return 0;
  const db = await getDb();
  for (let i = 0; i < entries.length; i += BATCH) {
    const part = entries.slice(i, i + BATCH);
    await withStorageErrors('the prediction log', () =>
      db.transaction('rw', db.predictionLog, () => db.predictionLog.bulkPut(part)),
    );
  }
  return entries.length;
}

/** Options of {@link listPredictions}. */
export interface ListPredictionsOptions {
  /** At most this many entries. */
  limit: number;
  /** Skip this many (newest) entries first. */
  offset?: number;
  /** Only entries with `at` ≥ since (ms). */
  since?: number;
  /** Only entries with `at` ≤ until (ms). */
  until?: number;
}

/**
 * Lists a deployment's log entries, newest first (equal times: by id descending).
 * @param deploymentId the deployment
 * @param options limit, offset and an optional time window (inclusive)
 * @returns the entries
 * @throws {InvalidArgumentError} when limit or offset is not a whole number ≥ 0
 * @example
 * (await listPredictions('d1', { limit: 50 })).length // 50
 */
export async function listPredictions(
  deploymentId: string,
  options: ListPredictionsOptions,
): Promise<PredictionLogEntry[]> {
  const { limit, offset = 0 } = options;
  if (!Number.isInteger(limit) || limit < 0) {
    throw new InvalidArgumentError('limit', limit, 'must be a whole number ≥ 0');
  }
  if (!Number.isInteger(offset) || offset < 0) {
    throw new InvalidArgumentError('offset', offset, 'must be a whole number ≥ 0');
  }
  const db = await getDb();
  const since = options.since ?? -Infinity;
  const until = options.until ?? Infinity;
  if (limit === 0 || since > until) return [];
  return db.predictionLog
    .where('[deploymentId+at]')
    .between([deploymentId, since], [deploymentId, until], true, true)
    .reverse()
    .offset(offset)
    .limit(limit)
    .toArray();
}

/**
 * Counts a deployment's log entries.
 * @param deploymentId the deployment
 * @returns the count
 * @example
 * await countPredictions('d1') // 1200
 */
export async function countPredictions(deploymentId: string): Promise<number> {
  const db = await getDb();
  return db.predictionLog.where('deploymentId').equals(deploymentId).count();
}

/** Result of {@link attachLabelsByKey}. */
export interface AttachLabelsResult {
  /** Distinct keys that matched at least one log entry. */
  matched: number;
  /** Distinct keys that matched none. */
  unmatched: number;
  /** Log entries that received a label. */
  updated: number;
}

/**
 * Attaches true labels to logged predictions. With `by: 'rowKey'` a key labels every entry with
 * that unit key (a unit served twice gets the label on both); with `by: 'id'` a key is an entry
 * id. `deploymentId` restricts the join to one deployment (null: any). When a key appears more
 * than once in `pairs`, the last pair wins; counts are of distinct keys. An existing label is
 * replaced. Keys are looked up in batches of 5000, one transaction each.
 * @param deploymentId the deployment, or null for every deployment
 * @param pairs key → label
 * @param by what the keys are: unit keys (`rowKey`) or entry ids (`id`)
 * @returns distinct keys matched and unmatched, and entries updated
 * @throws {StorageFullError} when the browser has no space left
 * @example
 * await attachLabelsByKey('d1', [{ key: 'c42', label: 'churned' }], 'rowKey')
 * // { matched: 1, unmatched: 0, updated: 1 }
 */
export async function attachLabelsByKey(
  deploymentId: string | null,
  pairs: readonly { key: string; label: string | number }[],
  by: 'rowKey' | 'id',
): Promise<AttachLabelsResult> {
  const labels = new Map<string, string | number>();
  for (const p of pairs) labels.set(p.key, p.label);
  const keys = [...labels.keys()];
  const db = await getDb();
  let matched = 0;
  let updated = 0;
  for (let i = 0; i < keys.length; i += BATCH) {
    const part = keys.slice(i, i + BATCH);
    const counts = await withStorageErrors('the prediction log', () =>
      db.transaction('rw', db.predictionLog, async () => {
        let found: PredictionLogEntry[];
        if (by === 'id') {
          found = (await db.predictionLog.bulkGet(part)).filter(
            (e): e is PredictionLogEntry =>
              e !== undefined && (deploymentId === null || e.deploymentId === deploymentId),
          );
        } else if (deploymentId === null) {
          found = await db.predictionLog.where('rowKey').anyOf(part).toArray();
        } else {
          found = await db.predictionLog
            .where('[deploymentId+rowKey]')
            .anyOf(part.map((k) => [deploymentId, k]))
            .toArray();
        }
        const hit = new Set<string>();
        for (const e of found) {
          const key = by === 'id' ? e.id : e.rowKey;
          hit.add(key);
          e.label = labels.get(key)!;
        }
        await db.predictionLog.bulkPut(found);
        return { matched: hit.size, updated: found.length };
      }),
    );
    matched += counts.matched;
    updated += counts.updated;
  }
  return { matched, unmatched: keys.length - matched, updated };
}
