/**
 * Model aliases (champion, challenger, …): moving one atomically updates the alias row and
 * appends a hash-chained {@link AliasEvent} (see `alias-chain.ts`).
 */
import type { AliasEvent, ModelAlias } from '../contracts/entities';
import { IntegrityError, NotFoundError } from '../contracts/errors';
import { aliasEventHash, chainHeadKey, type ChainHead } from './alias-chain';
import { withLock } from './locks';
import { checkName } from './registry';
import { getDb } from './connection';
import type { BenchtopDb } from './schema';
import { GENESIS_HASH } from './sha256';
import { withStorageErrors } from './storage-errors';
import { holderAt } from '../registry/alias-history';

/** Input of {@link moveAlias}. */
export interface AliasMove {
  modelName: string;
  alias: string;
  /** Model version id (`name@n`) to point at, or null to remove the alias. */
  to: string | null;
  reason: string;
  actor: string;
  /** Time of the move (ms since epoch); default now. */
  at?: number;
}

// How often a move is retried when another tab or worker appended to the chain meanwhile.
const MAX_ATTEMPTS = 5;

/**
 * Moves (or removes) an alias. The event hash is computed before the transaction from the
 * chain head read then; inside one strict read-write transaction the head and the alias are
 * re-checked, and if either moved (a concurrent move) the whole step is retried.
 * @param move see {@link AliasMove}
 * @returns the appended event, with its `seq`
 * @throws {InvalidArgumentError} when the model or alias name is not allowed
 * @throws {NotFoundError} when `to` is not a version of `modelName`
 * @throws {IntegrityError} when concurrent moves kept winning for 5 tries
 * @throws {StorageFullError} when the browser has no space left
 * @example
 * await moveAlias({ modelName: 'churn', alias: 'champion', to: 'churn@2',
 *   reason: 'better AUC', actor: 'ana' }) // { seq: 7, from: 'churn@1', to: 'churn@2', … }
 */
export async function moveAlias(move: AliasMove): Promise<AliasEvent> {
  // Serialise moves of one model across tabs where Web Locks exist; the re-check below is
  // what guarantees correctness, the lock only saves retries.
  const result = await withLock(`benchtop:alias-moves:${move.modelName}`, 'exclusive', () =>
    moveOnce(move),
  );
  if (!result) throw new IntegrityError('alias move was skipped');
  return result;
}

async function moveOnce(move: AliasMove): Promise<AliasEvent> {
  const db = await getDb();
  const modelName = checkName('modelName', move.modelName);
  const alias = checkName('alias', move.alias);
  const id = aliasId(modelName, alias);
  if (move.to !== null) {
    const target = await db.modelVersions.get(move.to);
    if (!target || target.name !== modelName) {
      throw new NotFoundError(`version of model "${modelName}"`, move.to);
    }
  }
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const { head, from } = await readState(db, modelName, id);
    const fields: Omit<AliasEvent, 'seq' | 'hash'> = {
      modelName,
      alias,
      from,
      to: move.to,
      at: move.at ?? Date.now(),
      reason: move.reason,
      actor: move.actor,
      prevHash: head?.hash ?? GENESIS_HASH,
    };
    const event: AliasEvent = { ...fields, hash: await aliasEventHash(fields) };
    const stored = await withStorageErrors(`alias "${alias}" of "${modelName}"`, () =>
      db.transaction('rw', [db.aliases, db.aliasEvents, db.meta], async () => {
        const now = await readState(db, modelName, id);
        if (now.from !== from || now.head?.seq !== head?.seq || now.head?.hash !== head?.hash) {
          return null;
        }
        const seq = await db.aliasEvents.add(event);
        if (move.to === null) await db.aliases.delete(id);
        else {
          await db.aliases.put({ id, modelName, alias, versionId: move.to, updatedAt: fields.at });
        }
        const newHead: ChainHead = { seq, hash: event.hash };
        await db.meta.put({ key: chainHeadKey(modelName), value: newHead });
        return { ...event, seq };
      }),
    );
    if (stored) return stored;
  }
  throw new IntegrityError(
    `alias "${alias}" of "${modelName}" kept changing while it was being moved; try again`,
  );
}

/**
 * Gets one alias.
 * @param modelName the model name
 * @param alias the alias
 * @returns the alias row, or `undefined` when the alias is not set
 * @example
 * (await getAlias('churn', 'champion'))?.versionId // 'churn@2'
 */
export async function getAlias(modelName: string, alias: string): Promise<ModelAlias | undefined> {
  const db = await getDb();
  return db.aliases.get(aliasId(modelName, alias));
}

/**
 * Lists the aliases of a model.
 * @param modelName the model name
 * @returns its alias rows
 * @example
 * (await listAliases('churn')).map((a) => a.alias) // ['challenger', 'champion']
 */
export async function listAliases(modelName: string): Promise<ModelAlias[]> {
  const db = await getDb();
  return db.aliases.where('modelName').equals(modelName).toArray();
}

/**
 * The history of one alias, oldest first.
 * @param modelName the model name
 * @param alias the alias
 * @returns its events in sequence order
 * @example
 * (await aliasHistory('churn', 'champion')).map((e) => e.to) // ['churn@1', 'churn@2']
 */
export async function aliasHistory(modelName: string, alias: string): Promise<AliasEvent[]> {
  const db = await getDb();
  return db.aliasEvents.where('[modelName+alias]').equals([modelName, alias]).sortBy('seq');
}

/**
 * Which version an alias pointed at, at a given time: the `to` of its last event (in sequence
 * order) whose `at` ≤ `time`.
 * @param modelName the model name
 * @param alias the alias
 * @param time ms since epoch
 * @returns the version id, or null when the alias was not set then
 * @example
 * await aliasHolderAt('churn', 'champion', Date.parse('2025-01-01')) // 'churn@1'
 */
export async function aliasHolderAt(
  modelName: string,
  alias: string,
  time: number,
): Promise<string | null> {
  return holderAt(await aliasHistory(modelName, alias), alias, time);
}

/**
 * The key of an alias row in the `aliases` store.
 * @param modelName the model name
 * @param alias the alias
 * @returns `${modelName}:${alias}`
 * @example
 * aliasId('churn', 'champion') // 'churn:champion'
 */
export function aliasId(modelName: string, alias: string): string {
  return `${modelName}:${alias}`;
}

async function readState(
  db: BenchtopDb,
  modelName: string,
  id: string,
): Promise<{ head: ChainHead | undefined; from: string | null }> {
  const head = (await db.meta.get(chainHeadKey(modelName)))?.value as ChainHead | undefined;
  const from = (await db.aliases.get(id))?.versionId ?? null;
  return { head, from };
}
