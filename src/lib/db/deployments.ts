/**
 * The deployment repository (issue 5): named serving endpoints (an alias of a model, a fallback
 * chain, an optional shadow). Their prediction log lives in `prediction-log.ts`.
 */
import type { Deployment } from '../contracts/entities';
import { InvalidArgumentError } from '../contracts/errors';
import { aliasId } from './aliases';
import { getDb } from './connection';
import { newestFirst } from './newest-first';
import { checkName } from './registry';
import { withStorageErrors } from './storage-errors';

/**
 * Stores (inserts or replaces, by `id`) a deployment.
 * @param deployment the deployment; `name` must be non-blank (at most 200 characters)
 * @returns the stored deployment (name trimmed)
 * @throws {InvalidArgumentError} when the name is blank or too long, or the model name is not
 *   allowed
 * @throws {StorageFullError} when the browser has no space left
 * @example
 * await putDeployment({ id: 'd1', name: 'churn API', modelName: 'churn', alias: 'champion',
 *   fallbackChain: ['churn@1'], shadowVersionId: null, validation: 'fallback', suiteId: null,
 *   createdAt: Date.now() });
 */
export async function putDeployment(deployment: Deployment): Promise<Deployment> {
  const db = await getDb();
  const name = deployment.name.trim();
  if (name === '' || name.length > 200) {
    throw new InvalidArgumentError('name', deployment.name, 'use 1–200 characters');
  }
  checkName('modelName', deployment.modelName);
  checkName('alias', deployment.alias);
  const stored: Deployment = { ...deployment, name, fallbackChain: [...deployment.fallbackChain] };
  await withStorageErrors(`deployment "${name}"`, () => db.deployments.put(stored));
  return stored;
}

/**
 * Gets one deployment.
 * @param id the deployment id
 * @returns the deployment, or `undefined`
 * @example
 * (await getDeployment('d1'))?.alias // 'champion'
 */
export async function getDeployment(id: string): Promise<Deployment | undefined> {
  const db = await getDb();
  return db.deployments.get(id);
}

/**
 * Lists deployments, newest first (equal times: by id descending); optionally of one model.
 * @param filter `modelName`: only deployments of this model
 * @returns the deployments
 * @example
 * (await listDeployments()).map((d) => d.name) // ['churn API', 'penguins']
 */
export async function listDeployments(filter: { modelName?: string } = {}): Promise<Deployment[]> {
  const db = await getDb();
  const found =
    filter.modelName === undefined
      ? await db.deployments.toArray()
      : await db.deployments.where('modelName').equals(filter.modelName).toArray();
  return found.sort(newestFirst);
}

/**
 * Deletes a deployment and its prediction log, in one transaction (the log cannot be reached
 * without its deployment). Deleting a missing deployment deletes nothing.
 * @param id the deployment id
 * @returns how many log entries were deleted
 * @throws {StorageFullError} when the browser has no space left
 * @example
 * await deleteDeployment('d1') // { predictions: 1200 }
 */
export async function deleteDeployment(id: string): Promise<{ predictions: number }> {
  const db = await getDb();
  return withStorageErrors(`deployment "${id}"`, () =>
    db.transaction('rw', [db.deployments, db.predictionLog], async () => {
      const predictions = await db.predictionLog.where('deploymentId').equals(id).delete();
      await db.deployments.delete(id);
      return { predictions };
    }),
  );
}

/**
 * What serving needs to (re)resolve a deployment: the deployment and the version its alias
 * points at, read in one read-only transaction (two gets by key), so that they are consistent.
 * @param id the deployment id
 * @returns the deployment (undefined when missing) and the alias holder (null when not set)
 * @example
 * await readServingState('d1') // { deployment: {...}, primaryVersionId: 'churn@2' }
 */
export async function readServingState(
  id: string,
): Promise<{ deployment: Deployment | undefined; primaryVersionId: string | null }> {
  const db = await getDb();
  return db.transaction('r', [db.deployments, db.aliases], async () => {
    const deployment = await db.deployments.get(id);
    if (!deployment) return { deployment, primaryVersionId: null };
    const alias = await db.aliases.get(aliasId(deployment.modelName, deployment.alias));
    return { deployment, primaryVersionId: alias?.versionId ?? null };
  });
}
