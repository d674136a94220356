/** Seeded synthetic data and small helpers for the workers/ml browser tests. */
import * as tf from '@tensorflow/tfjs';
import type { ModelConfig } from '../../../src/lib/contracts/entities';
import { createRng } from '../../../src/lib/stats/rng';

/** Gaussian blobs: k class centres ~ N(0, 1) per feature, points = centre + N(0, 1). */
export function blobs(n: number, d: number, k: number, seed: number) {
  const rng = createRng(seed);
  const centres = Array.from({ length: k }, () => Array.from({ length: d }, () => rng.normal()));
  const x = new Float32Array(n * d);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = rng.int(k);
    y[i] = c;
    const centre = centres[c] as number[];
    for (let j = 0; j < d; j++) x[i * d + j] = (centre[j] as number) + rng.normal();
  }
  return { x, y, n, d };
}

/** y = x . w + 0.1 noise, w ~ N(0, 1). */
export function linearData(n: number, d: number, seed: number) {
  const rng = createRng(seed);
  const w = Array.from({ length: d }, () => rng.normal());
  const x = new Float32Array(n * d);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) {
      const v = rng.normal();
      x[i * d + j] = v;
      s += v * (w[j] as number);
    }
    y[i] = s + 0.1 * rng.normal();
  }
  return { x, y, n, d };
}

/** A model config with test-friendly defaults. */
export function cfg(overrides: Partial<ModelConfig> = {}): ModelConfig {
  return {
    kind: 'logistic',
    hiddenUnits: [],
    activation: 'relu',
    dropout: 0,
    l1: 0,
    l2: 0,
    optimizer: 'adam',
    learningRate: 0.05,
    batchSize: 128,
    epochs: 10,
    earlyStoppingPatience: 0,
    ...overrides,
  };
}

/** Share of rows whose argmax of the n x k probabilities equals the label. */
export function accuracy(probs: Float32Array, y: Int32Array, k: number): number {
  let hits = 0;
  for (let i = 0; i < y.length; i++) {
    let best = 0;
    for (let c = 1; c < k; c++)
      if ((probs[i * k + c] as number) > (probs[i * k + best] as number)) best = c;
    if (best === y[i]) hits++;
  }
  return hits / y.length;
}

/** All weights of a model, concatenated, as bytes (for byte-equality checks). */
export async function weightBytes(model: tf.LayersModel): Promise<Uint8Array> {
  const parts = await Promise.all(model.getWeights().map((w) => w.data<'float32'>()));
  const out = new Float32Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return new Uint8Array(out.buffer);
}

/** True when every weight of the model is finite. */
export async function weightsFinite(model: tf.LayersModel): Promise<boolean> {
  const bytes = await weightBytes(model);
  return new Float32Array(bytes.buffer).every(Number.isFinite);
}
