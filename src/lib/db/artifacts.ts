/**
 * The model artifact repository: trained weights plus everything needed to serve them.
 */
import type { ModelArtifact } from '../contracts/entities';
import { IntegrityError } from '../contracts/errors';
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
