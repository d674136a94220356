/**
 * Per-transaction durability (RELIABILITY.md "Durability"): relaxed for bulk chunk writes,
 * strict for everything else (manifests, alias moves, runs, key records).
 *
 * Dexie only has a database-wide durability option, so a DBCore middleware picks it per
 * transaction from the stores the transaction touches. Only a read-write transaction over the
 * `chunks` store alone is relaxed: a chunk lost to a power cut is harmless because no manifest
 * can point at it (the manifest transaction re-counts the chunks and is strict). Writes to the
 * `predictionLog` store alone (served predictions, attached labels) are relaxed too: the log is
 * append-only telemetry written in batches, and losing its last few entries to a power cut
 * leaves nothing inconsistent.
 */
import type { DBCore, Middleware } from 'dexie';

/** Durability hint passed to IndexedDB's `transaction()`. */
export type Durability = 'default' | 'strict' | 'relaxed';

/**
 * The durability a transaction over `stores` in `mode` should use.
 * @param stores object store names of the transaction
 * @param mode `readonly` or `readwrite`
 * @returns `relaxed` for chunk-only writes, `default` for reads, else `strict`
 * @example
 * durabilityFor(['chunks'], 'readwrite') // 'relaxed'
 * durabilityFor(['datasetVersions', 'chunks'], 'readwrite') // 'strict'
 * durabilityFor(['predictionLog'], 'readwrite') // 'relaxed'
 */
export function durabilityFor(
  stores: readonly string[],
  mode: 'readonly' | 'readwrite',
): Durability {
  if (mode === 'readonly') return 'default';
  if (stores.length > 0 && stores.every((s) => s === 'chunks')) return 'relaxed';
  return stores.length > 0 && stores.every((s) => s === 'predictionLog') ? 'relaxed' : 'strict';
}

/**
 * Dexie middleware applying {@link durabilityFor} to every transaction.
 * @example
 * db.use(durabilityMiddleware);
 */
export const durabilityMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'benchtop-durability',
  create: (down) => ({
    ...down,
    transaction: (stores, mode, options) =>
      down.transaction(stores, mode, { ...options, durability: durabilityFor(stores, mode) }),
  }),
};
