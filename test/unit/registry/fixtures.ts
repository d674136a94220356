/** Shared hand-made records for the registry tests. */
import type {
  ClassificationEvaluation,
  InputSignature,
  ModelArtifact,
  ModelVersion,
  PreprocessingSpec,
  RegressionEvaluation,
  Run,
} from '../../../src/lib/contracts/entities';

/** A classification evaluation with the given metric estimates (intervals ±0.02). */
export function classificationEval(
  metrics: Record<string, number | null>,
  options: { n?: number; fingerprint?: number; task?: 'binary' | 'multiclass' } = {},
): ClassificationEvaluation {
  return {
    task: options.task ?? 'multiclass',
    labels: ['Adelie', 'Chinstrap', 'Gentoo'],
    n: options.n ?? 400,
    metrics: Object.fromEntries(
      Object.entries(metrics).map(([id, x]) => [
        id,
        { estimate: x, low: x === null ? null : x - 0.02, high: x === null ? null : x + 0.02 },
      ]),
    ),
    perClass: [
      {
        label: 'Adelie',
        support: 170,
        precision: 0.95,
        recall: 0.96,
        f1: 0.955,
        rocAuc: 0.99,
        prAuc: 0.98,
      },
      {
        label: 'Chinstrap',
        support: 80,
        precision: 0.9,
        recall: 0.85,
        f1: 0.874,
        rocAuc: 0.97,
        prAuc: 0.9,
      },
      { label: 'Gentoo', support: 150, precision: 0.99, recall: 1, f1: 0.995, rocAuc: 1, prAuc: 1 },
    ],
    confusion: [
      [163, 5, 2],
      [12, 68, 0],
      [0, 0, 150],
    ],
    curves: [],
    bootstrap: {
      iterations: 1000,
      level: 0.95,
      skipped: {},
      fingerprint: options.fingerprint ?? 0xc0ffee,
    },
  };
}

/** A regression evaluation with the given metric estimates. */
export function regressionEval(
  metrics: Record<string, number | null>,
  options: { n?: number; fingerprint?: number } = {},
): RegressionEvaluation {
  return {
    task: 'regression',
    n: options.n ?? 200,
    metrics: Object.fromEntries(
      Object.entries(metrics).map(([id, x]) => [id, { estimate: x, low: x, high: x }]),
    ),
    residuals: {
      predicted: [],
      residual: [],
      rows: [],
      total: 200,
      mean: 0,
      std: 1,
      min: -2,
      max: 2,
    },
    bootstrap: { iterations: 500, level: 0.9, skipped: {}, fingerprint: options.fingerprint ?? 42 },
  };
}

export const signature: InputSignature = {
  inputs: [
    { name: 'Island', type: 'category', categories: ['Torgersen', 'Biscoe', 'Dream'] },
    { name: 'Body Mass (g)', type: 'integer', min: 2700, max: 6300 },
    { name: 'Sex', type: 'boolean', categories: ['true', 'false'] },
    { name: 'Seen', type: 'datetime', min: Date.UTC(2007, 0, 1), max: Date.UTC(2009, 11, 31) },
  ],
  target: { name: 'Species', task: 'multiclass', labels: ['Adelie', 'Chinstrap', 'Gentoo'] },
};

export const preprocessing: PreprocessingSpec = {
  transforms: [
    {
      kind: 'one-hot',
      column: 'Island',
      categories: ['Torgersen', 'Biscoe', 'Dream'],
      unseen: true,
    },
    { kind: 'standardize', column: 'Body Mass (g)', mean: 4200, std: 800, fill: 4200 },
    {
      kind: 'one-hot',
      column: 'Sex',
      categories: ['true', 'false'],
      unseen: true,
      missing: 'bucket',
    },
    {
      kind: 'date-parts',
      column: 'Seen',
      parts: ['year', 'month'],
      method: 'standard',
      impute: 'median',
      center: [2008, 6],
      scale: [0.8, 3.4],
      fill: [2008, 7],
    },
  ],
  // 4 + 1 + 4 + 2
  outputWidth: 11,
};

export const run: Run = {
  id: 'run-1',
  createdAt: Date.UTC(2025, 0, 2),
  datasetVersionId: 'a'.repeat(64),
  target: 'Species',
  features: ['Island', 'Body Mass (g)', 'Sex', 'Seen'],
  task: 'multiclass',
  config: {
    kind: 'mlp',
    hiddenUnits: [16, 8],
    activation: 'relu',
    dropout: 0.1,
    l1: 0,
    l2: 0.001,
    optimizer: 'adam',
    learningRate: 0.01,
    batchSize: 32,
    epochs: 50,
    earlyStoppingPatience: 5,
  },
  split: { seed: 7, train: 0.7, validation: 0.15, test: 0.15, stratify: true },
  backend: { name: 'wasm', reason: 'no WebGPU adapter', forced: false },
  env: { userAgent: 'test', tfjsVersion: '4.22.0', appVersion: '0.1.0' },
  status: 'completed',
  history: [
    { epoch: 1, loss: 1, valLoss: 1 },
    { epoch: 2, loss: 0.5, valLoss: 0.6 },
  ],
  seed: 11,
  durationMs: 1234,
  tags: ['baseline'],
  notes: '',
};

export const version: ModelVersion = {
  id: 'penguins@3',
  name: 'penguins',
  version: 3,
  createdAt: Date.UTC(2025, 0, 3),
  runId: 'run-1',
  artifactId: 'art-1',
  datasetVersionId: 'a'.repeat(64),
  signature,
  tags: ['prod'],
  description: 'Predicts the species.',
};

/** A Sequential topology 11 → 2 → 3 (softmax), as tfjs saves it (abridged). */
export const topology = {
  class_name: 'Sequential',
  config: {
    name: 'sequential_1',
    layers: [
      {
        class_name: 'Dense',
        config: { units: 2, activation: 'relu', use_bias: true, batch_input_shape: [null, 11] },
      },
      { class_name: 'Dense', config: { units: 3, activation: 'softmax', use_bias: true } },
    ],
  },
  keras_version: 'tfjs-layers 4.22.0',
  backend: 'tensor_flow.js',
};

export const weightSpecs = [
  { name: 'dense_1/kernel', shape: [11, 2], dtype: 'float32' },
  { name: 'dense_1/bias', shape: [2], dtype: 'float32' },
  { name: 'dense_2/kernel', shape: [2, 3], dtype: 'float32' },
  { name: 'dense_2/bias', shape: [3], dtype: 'float32' },
];

/** 22 + 2 + 6 + 3 = 33 float32 weights. */
export const weightValues = Float32Array.from({ length: 33 }, (_, i) => (i - 16) / 10);

export function artifact(weightsHash: string): ModelArtifact {
  return {
    id: 'art-1',
    runId: 'run-1',
    createdAt: Date.UTC(2025, 0, 2, 12),
    preprocessing,
    signature,
    modelTopology: topology,
    weightSpecs,
    weightData: weightValues.slice().buffer,
    weightsHash,
  };
}

/** The XSS corpus of RELIABILITY X3. */
export const XSS = [
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  'javascript:alert(1)',
  "'><script>alert(1)</script>",
  '[click](javascript:alert(1))',
  '<a href="javascript:alert(1)">x</a>',
];
