/**
 * The connection of this page or worker: one {@link BenchtopDb} per JavaScript realm, opened on
 * first use (or explicitly with {@link openDb}, e.g. with a fresh name in tests). This is the one
 * place that wires durability, version-change handling (another tab upgrading, RELIABILITY.md
 * S4) and open-error mapping.
 */
import { BenchtopError } from '../contracts/errors';
import { durabilityMiddleware } from './durability';
import { BenchtopDb, CURRENT_SCHEMA_VERSION, DEFAULT_DB_NAME } from './schema';
import { toStorageError } from './storage-errors';

/** What {@link onVersionChange} listeners receive. */
export interface VersionChangeInfo {
  oldVersion: number;
  /** The version another connection wants; null when it deletes the database. */
  newVersion: number | null;
}

/** Options of {@link openDb}. */
export interface OpenDbOptions {
  /** IndexedDB database name; default `'benchtop'`. Tests use a fresh name each. */
  name?: string;
  /** Injected IndexedDB implementation (otherwise the global). */
  indexedDB?: IDBFactory;
  /** Injected IDBKeyRange (otherwise the global). */
  IDBKeyRange?: typeof IDBKeyRange;
}

const listeners = new Set<(info: VersionChangeInfo) => void>();
let current: Promise<BenchtopDb> | null = null;
let currentDb: BenchtopDb | null = null;
let closedBy: VersionChangeInfo | null = null;

/**
 * Subscribes to "another connection needs this database closed" (usually a newer Benchtop in
 * another tab upgrading the schema, or the database being deleted). When it fires the
 * connection is already closed and later calls reject; the page should ask for a reload.
 * @param listener called once per version change
 * @returns a function that unsubscribes
 * @example
 * onVersionChange(() => (notice = 'Benchtop was updated in another tab. Reload this tab.'));
 */
export function onVersionChange(listener: (info: VersionChangeInfo) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Opens (creating or upgrading as needed) the database and makes it this realm's connection,
 * closing any previous one. Optional: every repository function opens the default database on
 * first use.
 *
 * On `versionchange` the connection closes itself without auto-reopening (so the other tab's
 * upgrade is never blocked and this tab never writes with an old schema) and the
 * {@link onVersionChange} listeners are called.
 *
 * @param options see {@link OpenDbOptions}
 * @returns the open database
 * @throws {BenchtopError} code `schema-newer` when the stored database was created by a newer
 *   version of Benchtop (reload to get it)
 * @throws {StorageFullError} when the browser has no space to create the database
 * @example
 * await openDb({ name: `test-${crypto.randomUUID()}` });
 */
export async function openDb(options: OpenDbOptions = {}): Promise<BenchtopDb> {
  closeDb();
  const opening = connect(options);
  current = opening;
  opening.then(
    (db) => {
      if (current === opening) currentDb = db;
    },
    // A failed open must not stick: the next call retries.
    () => {
      if (current === opening) current = null;
    },
  );
  return opening;
}

/**
 * This realm's connection, opening the default database on first use.
 * @returns the open database
 * @throws {BenchtopError} code `db-closed` after another tab upgraded or deleted the database
 * @example
 * const db = await getDb();
 */
export async function getDb(): Promise<BenchtopDb> {
  if (closedBy) {
    throw new BenchtopError(
      'db-closed',
      'Benchtop was updated or its data deleted in another tab; reload this page to continue',
    );
  }
  return current ?? openDb();
}

/**
 * Closes this realm's connection (the next call reopens the default database).
 * @example
 * closeDb();
 */
export function closeDb(): void {
  currentDb?.close();
  current = null;
  currentDb = null;
  closedBy = null;
}

async function connect(options: OpenDbOptions): Promise<BenchtopDb> {
  const deps: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {};
  if (options.indexedDB) deps.indexedDB = options.indexedDB;
  if (options.IDBKeyRange) deps.IDBKeyRange = options.IDBKeyRange;
  const db = new BenchtopDb(options.name ?? DEFAULT_DB_NAME, deps);
  db.use(durabilityMiddleware);
  db.on('versionchange', (event: IDBVersionChangeEvent) => {
    db.close({ disableAutoOpen: true });
    const info = { oldVersion: event.oldVersion / 10, newVersion: scaled(event.newVersion) };
    if (db === currentDb) closedBy = info;
    for (const listener of listeners) listener(info);
    // Returning false stops Dexie's default handler, which would re-enable auto-open.
    return false;
  });
  try {
    await db.open();
  } catch (error) {
    if (isVersionError(error)) throw schemaNewer();
    throw toStorageError(error, 'the database');
  }
  // Dexie 4 opens a database whose installed version is higher than declared instead of failing;
  // this tab's code would then write old-shaped records into a newer schema. Dexie may also bump
  // the native version by one to patch a drifted schema, hence the floor.
  if (Math.floor(db.backendDB().version / 10) > CURRENT_SCHEMA_VERSION) {
    db.close({ disableAutoOpen: true });
    throw schemaNewer();
  }
  return db;
}

function schemaNewer(): BenchtopError {
  return new BenchtopError(
    'schema-newer',
    'the local database was written by a newer version of Benchtop; reload the page',
  );
}

// Dexie stores schema version v as IndexedDB version v × 10.
function scaled(version: number | null): number | null {
  return version === null || version === 0 ? null : version / 10;
}

function isVersionError(error: unknown): boolean {
  const e = error as { name?: unknown; inner?: { name?: unknown } } | null;
  return e?.name === 'VersionError' || e?.inner?.name === 'VersionError';
}
