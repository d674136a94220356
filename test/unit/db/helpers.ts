/**
 * Shared set-up of the db tests: a fresh fake IndexedDB database per test and small fixtures.
 * Import this module first in every db test: fake-indexeddb must install its globals before
 * Dexie is loaded.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach } from 'vitest';
import type {
  ColumnSchema,
  DatasetVersion,
  InputSignature,
  ModelArtifact,
  Run,
} from '../../../src/lib/contracts/entities';
import {
  closeDb,
  createDataset,
  openDb,
  sha256Hex,
  writeDatasetVersion,
} from '../../../src/lib/db';
import type { BenchtopDb } from '../../../src/lib/db';
import type { SearchRecord } from '../../../src/lib/contracts/compute';

/** Opens a fresh database before each test and closes it after; returns a getter for it. */
export function useFreshDb(): { db: () => BenchtopDb; name: () => string } {
  let current: BenchtopDb | null = null;
  let name = '';
  beforeEach(async () => {
    name = `benchtop-test-${crypto.randomUUID()}`;
    current = await openDb({ name });
  });
  afterEach(() => {
    closeDb();
    current = null;
  });
  return {
    db: () => {
      if (!current) throw new Error('no test database open');
      return current;
    },
    name: () => name,
  };
}

export const f64 = (name: string, missing = 0): ColumnSchema => ({
  name,
  type: 'number',
  encoding: 'f64',
  missing,
});

export const dict = (name: string, dictionary: string[], missing = 0): ColumnSchema => ({
  name,
  type: 'category',
  encoding: 'dict',
  dictionary,
  missing,
});

/** `n` floats with a NaN every 1,000 rows (the missing marker). */
export function floats(n: number, seed = 1): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = i % 1000 === 7 ? NaN : Math.sin(i * seed) * 1e3;
  return out;
}

/** `n` dictionary codes in -1..k-1 (-1 = missing every 500 rows). */
export function codes(n: number, k: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i % 500 === 3 ? -1 : (i * 7) % k;
  return out;
}

export const SIGNATURE: InputSignature = {
  inputs: [{ name: 'x', type: 'number' }],
  target: { name: 'y', task: 'binary', labels: ['no', 'yes'] },
};

export function makeRun(id: string, createdAt = 1000, datasetVersionId = 'v'): Run {
  return {
    id,
    createdAt,
    datasetVersionId,
    target: 'y',
    features: ['x'],
    task: 'binary',
    config: {
      kind: 'logistic',
      hiddenUnits: [],
      activation: 'relu',
      dropout: 0,
      l1: 0,
      l2: 0,
      optimizer: 'adam',
      learningRate: 0.01,
      batchSize: 32,
      epochs: 1,
      earlyStoppingPatience: 0,
    },
    split: { seed: 1, train: 0.7, validation: 0.15, test: 0.15, stratify: true },
    backend: { name: 'cpu', reason: 'test', forced: true },
    env: { userAgent: 'node', tfjsVersion: '4.22.0', appVersion: '0.1.0' },
    status: 'running',
    history: [],
    tags: [],
    notes: '',
  };
}

export async function makeArtifact(id: string, runId: string): Promise<ModelArtifact> {
  const weightData = new Float32Array([0.5, -1, 2]).buffer;
  return {
    id,
    runId,
    createdAt: 1000,
    preprocessing: { transforms: [], outputWidth: 1 },
    signature: SIGNATURE,
    modelTopology: { layers: [] },
    weightSpecs: [],
    weightData,
    weightsHash: await sha256Hex(weightData),
  };
}

/** Creates a dataset with one single-column version per given list of values (oldest first). */
export async function storedDataset(
  name: string,
  ...columns: number[][]
): Promise<{ datasetId: string; versions: DatasetVersion[] }> {
  const ds = await createDataset({ name });
  const versions: DatasetVersion[] = [];
  for (const [k, values] of columns.entries()) {
    versions.push(
      await writeDatasetVersion({
        dataset: ds,
        parentId: versions[k - 1]?.id ?? null,
        schema: [f64('x')],
        columns: [Float64Array.from(values)],
        source: { kind: 'file', name: `${name}-${k}.csv` },
        createdAt: k + 1,
      }),
    );
  }
  return { datasetId: ds.id, versions };
}

/** A search record with one complete trial (NaN intermediate stored as JSON text). */
export function makeSearch(id: string, createdAt: number, datasetVersionId = 'v1'): SearchRecord {
  return {
    id,
    createdAt,
    request: {
      searchId: id,
      datasetVersionId,
      target: 'y',
      baseConfig: {
        kind: 'mlp',
        hiddenUnits: [8],
        activation: 'relu',
        dropout: 0,
        l1: 0,
        l2: 0,
        optimizer: 'adam',
        learningRate: 0.01,
        batchSize: 32,
        epochs: 3,
        earlyStoppingPatience: 0,
      },
      space: [{ name: 'learningRate', kind: 'float', low: 1e-4, high: 0.1, log: true }],
      sampler: 'tpe',
      budget: 2,
      pruner: { id: 'median', nStartupTrials: 1 },
      objective: 'valLoss',
      split: { seed: 1, train: 0.6, validation: 0.2, test: 0.2, stratify: false },
      seed: 7,
    },
    status: 'running',
    study: {
      format: 'benchtop-study@1',
      space: [{ name: 'learningRate', kind: 'float', low: 1e-4, high: 0.1, log: true }],
      sampler: 'tpe',
      samplerOptions: {},
      seed: 7,
      direction: 'minimize',
      budget: 2,
      pruner: { id: 'median', nStartupTrials: 1 },
      trials: [
        {
          number: 0,
          params: { learningRate: 0.01 },
          state: 'complete',
          value: 0.25,
          intermediate: [
            { step: 1, value: 0.5 },
            { step: 2, value: 'NaN' },
          ],
        },
      ],
    },
    runIds: { 0: `${id}-trial-0` },
    best: { trial: 0, value: 0.25, params: { learningRate: 0.01 }, runId: `${id}-trial-0` },
  };
}
