/**
 * Closed-form "training" of the baseline (constant) model built by {@link buildModel}: its bias
 * becomes the log class frequencies (softmax gives them back; argmax is the majority class) or
 * the mean target. One epoch record is reported so the run looks like any other.
 */
import * as tf from '@tensorflow/tfjs';
import type { FitData, FitOptions, FitResult } from './fit-data';
import { meanLoss, uploadTargets, type OutputSpec } from './objective';

/** Floor on a class frequency so an unseen class gets a finite (very low) log-probability. */
const MIN_FREQUENCY = 1e-7;

/** Bias of the constant model fitted to `y`. */
function constantBias(spec: OutputSpec, y: Float32Array | Int32Array, n: number): Float32Array {
  if (spec.kind === 'linear') {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += y[i] as number;
    return Float32Array.of(sum / n);
  }
  const counts = new Float64Array(spec.units);
  for (let i = 0; i < n; i++) counts[y[i] as number]! += 1;
  return Float32Array.from(counts, (c) => Math.log(Math.max(c / n, MIN_FREQUENCY)));
}

/** Fits the constant model in closed form; see the module doc. */
export async function fitBaseline(
  model: tf.LayersModel,
  spec: OutputSpec,
  data: FitData,
  options: FitOptions,
  startedAt: number,
): Promise<FitResult> {
  const layer = model.layers[model.layers.length - 1];
  if (!layer) throw new Error('baseline model has no layer');
  const tensors: tf.Tensor[] = [];
  try {
    const y = uploadTargets(spec, data.y, data.n, 'training data');
    tensors.push(y);
    const bias = constantBias(spec, data.y, data.n);
    const kernel = tf.zeros([spec.inputWidth, spec.units]);
    const biasT = tf.tensor1d(bias);
    tensors.push(kernel, biasT);
    layer.setWeights([kernel, biasT]);
    const x = tf.tensor2d(data.x, [data.n, data.d]);
    tensors.push(x);
    const losses = [meanLoss(model, spec, x, y)];
    tensors.push(...losses);
    if (data.xVal && data.yVal && data.nVal) {
      const xv = tf.tensor2d(data.xVal, [data.nVal, data.d]);
      const yv = uploadTargets(spec, data.yVal, data.nVal, 'validation data');
      tensors.push(xv, yv);
      losses.push(meanLoss(model, spec, xv, yv));
      tensors.push(...losses.slice(1));
    }
    const both = tf.stack(losses);
    tensors.push(both);
    const values = await both.data();
    const record = { epoch: 1, loss: values[0] ?? Number.NaN, valLoss: values[1] ?? null };
    options.onEpoch?.({ ...record, elapsedMs: performance.now() - startedAt });
    return { history: [record], stoppedEarly: false, bestEpoch: 1 };
  } finally {
    tf.dispose(tensors);
  }
}
