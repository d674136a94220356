/**
 * Shared set-up of the worker task tests: a fresh IndexedDB database per test, a seeded
 * penguins-like dataset written through the store, and a small model config.
 */
import { afterEach, beforeAll, beforeEach, expect } from 'vitest';
import type { SearchRequest } from '../../../src/lib/contracts/compute';
import type {
  ColumnSchema,
  DatasetVersion,
  ModelConfig,
  Run,
  SplitSpec,
} from '../../../src/lib/contracts/entities';
import { closeDb, createDataset, listRuns, openDb, writeDatasetVersion } from '../../../src/lib/db';
import { createRng } from '../../../src/lib/stats/rng';
import { chooseBackend } from '../../../workers/tasks/backend-state';

export const SPECIES = ['Adelie', 'Chinstrap', 'Gentoo'];
export const ISLANDS = ['Biscoe', 'Dream', 'Torgersen'];
const DAY = 86_400_000;

/**
 * n rows: species (target, 3 classes), island, bill length/depth and flipper (class means apart,
 * Gaussian noise), body mass (a few missing), and a date that increases with the row.
 */
export function penguinColumns(n: number, seed: number) {
  const rng = createRng(seed);
  const species = new Int32Array(n);
  const island = new Int32Array(n);
  const bill = new Float64Array(n);
  const depth = new Float64Array(n);
  const flipper = new Float64Array(n);
  const mass = new Float64Array(n);
  const date = new Float64Array(n);
  const means = [
    [38.8, 18.3, 190, 3700],
    [48.8, 18.4, 196, 3730],
    [47.5, 15.0, 217, 5080],
  ];
  for (let i = 0; i < n; i++) {
    const s = rng.int(3);
    const m = means[s]!;
    species[i] = s;
    island[i] = s === 2 ? 0 : s === 1 ? 1 : rng.int(3);
    bill[i] = m[0]! + 3 * rng.normal();
    depth[i] = m[1]! + 1.1 * rng.normal();
    flipper[i] = m[2]! + 7 * rng.normal();
    mass[i] = i % 97 === 5 ? NaN : Math.round(m[3]! + 450 * rng.normal());
    date[i] = Date.UTC(2020, 0, 1) + i * DAY;
  }
  return { species, island, bill, depth, flipper, mass, date };
}

export const PENGUIN_SCHEMA = (missingMass: number): ColumnSchema[] => [
  { name: 'species', type: 'category', encoding: 'dict', dictionary: SPECIES, missing: 0 },
  { name: 'island', type: 'category', encoding: 'dict', dictionary: ISLANDS, missing: 0 },
  { name: 'bill_length_mm', type: 'number', encoding: 'f64', missing: 0 },
  { name: 'bill_depth_mm', type: 'number', encoding: 'f64', missing: 0 },
  { name: 'flipper_length_mm', type: 'number', encoding: 'f64', missing: 0 },
  { name: 'body_mass_g', type: 'number', encoding: 'f64', missing: missingMass },
  { name: 'observed', type: 'datetime', encoding: 'f64', missing: 0 },
];

/** Writes the penguins-like dataset into the open database. */
export async function writePenguins(n = 600, seed = 7): Promise<DatasetVersion> {
  const c = penguinColumns(n, seed);
  const dataset = await createDataset({ name: 'penguins-like' });
  const missingMass = c.mass.reduce((k, v) => k + (Number.isNaN(v) ? 1 : 0), 0);
  return writeDatasetVersion({
    dataset,
    parentId: null,
    schema: PENGUIN_SCHEMA(missingMass),
    columns: [c.species, c.island, c.bill, c.depth, c.flipper, c.mass, c.date],
    source: { kind: 'file', name: 'penguins-like.csv' },
  });
}

export const SPLIT: SplitSpec = {
  seed: 3,
  train: 0.6,
  validation: 0.2,
  test: 0.2,
  stratify: true,
};

export function config(overrides: Partial<ModelConfig> = {}): ModelConfig {
  return {
    kind: 'mlp',
    hiddenUnits: [16],
    activation: 'relu',
    dropout: 0,
    l1: 0,
    l2: 0,
    optimizer: 'adam',
    learningRate: 0.02,
    batchSize: 64,
    epochs: 8,
    earlyStoppingPatience: 0,
    ...overrides,
  };
}

/** A fresh database per test; the WASM backend for the whole file. */
export function useTaskDb(): void {
  beforeAll(async () => {
    expect((await chooseBackend('wasm')).name).toBe('wasm');
  });
  beforeEach(async () => {
    await openDb({ name: `tasks-test-${crypto.randomUUID()}` });
  });
  afterEach(() => closeDb());
}

/** A unique id (artifact models are cached per run id across tests in the page). */
export const uid = (prefix: string): string => `${prefix}-${crypto.randomUUID().slice(0, 8)}`;

export const noHooks = { onProgress: () => undefined, shouldStop: () => false };

/** A 6-trial random search of species on penguins (the search tests' shared request). */
export function searchRequest(
  datasetVersionId: string,
  overrides: Partial<SearchRequest> = {},
): SearchRequest {
  return {
    searchId: uid('search'),
    datasetVersionId,
    target: 'species',
    baseConfig: config({ epochs: 5 }),
    space: [
      { name: 'learningRate', kind: 'float', low: 1e-3, high: 0.1, log: true },
      { name: 'hiddenUnits', kind: 'categorical', choices: ['8', '16,8'] },
    ],
    sampler: 'random',
    budget: 6,
    pruner: null,
    objective: 'valLoss',
    split: SPLIT,
    seed: 21,
    ...overrides,
  };
}

/**
 * A grid search over three learning rates that learn fast (0.05, 0.04, 0.03) and three that learn
 * far slower (1e-5 to 3e-5), with the median pruner after two complete trials: the request of the
 * pruner tests, serial (search.test.ts) and parallel (search-parallel.test.ts).
 */
export function slowTrialsRequest(datasetVersionId: string): SearchRequest {
  return searchRequest(datasetVersionId, {
    sampler: 'grid',
    space: [
      {
        name: 'learningRate',
        kind: 'categorical',
        choices: [0.05, 0.04, 0.03, 1e-5, 2e-5, 3e-5],
      },
    ],
    pruner: { id: 'median', nStartupTrials: 2 },
  });
}

/** The runs of a search's trials (tagged `search:<id>`). */
export async function trialRuns(searchId: string): Promise<Run[]> {
  return (await listRuns()).filter((r) => r.tags.includes(`search:${searchId}`));
}
