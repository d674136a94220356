import * as tf from '@tensorflow/tfjs';
import { beforeAll, expect, it } from 'vitest';
import { buildModel, selectBackend } from '../../../workers/ml';
import { netOf, forwardEval } from '../../../workers/ml/backprop';
import { outputSpec } from '../../../workers/ml/objective';
import { cfg } from './helpers';

beforeAll(async () => {
  await selectBackend('wasm');
});

it('q1 chunks', async () => {
  const config = cfg({ kind: 'mlp', hiddenUnits: [128, 64] });
  const model = buildModel(config, 50, 'binary', 2, 1);
  const net = netOf(model, outputSpec(model));
  const n = 262144;
  const x = new Float32Array(n * 50).map((_, i) => Math.sin(i));
  for (const chunk of [1024, 2048, 4096, 8192, 16384, 32768, 65536]) {
    const best: number[] = [];
    for (let t = 0; t < 4; t++) {
      const t0 = performance.now();
      const out = new Float32Array(n * 2);
      for (let s = 0; s < n; s += chunk) {
        const y = tf.tidy(() => tf.softmax(forwardEval(net, tf.tensor2d(x.subarray(s * 50, (s + chunk) * 50), [chunk, 50]))));
        out.set(y.dataSync(), s * 2);
        y.dispose();
      }
      best.push(performance.now() - t0);
    }
    best.sort((a, b) => a - b);
    console.log(`chunk ${chunk}: best ${(n / best[0]! / 1000).toFixed(2)}M rows/s, median ${(n / best[2]! / 1000).toFixed(2)}M`);
  }
  {
    const best: number[] = [];
    for (let t = 0; t < 4; t++) {
      const t0 = performance.now();
      for (let s = 0; s < n; s += 32768) {
        const y = tf.tidy(() => model.predict(tf.tensor2d(x.subarray(s * 50, (s + 32768) * 50), [32768, 50])) as tf.Tensor);
        y.dataSync();
        y.dispose();
      }
      best.push(performance.now() - t0);
    }
    best.sort((a, b) => a - b);
    console.log(`model.predict 32768: best ${(n / best[0]! / 1000).toFixed(2)}M rows/s, median ${(n / best[2]! / 1000).toFixed(2)}M`);
  }
  expect(1).toBe(1);
});
