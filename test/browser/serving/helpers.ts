/**
 * Shared set-up of the serving tests: a fresh database per test (the log buffer flushed and the
 * serving cache dropped before it closes), and two small registered penguin classifiers.
 */
import { afterEach, beforeAll, beforeEach, expect } from 'vitest';
import type { Deployment, ModelVersion } from '../../../src/lib/contracts/entities';
import {
  closeDb,
  getArtifact,
  moveAlias,
  openDb,
  putDeployment,
  registerModelVersion,
} from '../../../src/lib/db';
import { chooseBackend } from '../../../workers/tasks/backend-state';
import { flushPredictionLog, invalidateServing } from '../../../workers/tasks/serve';
import { trainRun } from '../../../workers/tasks/train-run';
import { config, noHooks, SPLIT, uid, writePenguins } from '../tasks/helpers';

export function useServingDb(): void {
  beforeAll(async () => {
    expect((await chooseBackend('wasm')).name).toBe('wasm');
  });
  beforeEach(async () => {
    invalidateServing();
    await openDb({ name: `serving-test-${crypto.randomUUID()}` });
  });
  afterEach(async () => {
    await flushPredictionLog();
    invalidateServing();
    closeDb();
  });
}

export interface Fixture {
  datasetVersionId: string;
  v1: ModelVersion;
  v2: ModelVersion;
  deployment: Deployment;
}

/**
 * Trains two tiny classifiers on the penguins-like data, registers them as `penguins@1` and
 * `@2`, points `champion` at @2 and deploys it with @1 as the fallback.
 */
export async function setUpDeployment(overrides: Partial<Deployment> = {}): Promise<Fixture> {
  const version = await writePenguins(300);
  const versions: ModelVersion[] = [];
  for (const seed of [1, 2]) {
    const run = await trainRun(
      {
        runId: uid('serve'),
        datasetVersionId: version.id,
        target: 'species',
        features: ['island', 'bill_length_mm', 'bill_depth_mm', 'flipper_length_mm'],
        config: config({ kind: seed === 1 ? 'logistic' : 'mlp', epochs: 4, hiddenUnits: [8] }),
        split: SPLIT,
        seed,
        bootstrapIterations: 0,
      },
      noHooks,
    );
    const artifact = run.artifactId!;
    versions.push(
      await registerModelVersion({
        name: 'penguins',
        runId: run.id,
        artifactId: artifact,
        datasetVersionId: version.id,
        signature: (await getArtifact(artifact))!.signature,
      }),
    );
  }
  const [v1, v2] = versions as [ModelVersion, ModelVersion];
  await moveAlias({ modelName: 'penguins', alias: 'champion', to: v2.id, reason: 't', actor: 't' });
  const deployment = await putDeployment({
    id: uid('dep'),
    name: 'penguins api',
    modelName: 'penguins',
    alias: 'champion',
    fallbackChain: [v1.id],
    shadowVersionId: null,
    validation: 'fallback',
    suiteId: null,
    createdAt: Date.now(),
    ...overrides,
  });
  return { datasetVersionId: version.id, v1, v2, deployment };
}

export const GOOD_ROW = {
  island: 'Dream',
  bill_length_mm: 48.5,
  bill_depth_mm: '18.2',
  flipper_length_mm: 196,
};

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
