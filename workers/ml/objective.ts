/**
 * The training objective of a Sequential Dense/Dropout model: forward pass to the last layer's
 * pre-activation, the data loss on it, and the kernel-regulariser penalty.
 *
 * The loss is taken on logits (`logSoftmax`) rather than on the softmax output, which is what a
 * clipped cross-entropy on probabilities would do: no clipping, and a wrong saturated prediction
 * still gets a gradient. The value equals Keras' categorical cross-entropy where both are finite.
 */
import * as tf from '@tensorflow/tfjs';
import { TrainingConfigError } from '../../src/lib/contracts/errors';

/** What the model's output means. */
export interface OutputSpec {
  /** `softmax` for classification (k >= 2 units), `linear` for regression (1 unit). */
  kind: 'softmax' | 'linear';
  units: number;
  inputWidth: number;
}

/** Reads the output kind, output width and input width off a built model. */
export function outputSpec(model: tf.LayersModel): OutputSpec {
  const last = model.layers[model.layers.length - 1];
  const activation = last?.getConfig()['activation'];
  const units = model.outputs[0]?.shape[1];
  const inputWidth = model.inputs[0]?.shape[1];
  if (typeof units !== 'number' || typeof inputWidth !== 'number') {
    throw new Error('model must map [n, d] inputs to [n, k] outputs');
  }
  if (activation === 'softmax') return { kind: 'softmax', units, inputWidth };
  if (activation === 'linear' && units === 1) return { kind: 'linear', units, inputWidth };
  throw new Error(`unsupported output layer: ${String(activation)} with ${units} units`);
}

/**
 * Seeded dropout masks for one training step. A tfjs Dropout layer with a seed draws the same
 * mask on every call, so training draws its own: one seed per (batch, layer) from the run's Rng.
 */
export type MaskSeeds = () => number;

/**
 * Dense layer math with a hand-written gradient. The WASM backend's matmul is ~10-20x slower
 * with `transposeA`/`transposeB` than without (measured here: x^T.dz for a [1024, 50] batch took
 * 14 ms vs 0.7 ms forward), and tfjs' own matmul gradient uses those flags; this one transposes
 * explicitly (a cheap copy) and then multiplies untransposed, which halves the time per step.
 */
const denseWithBias = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [x, w, b, save] = args as [tf.Tensor2D, tf.Tensor2D, tf.Tensor1D, tf.GradSaveFunc];
  save([x, w]);
  return {
    value: tf.add(tf.matMul(x, w), b) as tf.Tensor,
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [xs, ws] = saved as [tf.Tensor2D, tf.Tensor2D];
      const g = dy as tf.Tensor2D;
      // Column sums as a [1, n] x [n, k] product: Sum over axis 0 transposes first on WASM.
      const db = tf.reshape(tf.matMul(tf.ones([1, g.shape[0]]), g), [g.shape[1]]);
      return [tf.matMul(g, tf.transpose(ws)), tf.matMul(tf.transpose(xs), g), db];
    },
  };
});

const denseNoBias = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [x, w, save] = args as [tf.Tensor2D, tf.Tensor2D, tf.GradSaveFunc];
  save([x, w]);
  return {
    value: tf.matMul(x, w) as tf.Tensor,
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [xs, ws] = saved as [tf.Tensor2D, tf.Tensor2D];
      const g = dy as tf.Tensor2D;
      return [tf.matMul(g, tf.transpose(ws)), tf.matMul(tf.transpose(xs), g)];
    },
  };
});

/** The activations {@link buildModel} uses (and check-artifacts.ts accepts). */
const ACTIVATE: Record<string, (z: tf.Tensor2D) => tf.Tensor2D> = {
  linear: (z) => z,
  relu: (z) => tf.relu(z),
  tanh: (z) => tf.tanh(z),
  sigmoid: (z) => tf.sigmoid(z),
  softmax: (z) => tf.softmax(z),
};

/** One Dense layer up to its pre-activation, from the layer's own variables. */
function denseLogits(layer: tf.layers.Layer, h: tf.Tensor2D): tf.Tensor2D {
  const [kernel, bias] = layer.weights;
  if (!kernel) throw new Error(`layer ${layer.name} has no kernel`);
  return bias
    ? (denseWithBias(h, kernel.read(), bias.read()) as tf.Tensor2D)
    : (denseNoBias(h, kernel.read()) as tf.Tensor2D);
}

/**
 * Forward pass up to the last layer's pre-activation (logits for softmax, values for linear),
 * from the layers' variables (so gradients reach them) but with the math above.
 * @param seeds per-step dropout seeds while training; null at evaluation (dropout is a no-op)
 */
export function forwardLogits(
  model: tf.LayersModel,
  x: tf.Tensor2D,
  seeds: MaskSeeds | null,
): tf.Tensor2D {
  const layers = model.layers.filter((l) => l.getClassName() !== 'InputLayer');
  const last = layers.pop();
  if (!last) throw new Error('model has no layers');
  let h = x;
  for (const layer of layers) {
    const config = layer.getConfig();
    if (layer.getClassName() === 'Dropout') {
      const rate = Number(config['rate']);
      if (seeds && rate > 0) {
        const u = tf.randomUniform(h.shape, 0, 1, 'float32', seeds());
        h = tf.mul(h, tf.mul(tf.cast(tf.greaterEqual(u, rate), 'float32'), 1 / (1 - rate)));
      }
      continue;
    }
    const activate = ACTIVATE[String(config['activation'])];
    if (layer.getClassName() !== 'Dense' || !activate) {
      throw new Error(
        `unsupported layer ${layer.getClassName()} (${String(config['activation'])})`,
      );
    }
    h = activate(denseLogits(layer, h));
  }
  return denseLogits(last, h);
}

/** Sum over rows of the per-row data loss (cross-entropy or squared error). */
export function lossSum(spec: OutputSpec, logits: tf.Tensor2D, y: tf.Tensor2D): tf.Scalar {
  if (spec.kind === 'softmax') return tf.neg(tf.sum(tf.mul(y, tf.logSoftmax(logits))));
  return tf.sum(tf.squaredDifference(logits, y));
}

/** L1 and L2 factors of a Dense layer's kernel regulariser (0 when it has none). */
export function regularizerFactors(layer: tf.layers.Layer): { l1: number; l2: number } {
  const reg = layer.getConfig()['kernelRegularizer'] as
    { className?: string; config?: { l1?: number; l2?: number } } | null | undefined;
  if (!reg) return { l1: 0, l2: 0 };
  if (reg.className !== 'L1L2') throw new Error(`unsupported regularizer ${String(reg.className)}`);
  return { l1: Number(reg.config?.l1 ?? 0), l2: Number(reg.config?.l2 ?? 0) };
}

/**
 * The model's regulariser penalty, l1·Σ|W| + l2·ΣW² over the Dense kernels (tfjs' L1L2), or null
 * when it has none. Read from the layers' configs, not `model.calculateLosses()`: tfjs registers
 * those losses only once the model has been applied, so a freshly built model reports none.
 */
export function penalty(model: tf.LayersModel): tf.Scalar | null {
  const terms: tf.Scalar[] = [];
  for (const layer of model.layers) {
    if (layer.getClassName() !== 'Dense') continue;
    const { l1, l2 } = regularizerFactors(layer);
    const kernel = layer.weights[0]?.read();
    if (!kernel || (l1 === 0 && l2 === 0)) continue;
    if (l1 > 0) terms.push(tf.mul(tf.sum(tf.abs(kernel)), l1));
    if (l2 > 0) terms.push(tf.mul(tf.sum(tf.square(kernel)), l2));
  }
  if (terms.length === 0) return null;
  return terms.length === 1 ? (terms[0] as tf.Scalar) : (tf.addN(terms) as tf.Scalar);
}

/**
 * Checks targets: finite values for linear, class indices 0..k-1 for softmax.
 * @returns the labels as Int32Array for softmax, null for linear
 * @throws TrainingConfigError naming the first row whose label is not a class index (or not finite)
 */
export function checkTargets(
  spec: OutputSpec,
  y: Float32Array | Int32Array,
  n: number,
  what: string,
): Int32Array | null {
  if (y.length !== n) throw new TrainingConfigError(`${what}: ${y.length} targets for ${n} rows`);
  if (spec.kind === 'linear') {
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(y[i]))
        throw new TrainingConfigError(`${what}: target at row ${i + 1} is ${y[i]}`);
    }
    return null;
  }
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = y[i] as number;
    if (!Number.isInteger(v) || v < 0 || v >= spec.units) {
      throw new TrainingConfigError(
        `${what}: label ${v} at row ${i + 1} is not a class index in 0..${spec.units - 1}`,
      );
    }
    labels[i] = v;
  }
  return labels;
}

/**
 * Uploads targets once: one-hot float [n, k] for softmax, [n, 1] values for linear.
 * @throws TrainingConfigError naming the first row whose label is not a class index (or not finite)
 */
export function uploadTargets(
  spec: OutputSpec,
  y: Float32Array | Int32Array,
  n: number,
  what: string,
): tf.Tensor2D {
  const labels = checkTargets(spec, y, n, what);
  if (!labels) return tf.tensor2d(y instanceof Float32Array ? y : Float32Array.from(y), [n, 1]);
  return tf.tidy(
    () => tf.cast(tf.oneHot(tf.tensor1d(labels, 'int32'), spec.units), 'float32') as tf.Tensor2D,
  );
}

/** Rows per forward pass when evaluating, to bound peak memory on large validation sets. */
const EVAL_CHUNK = 8192;

/** Mean data loss over all rows plus the penalty, no dropout (a scalar on the backend). */
export function meanLoss(
  model: tf.LayersModel,
  spec: OutputSpec,
  x: tf.Tensor2D,
  y: tf.Tensor2D,
): tf.Scalar {
  return tf.tidy(() => {
    const n = x.shape[0];
    const sums: tf.Scalar[] = [];
    for (let start = 0; start < n; start += EVAL_CHUNK) {
      const size = Math.min(EVAL_CHUNK, n - start);
      const xs = n <= EVAL_CHUNK ? x : tf.slice(x, [start, 0], [size, -1]);
      const ys = n <= EVAL_CHUNK ? y : tf.slice(y, [start, 0], [size, -1]);
      sums.push(lossSum(spec, forwardLogits(model, xs, null), ys));
    }
    const mean = tf.div(sums.length === 1 ? (sums[0] as tf.Scalar) : tf.addN(sums), n);
    const p = penalty(model);
    return (p ? tf.add(mean, p) : mean) as tf.Scalar;
  });
}
