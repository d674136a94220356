import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel, selectBackend } from '../../../workers/ml';
import { forwardLogits, lossSum, outputSpec } from '../../../workers/ml/objective';
import { blobs, cfg } from './helpers';

beforeAll(async () => {
  await selectBackend('wasm');
});

describe('bench3', () => {
  it('profile one step', async () => {
    const data = blobs(1024, 50, 2, 1);
    const config = cfg({ kind: 'mlp', hiddenUnits: [128, 64], batchSize: 1024 });
    const model = buildModel(config, 50, 'binary', 2, 1);
    const spec = outputSpec(model);
    const opt = tf.train.adam(0.001);
    const x = tf.tensor2d(data.x, [1024, 50]);
    const y = tf.oneHot(tf.tensor1d(data.y, 'int32'), 2).toFloat() as tf.Tensor2D;
    const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
    const step = () => tf.tidy(() => { opt.minimize(() => tf.div(lossSum(spec, forwardLogits(model, x, null), y), 1024) as tf.Scalar, false, vars); });
    step();
    const prof = await tf.profile(step);
    const byKernel = new Map<string, number>();
    let total = 0;
    for (const k of prof.kernels) {
      byKernel.set(k.name + ' ' + JSON.stringify(k.inputShapes), (byKernel.get(k.name + ' ' + JSON.stringify(k.inputShapes)) ?? 0) + (k.kernelTimeMs as number));
      total += k.kernelTimeMs as number;
    }
    const top = [...byKernel].sort((a, b) => b[1] - a[1]).slice(0, 12);
    console.log(`kernels ${prof.kernels.length}, total kernel ms ${total.toFixed(1)}\n` + top.map(([k, v]) => `${v.toFixed(2)} ${k}`).join('\n'));
    const t0 = performance.now();
    for (let i = 0; i < 10; i++) step();
    console.log(`10 steps ${(performance.now() - t0).toFixed(0)} ms`);
    expect(true).toBe(true);
  });
});
