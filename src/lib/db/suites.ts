/**
 * The expectation suite repository: suite name → numbered, immutable versions (1, 2, 3, …), like
 * the model registry. Saving an edited suite stores a new version; old versions stay, so a
 * {@link SuiteRun} always names exactly the expectations it checked. Suites are not owned by a
 * dataset: deleting the dataset a suite was inferred from keeps the suite (its
 * `sourceVersionId` then names a deleted version, as lineage).
 */
import { Dexie } from 'dexie';
import type { Expectation, ExpectationSuite } from '../contracts/entities';
import { getDb } from './connection';
import { checkName } from './registry';
import { withStorageErrors } from './storage-errors';

/** Input of {@link saveSuite}. */
export interface NewSuiteVersion {
  /** Suite name: 1–200 characters without `@` or `:`; trimmed. */
  name: string;
  /** The dataset version the expectations were inferred from, or null. */
  sourceVersionId: string | null;
  expectations: Expectation[];
  /** Creation time (ms since epoch); default now. */
  createdAt?: number;
}

/**
 * Saves a new version of an expectation suite. The number is the name's highest version + 1,
 * chosen and written in one read-write transaction, so concurrent saves (other tabs, workers)
 * get distinct consecutive numbers. The expectations are copied.
 * @param input see {@link NewSuiteVersion}
 * @returns the stored suite (`id` = `${name}@${version}`)
 * @throws {InvalidArgumentError} when the name is not allowed
 * @throws {StorageFullError} when the browser has no space left
 * @example
 * const s = await saveSuite({ name: 'penguins', sourceVersionId: v.id, expectations });
 * s.id // 'penguins@1'; saving again gives 'penguins@2'
 */
export async function saveSuite(input: NewSuiteVersion): Promise<ExpectationSuite> {
  const db = await getDb();
  const name = checkName('name', input.name);
  const expectations = structuredClone(input.expectations);
  return withStorageErrors(`expectation suite "${name}"`, () =>
    db.transaction('rw', db.suites, async () => {
      const last = await db.suites
        .where('[name+version]')
        .between([name, Dexie.minKey], [name, Dexie.maxKey], true, true)
        .last();
      const version = (last?.version ?? 0) + 1;
      const suite: ExpectationSuite = {
        id: `${name}@${version}`,
        name,
        version,
        createdAt: input.createdAt ?? Date.now(),
        sourceVersionId: input.sourceVersionId,
        expectations,
      };
      // add, not put: a duplicate number would fail loudly instead of overwriting.
      await db.suites.add(suite);
      return suite;
    }),
  );
}

/**
 * Gets one suite version.
 * @param id `${name}@${version}`
 * @returns the suite, or `undefined`
 * @example
 * (await getSuite('penguins@1'))?.expectations.length // 12
 */
export async function getSuite(id: string): Promise<ExpectationSuite | undefined> {
  const db = await getDb();
  return db.suites.get(id);
}

/**
 * Lists the LATEST version of every suite name (older versions: {@link listSuiteVersions}),
 * most recently saved first; equal times by name.
 * @returns one suite per name
 * @example
 * (await listSuites()).map((s) => s.id) // ['penguins@3', 'churn@1']
 */
export async function listSuites(): Promise<ExpectationSuite[]> {
  const db = await getDb();
  const latest = new Map<string, ExpectationSuite>();
  // Ascending [name+version]: the last one seen per name is its highest version.
  await db.suites.orderBy('[name+version]').each((s) => {
    latest.set(s.name, s);
  });
  return [...latest.values()].sort(
    (a, b) => b.createdAt - a.createdAt || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
}

/**
 * Lists every version of one suite, highest number first.
 * @param name the suite name
 * @returns its versions (empty for an unknown name)
 * @example
 * (await listSuiteVersions('penguins')).map((s) => s.version) // [3, 2, 1]
 */
export async function listSuiteVersions(name: string): Promise<ExpectationSuite[]> {
  const db = await getDb();
  return db.suites
    .where('[name+version]')
    .between([name, Dexie.minKey], [name, Dexie.maxKey], true, true)
    .reverse()
    .toArray();
}
