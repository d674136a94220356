/**
 * Batch scoring of plain typed arrays (PERFORMANCE.md Q1: ≥ 1M rows/s on WASM).
 */
import * as tf from '@tensorflow/tfjs';
import type { Task } from '../../src/lib/contracts/entities';

/** Rows per forward pass: large enough to amortise per-op dispatch, small enough for memory. */
const PREDICT_CHUNK = 32768;

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
  const out = new Float32Array(n * k);
  for (let start = 0; start < n; start += PREDICT_CHUNK) {
    const rows = Math.min(PREDICT_CHUNK, n - start);
    const y = tf.tidy(() => {
      const xs = tf.tensor2d(x.subarray(start * d, (start + rows) * d), [rows, d]);
      return model.predict(xs, { batchSize: rows }) as tf.Tensor;
    });
    try {
      out.set(await y.data(), start * k);
    } finally {
      y.dispose();
    }
  }
  return out;
}
