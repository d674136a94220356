/**
 * The model registry: model name → numbered versions (1, 2, 3, …), each pointing at a run, an
 * artifact and the dataset version it was trained on. Aliases live in `aliases.ts`.
 */
import { Dexie } from 'dexie';
import type { EvalMetrics, InputSignature, ModelVersion } from '../contracts/entities';
import { InvalidArgumentError, NotFoundError } from '../contracts/errors';
import { getDb } from './connection';
import { withStorageErrors } from './storage-errors';

/** Input of {@link registerModelVersion}. */
export interface NewModelVersion {
  name: string;
  runId: string;
  artifactId: string;
  datasetVersionId: string;
  metrics?: EvalMetrics;
  signature: InputSignature;
  description?: string;
  tags?: string[];
  /** Creation time (ms since epoch); default now. */
  createdAt?: number;
}

/**
 * Checks a model or alias name: non-blank, at most 200 characters, no `@` or `:` (they
 * separate the parts of `name@version` and `name:alias` ids).
 * @param argument the argument's name, for the message
 * @param name the name
 * @returns the trimmed name
 * @throws {InvalidArgumentError} when the name is not allowed
 * @example
 * checkName('name', ' churn ') // 'churn'
 */
export function checkName(argument: string, name: string): string {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > 200 || /[@:]/.test(trimmed)) {
    throw new InvalidArgumentError(argument, name, 'use 1–200 characters without "@" or ":"');
  }
  return trimmed;
}

/**
 * Registers a new version of a model. The number is the name's highest version + 1, chosen and
 * written in one read-write transaction, so concurrent registrations (other tabs, workers)
 * get distinct consecutive numbers.
 * @param input see {@link NewModelVersion}
 * @returns the stored version (`id` = `${name}@${version}`)
 * @throws {InvalidArgumentError} when the name is not allowed
 * @throws {NotFoundError} when the run or the artifact does not exist
 * @throws {StorageFullError} when the browser has no space left
 * @example
 * const mv = await registerModelVersion({ name: 'churn', runId, artifactId, datasetVersionId, signature });
 * mv.id // 'churn@1'
 */
export async function registerModelVersion(input: NewModelVersion): Promise<ModelVersion> {
  const db = await getDb();
  const name = checkName('name', input.name);
  return withStorageErrors(`model "${name}"`, () =>
    db.transaction('rw', [db.modelVersions, db.runs, db.artifacts], async () => {
      if ((await db.runs.where('id').equals(input.runId).count()) === 0) {
        throw new NotFoundError('run', input.runId);
      }
      if ((await db.artifacts.where('id').equals(input.artifactId).count()) === 0) {
        throw new NotFoundError('model artifact', input.artifactId);
      }
      const last = await db.modelVersions
        .where('[name+version]')
        .between([name, Dexie.minKey], [name, Dexie.maxKey], true, true)
        .last();
      const version = (last?.version ?? 0) + 1;
      const mv: ModelVersion = {
        id: `${name}@${version}`,
        name,
        version,
        createdAt: input.createdAt ?? Date.now(),
        runId: input.runId,
        artifactId: input.artifactId,
        datasetVersionId: input.datasetVersionId,
        signature: input.signature,
        tags: [...(input.tags ?? [])],
        description: input.description ?? '',
      };
      if (input.metrics !== undefined) mv.metrics = input.metrics;
      // add, not put: a duplicate number would fail loudly instead of overwriting.
      await db.modelVersions.add(mv);
      return mv;
    }),
  );
}

/**
 * Lists registered model names, sorted.
 * @returns distinct model names
 * @example
 * await listModelNames() // ['churn', 'penguins']
 */
export async function listModelNames(): Promise<string[]> {
  const db = await getDb();
  return (await db.modelVersions.orderBy('name').uniqueKeys()).map(String);
}

/**
 * Lists the versions of one model, highest number first; or, without a name, every version of
 * every model, newest first.
 * @param name the model name; all models when omitted
 * @returns the versions
 * @example
 * (await listModelVersions('churn')).map((v) => v.version) // [2, 1]
 */
export async function listModelVersions(name?: string): Promise<ModelVersion[]> {
  const db = await getDb();
  if (name === undefined) return db.modelVersions.orderBy('createdAt').reverse().toArray();
  return db.modelVersions
    .where('[name+version]')
    .between([name, Dexie.minKey], [name, Dexie.maxKey], true, true)
    .reverse()
    .toArray();
}

/**
 * Gets one model version.
 * @param id `${name}@${version}`
 * @returns the version, or `undefined`
 * @example
 * (await getModelVersion('churn@1'))?.runId // 'r1'
 */
export async function getModelVersion(id: string): Promise<ModelVersion | undefined> {
  const db = await getDb();
  return db.modelVersions.get(id);
}
