import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel, fit, selectBackend } from '../../../workers/ml';
import { blobs, cfg } from './helpers';

beforeAll(async () => {
  await selectBackend('wasm');
});

describe('bench2', () => {
  it('guard overhead and model.fit comparison', async () => {
    const data = blobs(30_000, 50, 2, 1);
    const config = cfg({ kind: 'mlp', hiddenUnits: [128, 64], batchSize: 1024, epochs: 2, learningRate: 0.001 });
    for (let rep = 0; rep < 2; rep++) {
      for (const noGuard of [false, true]) {
        (globalThis as any).__noGuard = noGuard;
        const model = buildModel(config, 50, 'binary', 2, 1);
        const t0 = performance.now();
        await fit(model, data, config, { seed: 1 });
        console.log(`noGuard=${noGuard}: ${(performance.now() - t0).toFixed(0)} ms`);
        model.dispose();
      }
      const model = buildModel(config, 50, 'binary', 2, 1);
      model.compile({ optimizer: tf.train.adam(0.001), loss: 'categoricalCrossentropy' });
      const xs = tf.tensor2d(data.x, [data.n, 50]);
      const ys = tf.oneHot(tf.tensor1d(data.y, 'int32'), 2);
      const t0 = performance.now();
      await model.fit(xs, ys, { batchSize: 1024, epochs: 2, shuffle: true });
      console.log(`model.fit: ${(performance.now() - t0).toFixed(0)} ms`);
      model.optimizer.dispose();
      model.dispose();
      tf.dispose([xs, ys]);
      // raw matmul rate
      const a = tf.randomUniform([1024, 1024]);
      const t1 = performance.now();
      const c = tf.matMul(a, a);
      await c.data();
      console.log(`matmul 1024: ${(performance.now() - t1).toFixed(0)} ms`);
      tf.dispose([a, c]);
    }
    expect(true).toBe(true);
  });
});
