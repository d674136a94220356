/**
 * Batch scoring of plain typed arrays (PERFORMANCE.md Q1: ≥ 1M rows/s on WASM).
 *
 * The forward pass is the training loop's own (backprop.ts `forwardEval`): one fused
 * matmul+bias+activation op per Dense layer, no Keras `predict` machinery (which also splits
 * into 32-row batches unless told otherwise), then a softmax. Rows go up in chunks of
 * {@link PREDICT_CHUNK}: a 1M-row input is never one tensor, and the per-chunk op overhead
 * (~10 ops) is noise next to a chunk's matmuls.
 */
import * as tf from '@tensorflow/tfjs';
import type { Task } from '../../src/lib/contracts/entities';
import { forwardEval, netOf, type Net } from './backprop';
import { outputSpec } from './objective';

/** Rows per forward pass: large enough to amortise per-op dispatch, small enough for memory. */
const PREDICT_CHUNK = 32768;

/**
 * Checks x and the task against the model; returns the output width (k).
 * @throws Error when the shapes do not match the model
 */
export function checkShapes(
  model: tf.LayersModel,
  x: Float32Array,
  n: number,
  d: number,
  task: Task,
): number {
  const inputWidth = model.inputs[0]?.shape[1];
  const k = model.outputs[0]?.shape[1];
  if (inputWidth !== d) throw new Error(`model expects ${String(inputWidth)} features, got ${d}`);
  if (typeof k !== 'number') throw new Error('model output must be [n, k]');
  if ((task === 'regression') !== (k === 1)) {
    throw new Error(`a ${task} task does not match a model with ${k} outputs`);
  }
  if (!Number.isInteger(n) || n < 0 || x.length !== n * d) {
    throw new Error(`${x.length} feature values for ${n} rows x ${d} columns`);
  }
  return k;
}

/** Runs `head` on the logits of each chunk and copies its [rows, width] result into `out`. */
async function scoreChunks<T extends Float32Array | Int32Array>(
  net: Net,
  x: Float32Array,
  n: number,
  d: number,
  out: T,
  width: number,
  head: (logits: tf.Tensor2D) => tf.Tensor,
): Promise<T> {
  for (let start = 0; start < n; start += PREDICT_CHUNK) {
    const rows = Math.min(PREDICT_CHUNK, n - start);
    const y = tf.tidy(() =>
      head(forwardEval(net, tf.tensor2d(x.subarray(start * d, (start + rows) * d), [rows, d]))),
    );
    try {
      out.set((await y.data()) as T, start * width);
    } finally {
      y.dispose();
    }
  }
  return out;
}

/**
 * Runs the model on n rows of d features.
 *
 * @param model a model from {@link buildModel}, trained or loaded back
 * @param x n x d features, row-major
 * @param n row count
 * @param d feature count (must equal the model's input width)
 * @param task the model's task; decides the output width expected
 * @returns row-major n x k class probabilities for classification (k = 2 for binary, class index
 *   order), or n predicted values for regression
 * @throws Error when the shapes do not match the model
 * @example
 * predictBatch(model, Float32Array.of(0.1, 0.2), 1, 2, 'binary') // Float32Array [0.3, 0.7]
 */
export async function predictBatch(
  model: tf.LayersModel,
  x: Float32Array,
  n: number,
  d: number,
  task: Task,
): Promise<Float32Array> {
  const k = checkShapes(model, x, n, d, task);
  const net = netOf(model, outputSpec(model));
  const softmax = net.spec.kind === 'softmax';
  return scoreChunks(net, x, n, d, new Float32Array(n * k), k, (z) =>
    softmax ? tf.softmax(z) : z,
  );
}

/**
 * Predicted class of each row (argmax of the logits; no softmax is computed), for callers that
 * need labels only.
 *
 * @returns n class indices
 * @throws Error when the shapes do not match the model or the task is regression
 * @example
 * predictClasses(model, Float32Array.of(0.1, 0.2), 1, 2, 'binary') // Int32Array [1]
 */
export async function predictClasses(
  model: tf.LayersModel,
  x: Float32Array,
  n: number,
  d: number,
  task: Task,
): Promise<Int32Array> {
  checkShapes(model, x, n, d, task);
  if (task === 'regression') throw new Error('predictClasses needs a classification model');
  const net = netOf(model, outputSpec(model));
  return scoreChunks(net, x, n, d, new Int32Array(n), 1, (z) => tf.argMax(z, 1));
}
