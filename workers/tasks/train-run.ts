/**
 * Training task: one Run from a stored dataset version to a stored, servable model artifact.
 *
 * Order matters for "nothing half-stored": the request is validated and the data prepared before
 * any record is written; the Run is written as `running` only when training is about to start;
 * the artifact is written before the Run is marked `completed` with its id.
 */
import type { TrainProgress, TrainRequest } from '../../src/lib/contracts/compute';
import type {
  EvalMetrics,
  ModelConfig,
  PreprocessingSpec,
  Run,
  Task,
} from '../../src/lib/contracts/entities';
import { CancelledError, TrainingConfigError } from '../../src/lib/contracts/errors';
import {
  buildSignature,
  fitPreprocessing,
  splitRows,
  transformRows,
  validateTrainingSetup,
  type RowSplit,
  type TrainingSetup,
} from '../../src/lib/data';
import { putArtifact, putRun, sha256Hex, updateRun } from '../../src/lib/db';
import { classificationMetrics, regressionMetrics } from '../../src/lib/metrics';
import { buildModel, fit, modelToArtifacts, predictBatch } from '../ml';
import * as tf from '@tensorflow/tfjs';
import { ensureBackend } from './backend-state';
import { loadTable } from './load-table';

export interface TrainHooks {
  onProgress: (p: TrainProgress) => unknown;
  shouldStop: () => boolean;
}

/** Trains, evaluates on the test split, stores the artifact and the Run. */
export async function trainRun(req: TrainRequest, hooks: TrainHooks): Promise<Run> {
  const startedAt = performance.now();
  const progress = (p: Omit<TrainProgress, 'runId' | 'epochs'>) =>
    void hooks.onProgress({ runId: req.runId, epochs: req.config.epochs, ...p });
  progress({ phase: 'preparing', epoch: 0, loss: null, valLoss: null, fraction: 0, etaMs: null });

  const backend = await ensureBackend();
  const { version, columns } = await loadTable(req.datasetVersionId);
  const targetIndex = version.schema.findIndex((c) => c.name === req.target);
  const setup = validateTrainingSetup({
    schema: version.schema,
    target: req.target,
    ...(req.features ? { features: req.features } : {}),
    targetColumn: columns[targetIndex] ?? new Float64Array(0),
    columns,
  });
  const task = setup.task;
  const labels = setup.labels ?? [];
  const strata = task === 'regression' ? undefined : (setup.y as Int32Array);
  const split = splitRows(version.rowCount, req.split, strata, setup.rows);
  checkSplit(split);
  const preprocessing: PreprocessingSpec = fitPreprocessing(
    version.schema,
    columns,
    setup.features,
    split.train,
  );
  if (task === 'regression') preprocessing.target = targetScale(setup, split.train);
  const d = preprocessing.outputWidth;
  const part = (rows: Int32Array) => ({
    x: transformRows(preprocessing, version.schema, columns, rows),
    y: targets(setup, preprocessing, rows),
    n: rows.length,
  });
  const train = part(split.train);
  const validation = part(split.validation);
  const test = part(split.test);
  const config = modelConfigFor(req.config, task);

  const run: Run = {
    id: req.runId,
    createdAt: Date.now(),
    datasetVersionId: version.id,
    target: req.target,
    features: setup.features,
    task,
    config,
    split: req.split,
    backend,
    env: {
      userAgent: self.navigator.userAgent,
      tfjsVersion: tf.version.tfjs,
      appVersion: __APP_VERSION__,
    },
    status: 'running',
    history: [],
    tags: [],
    notes: setup.droppedRows
      ? `${setup.droppedRows} rows without a target value were left out.`
      : '',
  };
  await putRun(run);

  const model = buildModel(config, d, task, Math.max(labels.length, 2), req.seed);
  try {
    const fitted = await fit(
      model,
      {
        x: train.x,
        y: train.y,
        n: train.n,
        d,
        ...(validation.n > 0 ? { xVal: validation.x, yVal: validation.y, nVal: validation.n } : {}),
      },
      config,
      {
        seed: req.seed,
        shouldStop: hooks.shouldStop,
        onEpoch: (e) => {
          run.history.push({ epoch: e.epoch, loss: e.loss, valLoss: e.valLoss });
          const perEpoch = e.elapsedMs / e.epoch;
          progress({
            phase: 'training',
            epoch: e.epoch,
            loss: e.loss,
            valLoss: e.valLoss,
            fraction: 0.05 + 0.85 * (e.epoch / config.epochs),
            etaMs: perEpoch * (config.epochs - e.epoch),
          });
        },
      },
    );
    progress({
      phase: 'evaluating',
      epoch: fitted.bestEpoch,
      loss: null,
      valLoss: null,
      fraction: 0.92,
      etaMs: null,
    });
    const output = await predictBatch(model, test.x, test.n, d, task);
    const metrics = evaluate(task, labels, test.y, output, preprocessing);

    progress({
      phase: 'saving',
      epoch: fitted.bestEpoch,
      loss: null,
      valLoss: null,
      fraction: 0.96,
      etaMs: null,
    });
    const saved = await modelToArtifacts(model);
    const artifactId = `artifact-${req.runId}`;
    await putArtifact({
      id: artifactId,
      runId: req.runId,
      createdAt: Date.now(),
      preprocessing,
      signature: buildSignature(
        version.schema,
        columns,
        setup.features,
        req.target,
        task,
        setup.labels,
        split.train,
      ),
      modelTopology: saved.modelTopology,
      weightSpecs: saved.weightSpecs,
      weightData: saved.weightData,
      weightsHash: await sha256Hex(saved.weightData),
    });
    const done = await updateRun(req.runId, {
      status: 'completed',
      history: fitted.history,
      metrics,
      artifactId,
      durationMs: performance.now() - startedAt,
    });
    progress({
      phase: 'saving',
      epoch: fitted.bestEpoch,
      loss: null,
      valLoss: null,
      fraction: 1,
      etaMs: 0,
    });
    return done;
  } catch (e) {
    const cancelled = e instanceof CancelledError;
    await updateRun(req.runId, {
      status: cancelled ? 'cancelled' : 'failed',
      error: e instanceof Error ? e.message : String(e),
      history: run.history,
      durationMs: performance.now() - startedAt,
    }).catch(() => undefined);
    throw e instanceof CancelledError ? new CancelledError('training') : e;
  } finally {
    model.optimizer?.dispose();
    model.dispose();
  }
}

function checkSplit(split: RowSplit): void {
  if (split.train.length < 2 || split.test.length < 1) {
    throw new TrainingConfigError(
      `too few rows to train and test (${split.train.length} training, ${split.test.length} test ` +
        `rows); import more rows or change the split`,
    );
  }
}

/** The UI offers one "linear model" choice; it is logistic for classes and linear for values. */
function modelConfigFor(config: ModelConfig, task: Task): ModelConfig {
  if (config.kind === 'logistic' && task === 'regression') return { ...config, kind: 'linear' };
  if (config.kind === 'linear' && task !== 'regression') return { ...config, kind: 'logistic' };
  return config;
}

function targetScale(setup: TrainingSetup, rows: Int32Array): { mean: number; std: number } {
  const y = setup.y;
  let sum = 0;
  for (const r of rows) sum += y[r]!;
  const mean = sum / rows.length;
  let ss = 0;
  for (const r of rows) ss += (y[r]! - mean) ** 2;
  const std = Math.sqrt(ss / rows.length);
  return { mean, std: std > 0 ? std : 1 };
}

function targets(
  setup: TrainingSetup,
  spec: PreprocessingSpec,
  rows: Int32Array,
): Int32Array | Float32Array {
  if (setup.task !== 'regression') {
    const out = new Int32Array(rows.length);
    rows.forEach((r, i) => (out[i] = setup.y[r]!));
    return out;
  }
  const { mean, std } = spec.target ?? { mean: 0, std: 1 };
  const out = new Float32Array(rows.length);
  rows.forEach((r, i) => (out[i] = (setup.y[r]! - mean) / std));
  return out;
}

function evaluate(
  task: Task,
  labels: string[],
  yTrue: Int32Array | Float32Array,
  output: Float32Array,
  spec: PreprocessingSpec,
): EvalMetrics {
  const n = yTrue.length;
  if (task === 'regression') {
    const { mean, std } = spec.target ?? { mean: 0, std: 1 };
    const truth = Float64Array.from(yTrue, (v) => v * std + mean);
    const pred = Float64Array.from(output, (v) => v * std + mean);
    return regressionMetrics(truth, pred);
  }
  const k = output.length / Math.max(n, 1);
  const pred = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let j = 1; j < k; j++) if (output[i * k + j]! > output[i * k + best]!) best = j;
    pred[i] = best;
  }
  return classificationMetrics(yTrue as Int32Array, pred, labels);
}
