/**
 * The model artifact repository: trained weights plus everything needed to serve them.
 */
import type { ModelArtifact, Run } from '../contracts/entities';
import { IntegrityError, NotFoundError } from '../contracts/errors';
import { getDb } from './connection';
import { sha256Hex } from './sha256';
import { withStorageErrors } from './storage-errors';

/**
 * Stores an artifact after checking `weightsHash` is the SHA-256 of `weightData` (hashed
 * before the write, outside any transaction).
 * @param artifact the artifact
 * @returns the artifact
 * @throws {IntegrityError} when `weightsHash` does not match `weightData`
 * @throws {StorageFullError} when the browser has no space left
 * @example
 * await putArtifact({ ...artifact, weightsHash: await sha256Hex(artifact.weightData) });
 */
export async function putArtifact(artifact: ModelArtifact): Promise<ModelArtifact> {
  const db = await getDb();
  await checkWeights(artifact);
  await withStorageErrors(`model artifact "${artifact.id}"`, () => db.artifacts.put(artifact));
  return artifact;
}

/**
 * Stores a run's artifact and updates the run (typically to `completed` with the artifact's id)
 * in one transaction: the run never names an artifact that is not stored, the artifact is never
 * stored without the update, and a trained run costs one write instead of two (PERFORMANCE.md H1:
 * a search writes one per trial). The hash is checked before the transaction, as
 * {@link putArtifact} does.
 * @param artifact the artifact (its `runId` is the run updated)
 * @param patch the run's fields to change (`id` cannot change)
 * @returns the updated run
 * @throws {IntegrityError} when `weightsHash` does not match `weightData` (nothing is written)
 * @throws {NotFoundError} when there is no run `artifact.runId` (nothing is written)
 * @throws {StorageFullError} when the browser has no space left
 * @example
 * const run = await putArtifactAndUpdateRun(artifact, { status: 'completed', artifactId: artifact.id });
 * run.artifactId // artifact.id
 */
export async function putArtifactAndUpdateRun(
  artifact: ModelArtifact,
  patch: Partial<Omit<Run, 'id'>>,
): Promise<Run> {
  const db = await getDb();
  await checkWeights(artifact);
  const id = artifact.runId;
  return withStorageErrors(`model artifact "${artifact.id}" of run "${id}"`, () =>
    db.transaction('rw', [db.runs, db.artifacts], async () => {
      const run = await db.runs.get(id);
      if (!run) throw new NotFoundError('run', id);
      const updated: Run = { ...run, ...patch, id };
      await db.artifacts.put(artifact);
      await db.runs.put(updated);
      return updated;
    }),
  );
}

/**
 * Gets an artifact and checks its weights against `weightsHash`.
 * @param id the artifact id
 * @returns the artifact, or `undefined`
 * @throws {IntegrityError} when the stored weights no longer match their hash
 * @example
 * (await getArtifact('a1'))?.weightData.byteLength // 10240
 */
export async function getArtifact(id: string): Promise<ModelArtifact | undefined> {
  const db = await getDb();
  const artifact = await db.artifacts.get(id);
  if (artifact) await checkWeights(artifact);
  return artifact;
}

async function checkWeights(artifact: ModelArtifact): Promise<void> {
  const hash = await sha256Hex(artifact.weightData);
  if (hash !== artifact.weightsHash) {
    throw new IntegrityError(
      `model artifact "${artifact.id}": weights hash ${hash.slice(0, 12)}… does not match the recorded ${artifact.weightsHash.slice(0, 12)}…; retrain or restore from a bundle`,
    );
  }
}
