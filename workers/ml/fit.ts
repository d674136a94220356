/**
 * The training loop (a custom one, not `model.fit`; PERFORMANCE.md "What makes tfjs training
 * fast"): per batch one hand-written forward/backward pass (backprop.ts: fused matmul forward, no
 * gradient tape, layouts chosen for WASM's costs) and one optimizer step with few ops (optim.ts);
 * the epoch loss summed on the backend and read back once per epoch together with the
 * validation loss.
 *
 * Per backend (measured on T1, MLP 50-128-64-2, batch 1024, WASM SIMD: ~4.7 ms per step, from
 * ~12 ms with the tape, `tf.train.adam` and gathers on the backend):
 * - WASM and CPU (ops finish before they return): batches are gathered on the host from the
 *   seeded shuffle into reused buffers and uploaded (batches.ts: WASM's own slice/gather copy the
 *   whole source tensor each time), and Adam/SGD update a host copy of the weights
 *   ({@link HostOptimizer}).
 * - GPU backends: the data is uploaded once and batches gathered there; Adam runs as a few ops
 *   on one flat vector ({@link FlatAdam}). No per-step read-back except the checks below.
 *
 * Decisions and trade-offs:
 * - Fixed batch shape: each epoch runs floor(n / b) full batches and leaves out the last partial
 *   one (its rows are different each epoch, as the shuffle changes), so kernels are never
 *   recompiled for an odd shape. With n < batchSize the batch is all n rows.
 * - Divergence (RELIABILITY M1: NaN/Inf loss or weights, or an exploding loss; see
 *   {@link DivergenceGuard}) is checked by reading back two numbers after a batch. On WASM and
 *   CPU the ops have already run when they return, so the read-back costs only the check's own
 *   ops (~0.1 ms, ~2% of a T1 step): every batch is checked and training stops in the batch that
 *   diverged (batching the checks was not worth its weaker guarantee). On GPU backends a read-back stalls the queue, so
 *   only the first {@link EAGER_CHECKS} batches, each batch that ends at a yield point (~50 ms)
 *   and each epoch end are checked: detection can lag by up to ~50 ms of batches, and the
 *   restored weights are still the last ones whose loss was checked good.
 * - Cancellation: `shouldStop()` is asked before every batch, and the loop yields a macrotask
 *   every `yieldEveryMs` so a cancel message posted to the worker can set the flag it reads.
 * - Dropout masks are drawn by this loop, seeded per batch (see backprop.ts), so the same seed
 *   gives identical weights and history (RELIABILITY M5).
 * - Early stopping (patience > 0 and validation data) watches the validation loss and restores
 *   the best epoch's weights when training ends, whether it stopped early or not.
 */
import * as tf from '@tensorflow/tfjs';
import type { EpochRecord, ModelConfig } from '../../src/lib/contracts/entities';
import { CancelledError } from '../../src/lib/contracts/errors';
import { createRng, permutation } from '../../src/lib/stats/rng';
import { fitBaseline } from './baseline';
import { checkFitInputs, type FitData, type FitOptions, type FitResult } from './fit-data';
import { DivergenceGuard } from './guard';
import { netOf, trainStep } from './backprop';
import { DeviceBatches, HostBatches, type BatchSource } from './batches';
import { checkTargets, meanLoss, outputSpec, uploadTargets } from './objective';
import { FlatAdam, HostOptimizer, Sgd, type StepOptimizer } from './optim';
import { disposeCheckpoint, restoreCheckpoint, takeCheckpoint, type Checkpoint } from './weights';
import { yieldToEventLoop } from './yield';

export type { FitData, FitOptions, FitResult } from './fit-data';

/** Backends whose ops finish before they return, so a scalar read-back is free. */
const SYNC_BACKENDS = new Set(['wasm', 'cpu']);
/** Batches checked for divergence unconditionally at the start of a run on GPU backends. */
const EAGER_CHECKS = 4;
const DEFAULT_YIELD_MS = 50;

function meanSquare(y: Float32Array | Int32Array): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) s += (y[i] as number) ** 2;
  return s / y.length;
}

function makeOptimizer(config: ModelConfig, vars: tf.Variable[], sync: boolean): StepOptimizer {
  if (sync) return new HostOptimizer(vars, config.optimizer, config.learningRate);
  return config.optimizer === 'adam'
    ? new FlatAdam(vars, config.learningRate)
    : new Sgd(vars, config.learningRate);
}

/**
 * Trains `model` in place.
 *
 * @param model a model from {@link buildModel} (or loaded back); not compiled, not disposed here
 * @param data row-major features and targets (class indices, or values for regression)
 * @param config optimizer, learningRate, batchSize, epochs, earlyStoppingPatience are used
 * @param options seed, per-epoch progress, cancellation, yield interval
 * @returns the loss history, whether early stopping fired, and the epoch whose weights are kept
 * @throws TrainingConfigError for bad inputs (shapes, NaN features, labels out of range)
 * @throws DivergenceError when the loss or weights become NaN/Inf; the model then holds the last
 *   finite weights
 * @throws CancelledError when `shouldStop()` returns true (checked before every batch)
 * @example
 * const { history } = await fit(model, { x, y, n: 2000, d: 8 }, config, { seed: 1 })
 * history[0] // { epoch: 1, loss: 0.91, valLoss: null }
 */
export async function fit(
  model: tf.LayersModel,
  data: FitData,
  config: ModelConfig,
  options: FitOptions,
): Promise<FitResult> {
  const startedAt = performance.now();
  const spec = outputSpec(model);
  checkFitInputs(data, spec.inputWidth, config);
  if (model.trainableWeights.length === 0) {
    return fitBaseline(model, spec, data, options, startedAt);
  }

  const { n, d } = data;
  const batch = Math.min(config.batchSize, n);
  const batches = Math.floor(n / batch);
  const sync = SYNC_BACKENDS.has(tf.getBackend());
  const yieldEvery = options.yieldEveryMs ?? DEFAULT_YIELD_MS;
  const rng = createRng(options.seed);
  const shuffleRng = rng.fork();
  const maskRng = rng.fork();
  const seeds = (): number => maskRng.nextUint32();
  const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const patience = config.earlyStoppingPatience;

  const owned: tf.Tensor[] = [];
  const track = <T extends tf.Tensor>(t: T): T => (owned.push(t), t);
  const disposers: (() => void)[] = [];
  const net = netOf(model, spec);
  const optimizer = makeOptimizer(config, vars, sync);
  const guard =
    spec.kind === 'softmax'
      ? new DivergenceGuard(model, Math.max(1, Math.log(spec.units)), false)
      : new DivergenceGuard(model, Math.max(1, meanSquare(data.y)), true);
  let best: Checkpoint | null = null;
  try {
    if (sync) checkTargets(spec, data.y, n, 'training data');
    const source: BatchSource = sync
      ? new HostBatches(data.x, data.y, d, batch, spec)
      : new DeviceBatches(
          track(tf.tensor2d(data.x, [n, d])),
          track(uploadTargets(spec, data.y, n, 'training data')),
          batch,
        );
    disposers.push(() => source.dispose());
    const onesColumn = track(tf.ones([batch, 1]) as tf.Tensor2D);
    let xVal: tf.Tensor2D | null = null;
    let yVal: tf.Tensor2D | null = null;
    if (data.xVal && data.yVal && data.nVal) {
      xVal = track(tf.tensor2d(data.xVal, [data.nVal, d]));
      yVal = track(uploadTargets(spec, data.yVal, data.nVal, 'validation data'));
    }
    const earlyStopping = patience > 0 && xVal !== null;

    const history: EpochRecord[] = [];
    let bestLoss = Number.POSITIVE_INFINITY;
    let bestEpoch = 0;
    let stoppedEarly = false;
    let step = 0;
    let lastYield = performance.now();

    for (let epoch = 1; epoch <= config.epochs; epoch++) {
      source.startEpoch(permutation(n, shuffleRng));
      let sum: tf.Scalar = tf.scalar(0);
      try {
        for (let b = 0; b < batches; b++) {
          if (options.shouldStop && (await options.shouldStop())) {
            throw new CancelledError('training');
          }
          step++;
          const yieldDue = performance.now() - lastYield >= yieldEvery;
          const checked = sync || step <= EAGER_CHECKS || yieldDue;
          if (checked) guard.beforeBatch();
          const batchLoss = tf.tidy(() => {
            const { loss, grads } = trainStep(net, source.batch(b), onesColumn, seeds);
            optimizer.apply(grads);
            return loss;
          });
          const next = tf.add(sum, batchLoss) as tf.Scalar;
          sum.dispose();
          sum = next;
          try {
            if (checked) await guard.afterBatch(batchLoss, epoch, `batch ${b + 1}`);
          } finally {
            batchLoss.dispose();
          }
          if (yieldDue) {
            await yieldToEventLoop();
            lastYield = performance.now();
          }
        }

        // One read-back per epoch: mean train loss, validation loss, weight health.
        const stats = tf.tidy(() =>
          tf.stack([
            tf.div(sum, batches),
            xVal && yVal ? meanLoss(model, spec, xVal, yVal) : tf.scalar(0),
            guard.weightHealth(),
          ]),
        );
        const values = await stats.data();
        stats.dispose();
        const [loss = Number.NaN, valLoss = Number.NaN, health = Number.NaN] = values;
        guard.afterEpoch(epoch, loss, xVal ? valLoss : null, health);

        const record: EpochRecord = { epoch, loss, valLoss: xVal ? valLoss : null };
        history.push(record);
        options.onEpoch?.({ ...record, elapsedMs: performance.now() - startedAt });

        if (earlyStopping) {
          if (valLoss < bestLoss) {
            bestLoss = valLoss;
            bestEpoch = epoch;
            disposeCheckpoint(best);
            best = takeCheckpoint(model);
          } else if (epoch - bestEpoch >= patience) {
            stoppedEarly = epoch < config.epochs;
            break;
          }
        } else {
          bestEpoch = epoch;
        }
      } finally {
        sum.dispose();
      }
    }
    if (earlyStopping && best) restoreCheckpoint(model, best);
    return { history, stoppedEarly, bestEpoch };
  } finally {
    disposeCheckpoint(best);
    guard.dispose();
    optimizer.dispose();
    for (const dispose of disposers) dispose();
    tf.dispose(owned);
  }
}
