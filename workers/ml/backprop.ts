/**
 * One training step of a Sequential Dense/Dropout model with the gradient written out by hand:
 * no gradient tape, fused matmul+bias+activation forward, and a backward pass laid out for the
 * WASM backend's costs (PERFORMANCE.md T1). Used by {@link fit}; the math equals
 * `lossSum(forwardLogits(...))` of objective.ts differentiated by tfjs (tested).
 *
 * What it avoids, measured on an MLP 50-128-64-2 with batch 1024 in headless Chromium (WASM SIMD,
 * one thread):
 * - The tape: tfjs records every forward op and runs several ops per op backwards; here the
 *   forward is one fused matmul+bias+activation op per Dense layer and the backward ~15 ops per
 *   layer, no bookkeeping.
 * - `matMul` with `transposeA`/`transposeB`: WASM routes them to a slow scalar loop (~7 ms vs
 *   ~0.5 ms per product here), so operands are transposed explicitly and multiplied untransposed.
 * - WASM packs the right operand of every matmul into XNNPACK's layout when it sees a new tensor
 *   (~6 ns per element; ~0.8 ms for a [1024, 128] operand, as much as the product itself). For
 *   dW = inputᵀ·g (contracted over the batch) one batch-long operand must be on the right: it is
 *   the narrower of input and g (dWᵀ = gᵀ·input when the input is narrower).
 * - WASM's 2-D transpose of a matrix with 1024 rows writes with a 4 KB stride and takes ~0.8 ms
 *   for [1024, 128]; {@link transpose2d} does it as a 3-D permutation in ~0.1 ms.
 * - Column sums (bias gradients) as `sum(axis 0)`, which transposes first: gᵀ·1 with a ones
 *   column that is packed once and reused by every step instead.
 */
import * as tf from '@tensorflow/tfjs';
import { regularizerFactors, type OutputSpec } from './objective';

/** Activations of hidden layers (ModelConfig), plus the output's own. */
export type Activation = 'relu' | 'tanh' | 'sigmoid' | 'linear';

/** A Dense layer as the step sees it. */
export interface DenseParams {
  kernel: tf.LayerVariable;
  bias: tf.LayerVariable | null;
  /** Activation of a hidden layer; the output layer is always `linear` here (logits). */
  activation: Activation;
  /** Dropout rate applied to this layer's output while training (0 = none). */
  dropout: number;
  /** L1 and L2 factors of the kernel regulariser (0 when none). */
  l1: number;
  l2: number;
  inputs: number;
  units: number;
}

/** The network of a model built by {@link buildModel} (or loaded back), as {@link DenseParams}. */
export interface Net {
  layers: DenseParams[];
  spec: OutputSpec;
}

const FUSABLE = new Set<Activation>(['relu', 'sigmoid', 'linear']);

/**
 * Reads the Dense/Dropout stack off a model.
 * @throws Error for any other layer or activation
 */
export function netOf(model: tf.LayersModel, spec: OutputSpec): Net {
  const layers: DenseParams[] = [];
  const all = model.layers.filter((l) => l.getClassName() !== 'InputLayer');
  all.forEach((layer, i) => {
    const config = layer.getConfig();
    if (layer.getClassName() === 'Dropout') {
      const last = layers[layers.length - 1];
      if (!last) throw new Error('a Dropout layer must follow a Dense layer');
      // Two dropouts in a row compose; keep-probabilities multiply.
      last.dropout = 1 - (1 - last.dropout) * (1 - Number(config['rate']));
      return;
    }
    const activation = String(config['activation']);
    const isLast = i === all.length - 1;
    if (layer.getClassName() !== 'Dense') {
      throw new Error(`unsupported layer ${layer.getClassName()} (${activation})`);
    }
    if (!isLast && !['relu', 'tanh', 'sigmoid', 'linear'].includes(activation)) {
      throw new Error(`unsupported hidden activation ${activation}`);
    }
    const [kernel, bias] = layer.weights;
    if (!kernel) throw new Error(`layer ${layer.name} has no kernel`);
    const [inputs, units] = kernel.shape as [number, number];
    layers.push({
      kernel,
      bias: bias ?? null,
      activation: isLast ? 'linear' : (activation as Activation),
      dropout: 0,
      ...regularizerFactors(layer),
      inputs,
      units,
    });
  });
  if (layers.length === 0) throw new Error('model has no layers');
  return { layers, spec };
}

/** Forward pass of one Dense layer: one fused op where the backend can fuse the activation. */
function denseForward(p: DenseParams, a: tf.Tensor2D): tf.Tensor2D {
  const b = p.kernel.read() as tf.Tensor2D;
  const bias = p.bias ? (p.bias.read() as tf.Tensor1D) : undefined;
  if (FUSABLE.has(p.activation)) {
    return tf.fused.matMul({
      a,
      b,
      ...(bias ? { bias } : {}),
      activation: p.activation as 'relu' | 'sigmoid' | 'linear',
    }) as tf.Tensor2D;
  }
  return tf.tanh(tf.fused.matMul({ a, b, ...(bias ? { bias } : {}) })) as tf.Tensor2D;
}

/**
 * Logits (or regression values) of `x` without dropout, no tape needed: for evaluation and
 * scoring.
 */
export function forwardEval(net: Net, x: tf.Tensor2D): tf.Tensor2D {
  let h = x;
  for (const p of net.layers) h = denseForward(p, h);
  return h;
}

/** Per-step dropout seeds (one per dropout layer per step); null at evaluation. */
export type MaskSeeds = () => number;

/**
 * Transpose of a matrix. On WASM a 2-D transpose of a matrix with 1024 rows writes with a 4 KB
 * stride (all to one cache set) and takes ~0.8 ms for [1024, 128]; the same permutation done
 * as a 3-D one, [2, r/2, c] -> [c, 2, r/2], writes sequentially and takes ~0.1 ms.
 */
export function transpose2d(x: tf.Tensor2D): tf.Tensor2D {
  const [r, c] = x.shape;
  if (r % 2 !== 0 || r * c < 4096 || tf.getBackend() !== 'wasm') return tf.transpose(x);
  return tf.reshape(tf.transpose(tf.reshape(x, [2, r / 2, c]), [2, 0, 1]), [c, r]);
}

/** Gradient of the activation at its output `h`, times `dh`. */
function activationGrad(act: Activation, h: tf.Tensor2D, dh: tf.Tensor2D): tf.Tensor2D {
  switch (act) {
    case 'relu':
      return tf.mul(dh, tf.step(h));
    case 'sigmoid':
      return tf.mul(dh, tf.mul(h, tf.sub(1, h)));
    case 'tanh':
      return tf.mul(dh, tf.sub(1, tf.square(h)));
    case 'linear':
      return dh;
  }
}

/** Inputs of one step. */
export interface StepBatch {
  x: tf.Tensor2D;
  /** One-hot targets [b, k] (softmax) or values [b, 1] (linear). */
  y: tf.Tensor2D;
}

/** What a step returns: its mean loss (with the penalty) and one gradient per trainable weight. */
export interface StepResult {
  loss: tf.Scalar;
  /** In `model.trainableWeights` order: kernel, then bias, per Dense layer. */
  grads: tf.Tensor[];
}

/**
 * Runs the forward and backward pass of one batch. Call inside `tf.tidy`.
 * @param onesColumn a [b, 1] tensor of ones, kept by the caller across steps
 * @param seeds dropout seeds, or null for no dropout
 */
export function trainStep(
  net: Net,
  batch: StepBatch,
  onesColumn: tf.Tensor2D,
  seeds: MaskSeeds | null,
): StepResult {
  const n = batch.x.shape[0];
  const { layers, spec } = net;
  // Forward, keeping each layer's input (after dropout) and activation output (before it).
  const inputs: tf.Tensor2D[] = [];
  const outputs: tf.Tensor2D[] = [];
  const masks: (tf.Tensor2D | null)[] = [];
  let a = batch.x;
  for (const p of layers) {
    inputs.push(a);
    const h = denseForward(p, a);
    outputs.push(h);
    let mask: tf.Tensor2D | null = null;
    if (seeds && p.dropout > 0) {
      const u = tf.randomUniform(h.shape, 0, 1, 'float32', seeds());
      mask = tf.mul(tf.cast(tf.greaterEqual(u, p.dropout), 'float32'), 1 / (1 - p.dropout));
      a = tf.mul(h, mask);
    } else {
      a = h;
    }
    masks.push(mask);
  }
  const z = outputs[outputs.length - 1] as tf.Tensor2D;

  // Loss (sum over rows, then mean) and its gradient wrt the logits.
  let lossSum: tf.Scalar;
  let g: tf.Tensor2D;
  if (spec.kind === 'softmax') {
    const logp = tf.logSoftmax(z);
    lossSum = tf.neg(tf.sum(tf.mul(batch.y, logp)));
    g = tf.mul(tf.sub(tf.exp(logp), batch.y), 1 / n);
  } else {
    const diff = tf.sub(z, batch.y);
    lossSum = tf.sum(tf.square(diff));
    g = tf.mul(diff, 2 / n);
  }
  let loss: tf.Scalar = tf.mul(lossSum, 1 / n);

  const grads: tf.Tensor[] = [];
  for (let l = layers.length - 1; l >= 0; l--) {
    const p = layers[l] as DenseParams;
    const input = inputs[l] as tf.Tensor2D;
    const kernel = p.kernel.read() as tf.Tensor2D;
    // dW = inputᵀ·g, contracted over the batch. The right operand of a WASM matmul is packed
    // anew for every new tensor (~6 ns per element), so it is the narrower of input and g.
    const gT = p.bias || p.inputs < p.units ? transpose2d(g) : null;
    let dW =
      gT && p.inputs < p.units
        ? transpose2d(tf.matMul(gT, input))
        : tf.matMul(transpose2d(input), g);
    if (p.l1 > 0 || p.l2 > 0) {
      // d/dW of l1·Σ|W| + l2·ΣW² (tfjs' L1L2 regulariser; sign(0) = 0 as in tfjs' abs gradient).
      if (p.l1 > 0) dW = tf.add(dW, tf.mul(tf.sign(kernel), p.l1));
      if (p.l2 > 0) dW = tf.add(dW, tf.mul(kernel, 2 * p.l2));
      let penalty = tf.scalar(0);
      if (p.l1 > 0) penalty = tf.add(penalty, tf.mul(tf.sum(tf.abs(kernel)), p.l1));
      if (p.l2 > 0) penalty = tf.add(penalty, tf.mul(tf.sum(tf.square(kernel)), p.l2));
      loss = tf.add(loss, penalty);
    }
    const layerGrads: tf.Tensor[] = [dW];
    // Column sums of g as gᵀ·1: the ones column is packed once and reused by every step.
    if (p.bias && gT) layerGrads.push(tf.reshape(tf.matMul(gT, onesColumn), [p.units]));
    grads.unshift(...layerGrads);
    if (l === 0) break;
    const prev = layers[l - 1] as DenseParams;
    let dh = tf.matMul(g, transpose2d(kernel)) as tf.Tensor2D;
    const mask = masks[l - 1];
    if (mask) dh = tf.mul(dh, mask);
    g = activationGrad(prev.activation, outputs[l - 1] as tf.Tensor2D, dh);
  }
  return { loss, grads };
}
