/**
 * The hash chain over alias events (ARCHITECTURE.md "Registry": append-only, hash-chained).
 *
 * One chain per model name. Each event stores
 * `hash = hex SHA-256(canonicalJson({ modelName, alias, from, to, at, reason, actor, prevHash }))`
 * where `prevHash` is the previous event's hash for the same model (64 zeros for the first).
 * The `meta` row `aliasChainHead:<model>` records the last event's `{ seq, hash }`, written in
 * the same transaction as the event, so removing events from the end is detected too.
 */
import type { AliasEvent } from '../contracts/entities';
import { canonicalJson } from './canonical-json';
import { getDb } from './connection';
import type { BenchtopDb } from './schema';
import { GENESIS_HASH, sha256Hex } from './sha256';

/** The last event of a model's chain, as recorded in `meta`. */
export interface ChainHead {
  seq: number;
  hash: string;
}

/** Result of {@link verifyAliasChain}. */
export interface ChainVerification {
  ok: boolean;
  /** Sequence number of the first event found broken (or of the recorded head, if truncated). */
  brokenAt?: number;
  /** The model whose chain is broken. */
  modelName?: string;
  /** What is wrong, in a sentence. */
  reason?: string;
}

/**
 * The `meta` key holding a model's chain head.
 * @param modelName the model name
 * @returns the key
 * @example
 * chainHeadKey('churn') // 'aliasChainHead:churn'
 */
export function chainHeadKey(modelName: string): string {
  return `aliasChainHead:${modelName}`;
}

/**
 * Hash of an alias event's fields (everything but `seq` and `hash`).
 * @param event the event fields, including `prevHash`
 * @returns 64 hex characters
 * @example
 * await aliasEventHash({ modelName: 'm', alias: 'champion', from: null, to: 'm@1', at: 0,
 *   reason: 'first', actor: 'me', prevHash: GENESIS_HASH }) // '5c1e…'
 */
export async function aliasEventHash(event: Omit<AliasEvent, 'seq' | 'hash'>): Promise<string> {
  const { modelName, alias, from, to, at, reason, actor, prevHash } = event;
  return sha256Hex(canonicalJson({ modelName, alias, from, to, at, reason, actor, prevHash }));
}

/**
 * Verifies the alias event chain of one model, or of every model.
 *
 * Detects an edited event (its hash no longer matches), a removed or reordered event (the next
 * event's `prevHash` no longer matches), a truncated log (the recorded head is missing) and an
 * alias row that disagrees with the end of its history.
 *
 * @param modelName the model to check; all models when omitted
 * @returns `{ ok: true }` or the first break found
 * @example
 * await verifyAliasChain('churn') // { ok: true }
 * // after editing event 3's reason in IndexedDB:
 * // { ok: false, modelName: 'churn', brokenAt: 3, reason: 'event 3 does not match its hash (edited)' }
 */
export async function verifyAliasChain(modelName?: string): Promise<ChainVerification> {
  const db = await getDb();
  const names =
    modelName !== undefined
      ? [modelName]
      : [
          ...new Set([
            ...(await db.aliasEvents.orderBy('modelName').uniqueKeys()).map(String),
            ...(await db.aliases.orderBy('modelName').uniqueKeys()).map(String),
          ]),
        ].sort();
  for (const name of names) {
    const result = await verifyOne(db, name);
    if (!result.ok) return result;
  }
  return { ok: true };
}

async function verifyOne(db: BenchtopDb, modelName: string): Promise<ChainVerification> {
  const { events, head, aliases } = await db.transaction(
    'r',
    [db.aliasEvents, db.meta, db.aliases],
    async () => ({
      events: await db.aliasEvents.where('modelName').equals(modelName).sortBy('seq'),
      head: (await db.meta.get(chainHeadKey(modelName)))?.value as ChainHead | undefined,
      aliases: await db.aliases.where('modelName').equals(modelName).toArray(),
    }),
  );
  const broken = (brokenAt: number, reason: string): ChainVerification => ({
    ok: false,
    modelName,
    brokenAt,
    reason,
  });
  let prev = GENESIS_HASH;
  const holder = new Map<string, { to: string | null; seq: number }>();
  for (const event of events) {
    const seq = event.seq ?? -1;
    if (event.prevHash !== prev) {
      return broken(
        seq,
        `event ${seq} does not follow the previous event (one was removed or reordered)`,
      );
    }
    if ((await aliasEventHash(event)) !== event.hash) {
      return broken(seq, `event ${seq} does not match its hash (edited)`);
    }
    prev = event.hash;
    holder.set(event.alias, { to: event.to, seq });
  }
  const last = events[events.length - 1];
  if (last && !head) {
    return broken(last.seq ?? -1, 'the record of the chain head is missing');
  }
  if (head && (!last || last.seq !== head.seq || last.hash !== head.hash)) {
    return broken(
      head.seq,
      `events up to ${head.seq} were recorded but the log ends earlier (truncated)`,
    );
  }
  for (const row of aliases) {
    const h = holder.get(row.alias);
    if (!h || h.to !== row.versionId) {
      return broken(
        h?.seq ?? last?.seq ?? 0,
        `alias "${row.alias}" points at ${row.versionId} but its history says ${h?.to ?? 'nothing'}`,
      );
    }
    holder.delete(row.alias);
  }
  for (const [alias, h] of holder) {
    if (h.to !== null)
      return broken(h.seq, `alias "${alias}" is missing but its history says ${h.to}`);
  }
  return { ok: true };
}
