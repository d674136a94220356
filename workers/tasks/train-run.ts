/**
 * Training task: one Run from a stored dataset version to a stored, servable model artifact.
 *
 * Two steps, so a hyperparameter search can reuse the first across trials (PERFORMANCE.md H1):
 * {@link prepareData} (load, check, split, preprocess, build the matrices; prepare-data.ts) and
 * {@link trainPrepared} (train one model on prepared data, evaluate it on the test split next to
 * the baseline, store the artifact and the Run). {@link trainRun} is the two in a row.
 *
 * Order matters for "nothing half-stored": the request is validated and the data prepared before
 * any record is written; the Run is written as `running` only when training is about to start;
 * the artifact and the Run marked `completed` with its id are written in one transaction.
 *
 * Backend loss (RELIABILITY M4): when the backend fails mid-run with a "device lost" error
 * (WebGPU), the next backend (WASM, then CPU) is selected for the worker, the model is retrained
 * from scratch on it (same seed), and the switch is recorded in `run.backendFallbacks` and the
 * run notes.
 */
import * as tf from '@tensorflow/tfjs';
import type { TrainProgress, TrainRequest } from '../../src/lib/contracts/compute';
import type {
  BackendInfo,
  BackendName,
  EpochRecord,
  Evaluation,
  ModelConfig,
  Run,
  Task,
} from '../../src/lib/contracts/entities';
import { CancelledError } from '../../src/lib/contracts/errors';
import { putArtifactAndUpdateRun, putRun, sha256Hex, updateRun } from '../../src/lib/db';
import {
  BACKEND_LABEL,
  buildModel,
  fit,
  modelToArtifacts,
  predictBatch,
  type FitResult,
  type ModelArtifactsData,
} from '../ml';
import { chooseBackend, ensureBackend } from './backend-state';
import { baselineOutput, DEFAULT_BOOTSTRAP_ITERATIONS, evaluateOutput } from './evaluate-run';
import { prepareData, type PreparedData } from './prepare-data';

export { prepareData, type PreparedData } from './prepare-data';

export interface TrainHooks {
  onProgress: (p: TrainProgress) => unknown;
  shouldStop: () => boolean;
  /**
   * Called after each epoch with its record (`valMetric` is filled in later, asynchronously).
   * Returning `{ prune: true }` ends the run as pruned (a search's pruner said so). The answer
   * may be a promise (a trial in a trial worker asks the search's study in another thread):
   * training goes on meanwhile, and the run waits for every answer before it completes.
   */
  onEpoch?: (record: EpochRecord) => { prune: boolean } | void | Promise<{ prune: boolean } | void>;
  /**
   * Test seam for RELIABILITY M4: called before every batch with the backend in use and the
   * epoch in progress; an error thrown here acts like the backend failing at that point.
   */
  injectFault?: (at: { backend: BackendName; epoch: number }) => void;
}

/** What one model on prepared data needs besides the data. */
export interface ModelRequest {
  runId: string;
  config: ModelConfig;
  seed: number;
  /** Default 1000; 0 = point estimates only. */
  bootstrapIterations?: number;
  tags?: string[];
  search?: { id: string; trial: number };
}

/** Tag put on a run that a search's pruner stopped (its status is `cancelled`). */
export const PRUNED_TAG = 'pruned';

/** Trains, evaluates on the test split, stores the artifact and the Run. */
export async function trainRun(req: TrainRequest, hooks: TrainHooks): Promise<Run> {
  const startedAt = performance.now();
  void hooks.onProgress({
    runId: req.runId,
    phase: 'preparing',
    epoch: 0,
    epochs: req.config.epochs,
    loss: null,
    valLoss: null,
    fraction: 0,
    etaMs: null,
  });
  await ensureBackend();
  const prepared = await prepareData(req);
  return trainPrepared(prepared, req, hooks, startedAt);
}

/** The result of one training attempt on one backend: everything tfjs was needed for. */
interface Attempt {
  history: EpochRecord[];
  fitted: FitResult | null;
  /** Set when the pruner stopped the run after this epoch. */
  prunedAt: number | null;
  output: Float32Array | null;
  saved: ModelArtifactsData | null;
}

/**
 * Trains one model on prepared data and stores it as a Run (status `completed`, or `cancelled`
 * with the `pruned` tag when `hooks.onEpoch` asked to prune).
 * @param p data from {@link prepareData}; not modified, so it can serve many runs
 * @param req run id, config, seed, bootstrap iterations, tags, search trial
 * @param hooks progress, cancel, per-epoch callback, fault injection (tests)
 * @param startedAt when the run's work started (performance.now()), for `durationMs`
 * @returns the stored Run
 * @throws CancelledError when `hooks.shouldStop()` stopped it (the Run is stored `cancelled`);
 *   DivergenceError, TrainingConfigError or a backend error otherwise (stored `failed`)
 */
export async function trainPrepared(
  p: PreparedData,
  req: ModelRequest,
  hooks: TrainHooks,
  startedAt = performance.now(),
): Promise<Run> {
  const config = modelConfigFor(req.config, p.task);
  const progress = (ph: Omit<TrainProgress, 'runId' | 'epochs'>) =>
    void hooks.onProgress({ runId: req.runId, epochs: config.epochs, ...ph });
  let backend = await ensureBackend();
  const notes = [...p.notes];
  const run: Run = {
    id: req.runId,
    createdAt: Date.now(),
    datasetVersionId: p.version.id,
    target: p.signature.target.name,
    features: p.setup.features,
    task: p.task,
    config,
    split: p.split,
    backend,
    env: {
      userAgent: self.navigator.userAgent,
      tfjsVersion: tf.version.tfjs,
      appVersion: __APP_VERSION__,
    },
    status: 'running',
    history: [],
    seed: req.seed,
    ...(p.preprocessingOptions ? { preprocessingOptions: p.preprocessingOptions } : {}),
    ...(req.search ? { search: { ...req.search } } : {}),
    tags: [...(req.tags ?? [])],
    notes: notes.join(' '),
  };
  await putRun(run);

  const fallbacks: NonNullable<Run['backendFallbacks']> = [];
  const state = { epoch: 0 };
  try {
    let attempt: Attempt;
    for (;;) {
      try {
        attempt = await trainAttempt(p, config, req.seed, backend.name, state, hooks, (h) => {
          run.history = h;
          const e = h.at(-1)!;
          progress({
            phase: 'training',
            epoch: e.epoch,
            loss: e.loss,
            valLoss: e.valLoss,
            fraction: 0.05 + 0.85 * (e.epoch / config.epochs),
            etaMs: ((performance.now() - startedAt) / e.epoch) * (config.epochs - e.epoch),
          });
        });
        break;
      } catch (e) {
        if (!isBackendLost(e)) throw e;
        const next = await nextBackend(backend.name, e);
        if (!next) throw e;
        const reason = e instanceof Error ? e.message : String(e);
        fallbacks.push({ from: backend.name, to: next.name, epoch: state.epoch + 1, reason });
        notes.push(
          `The ${BACKEND_LABEL[backend.name]} backend failed during epoch ${state.epoch + 1} (${reason}); ` +
            `the model was retrained from scratch on ${BACKEND_LABEL[next.name]}.`,
        );
        backend = next;
        run.history = [];
        await updateRun(run.id, {
          backend,
          backendFallbacks: fallbacks,
          notes: notes.join(' '),
          history: [],
        });
      }
    }
    const extra = fallbacks.length > 0 ? { backend, backendFallbacks: fallbacks } : {};

    if (attempt.prunedAt !== null) {
      notes.push(
        `Pruned at epoch ${attempt.prunedAt}: its validation loss was worse than the median of earlier trials.`,
      );
      return await updateRun(req.runId, {
        status: 'cancelled',
        history: attempt.history,
        tags: [...run.tags, PRUNED_TAG],
        notes: notes.join(' '),
        durationMs: performance.now() - startedAt,
        ...extra,
      });
    }

    const fitted = attempt.fitted!;
    progress({
      phase: 'evaluating',
      epoch: fitted.bestEpoch,
      loss: null,
      valLoss: null,
      fraction: 0.92,
      etaMs: null,
    });
    const iterations = req.bootstrapIterations ?? DEFAULT_BOOTSTRAP_ITERATIONS;
    const { metrics, evaluation } = evaluateOutput(p, attempt.output!, req.seed, iterations);
    const baselineEvaluation = baselineFor(p, req.seed, iterations);

    progress({
      phase: 'saving',
      epoch: fitted.bestEpoch,
      loss: null,
      valLoss: null,
      fraction: 0.96,
      etaMs: null,
    });
    const saved = attempt.saved!;
    const artifactId = `artifact-${req.runId}`;
    // The artifact and the completed Run in one transaction (one write per run; H1).
    const done = await putArtifactAndUpdateRun(
      {
        id: artifactId,
        runId: req.runId,
        createdAt: Date.now(),
        preprocessing: p.preprocessing,
        signature: p.signature,
        modelTopology: saved.modelTopology,
        weightSpecs: saved.weightSpecs,
        weightData: saved.weightData,
        weightsHash: await sha256Hex(saved.weightData),
      },
      {
        status: 'completed',
        history: attempt.history,
        metrics,
        evaluation,
        baselineEvaluation,
        artifactId,
        notes: notes.join(' '),
        durationMs: performance.now() - startedAt,
        ...extra,
      },
    );
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
      notes: notes.join(' '),
      durationMs: performance.now() - startedAt,
      ...(fallbacks.length > 0 ? { backend, backendFallbacks: fallbacks } : {}),
    }).catch(() => undefined);
    throw cancelled ? new CancelledError('training') : e;
  }
}

/**
 * Builds, trains, scores the test rows and serialises one model on the current backend. Every
 * tensor it makes is disposed before it returns or throws, so a retry on another backend starts
 * clean and the tensor count stays flat across runs and trials (RELIABILITY M6).
 */
async function trainAttempt(
  p: PreparedData,
  config: ModelConfig,
  seed: number,
  backend: BackendName,
  state: { epoch: number },
  hooks: TrainHooks,
  onHistory: (history: EpochRecord[]) => void,
): Promise<Attempt> {
  state.epoch = 0;
  const history: EpochRecord[] = [];
  // An object, not a `let`: it is set inside fit's callbacks, which narrowing does not track.
  const prune: { at: number | null } = { at: null };
  // Prune answers still on their way (see TrainHooks.onEpoch); the first `prune` wins.
  const answers: Promise<void>[] = [];
  // A pruned run keeps the epochs up to the one the pruner judged: an answer that arrived late
  // (from another thread) may find training an epoch further on.
  const pruned = (at: number): Attempt => ({
    history: history.slice(0, at),
    fitted: null,
    prunedAt: at,
    output: null,
    saved: null,
  });
  const model = buildModel(config, p.d, p.task, Math.max(p.labels.length, 2), seed);
  const val = p.validation.n > 0 ? valMetricProbe(model, p) : null;
  try {
    let fitted: FitResult;
    try {
      fitted = await fit(
        model,
        {
          x: p.train.x,
          y: p.train.y,
          n: p.train.n,
          d: p.d,
          ...(p.validation.n > 0
            ? { xVal: p.validation.x, yVal: p.validation.y, nVal: p.validation.n }
            : {}),
        },
        config,
        {
          seed,
          shouldStop: () => {
            hooks.injectFault?.({ backend, epoch: state.epoch + 1 });
            return prune.at !== null || hooks.shouldStop();
          },
          onEpoch: (e) => {
            state.epoch = e.epoch;
            const record: EpochRecord = {
              epoch: e.epoch,
              loss: e.loss,
              valLoss: e.valLoss,
              valMetric: null,
            };
            history.push(record);
            val?.measure(record);
            onHistory(history);
            const answer = hooks.onEpoch?.(record);
            if (answer instanceof Promise) {
              answers.push(
                answer.then(
                  (a) => {
                    if (a?.prune && prune.at === null) prune.at = e.epoch;
                  },
                  // No answer (the asking side went away): the trial is not pruned.
                  () => undefined,
                ),
              );
            } else if (answer?.prune) prune.at = e.epoch;
          },
        },
      );
    } catch (e) {
      if (prune.at !== null && e instanceof CancelledError) {
        await val?.settle();
        return pruned(prune.at);
      }
      throw e;
    }
    await val?.settle();
    await Promise.all(answers);
    if (prune.at !== null) return pruned(prune.at);
    const output = await predictBatch(model, p.test.x, p.test.n, p.d, p.task);
    const saved = await modelToArtifacts(model);
    return { history, fitted, prunedAt: null, output, saved };
  } finally {
    await val?.settle().catch(() => undefined);
    safely(() => val?.dispose());
    safely(() => model.optimizer?.dispose());
    safely(() => model.dispose());
  }
}

/**
 * The per-epoch validation metric (accuracy, or RMSE in target units): one forward pass over the
 * validation rows, uploaded once per run, dispatched inside `onEpoch` (so it sees that epoch's
 * weights) and read back asynchronously: no read-back per batch and no stall of the training
 * queue; one scalar per epoch.
 */
function valMetricProbe(model: tf.LayersModel, p: PreparedData) {
  const classes = p.task !== 'regression';
  const x = tf.tensor2d(p.validation.x, [p.validation.n, p.d]);
  const y = classes
    ? tf.tensor1d(p.validation.y as Int32Array, 'int32')
    : tf.tensor1d(p.validation.y as Float32Array);
  const std = p.preprocessing.target?.std ?? 1;
  const pending: Promise<void>[] = [];
  return {
    measure(record: EpochRecord) {
      const m = tf.tidy(() => {
        const out = model.predictOnBatch(x) as tf.Tensor2D;
        if (classes) return tf.mean(tf.cast(tf.equal(tf.argMax(out, 1), y), 'float32'));
        return tf.mul(tf.sqrt(tf.mean(tf.squaredDifference(tf.reshape(out, [-1]), y))), std);
      });
      pending.push(
        m
          .data()
          .then((v) => {
            const value = v[0];
            record.valMetric = value !== undefined && Number.isFinite(value) ? value : null;
          })
          .finally(() => m.dispose()),
      );
    },
    async settle() {
      await Promise.allSettled(pending);
    },
    dispose() {
      x.dispose();
      y.dispose();
    },
  };
}

const baselineCache = new WeakMap<PreparedData, Map<string, Evaluation>>();

/** The baseline's evaluation; the same for every run on `p` with this seed and iterations. */
function baselineFor(p: PreparedData, seed: number, iterations: number): Evaluation {
  let bySeed = baselineCache.get(p);
  if (!bySeed) baselineCache.set(p, (bySeed = new Map()));
  const key = `${seed}:${iterations}`;
  let evaluation = bySeed.get(key);
  if (!evaluation) {
    evaluation = evaluateOutput(p, baselineOutput(p), seed, iterations).evaluation;
    bySeed.set(key, evaluation);
  }
  return structuredClone(evaluation);
}

/** Whether an error means the backend's device is gone (WebGPU `GPUDevice.lost`). */
export function isBackendLost(e: unknown): boolean {
  const message = e instanceof Error ? `${e.name} ${e.message}` : String(e);
  return /device[\s\S]{0,20}\blost\b|\blost\b[\s\S]{0,20}device/i.test(message);
}

/** Backends tried after `failed`, in order (ARCHITECTURE.md "Compute backends"). */
const FALLBACK_CHAIN: Record<BackendName, BackendName[]> = {
  webgpu: ['wasm', 'cpu'],
  webgl: ['wasm', 'cpu'],
  wasm: ['cpu'],
  cpu: [],
};

/** Selects the next working backend for the worker, or null when none is left. */
async function nextBackend(failed: BackendName, error: unknown): Promise<BackendInfo | null> {
  const why = error instanceof Error ? error.message : String(error);
  for (const name of FALLBACK_CHAIN[failed]) {
    const info = await chooseBackend(name).catch(() => null);
    // chooseBackend falls back to `auto` when `name` cannot start; that may be the lost device.
    if (info?.name !== name) continue;
    return {
      ...info,
      forced: false,
      reason: `${BACKEND_LABEL[failed]} failed mid-run (${why}), so the run fell back to ${BACKEND_LABEL[name]}; probe ${info.probeMs?.[name] ?? '?'} ms`,
    };
  }
  return null;
}

function safely(dispose: () => void): void {
  try {
    dispose();
  } catch {
    // Disposing on a lost device can throw; the tensors are gone with it.
  }
}

/** The UI offers one "linear model" choice; it is logistic for classes and linear for values. */
function modelConfigFor(config: ModelConfig, task: Task): ModelConfig {
  if (config.kind === 'logistic' && task === 'regression') return { ...config, kind: 'linear' };
  if (config.kind === 'linear' && task !== 'regression') return { ...config, kind: 'logistic' };
  return config;
}
