import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel, fit, predictBatch, selectBackend } from '../../../workers/ml';
import { blobs, cfg } from './helpers';

beforeAll(async () => {
  await selectBackend('wasm');
});

describe('bench', () => {
  it('MLP 50-128-64-2 on 100k x 50, batch 1024', async () => {
    const data = blobs(100_000, 50, 2, 1);
    const config = cfg({ kind: 'mlp', hiddenUnits: [128, 64], batchSize: 1024, epochs: 3, learningRate: 0.001 });
    const model = buildModel(config, 50, 'binary', 2, 1);
    const before = tf.memory().numTensors;
    const times: number[] = [];
    const t0 = performance.now();
    await fit(model, data, config, { seed: 1, onEpoch: (r) => times.push(r.elapsedMs) });
    const total = performance.now() - t0;
    const per = times.map((t, i) => t - (times[i - 1] ?? 0));
    console.log(`epochs ms ${per.map((t) => t.toFixed(0)).join(' ')}; samples/s (epochs 2+) ${((2 * 99328) / ((times[2]! - times[0]!) / 1000)).toFixed(0)}; total ${total.toFixed(0)}`);
    const t1 = performance.now();
    await predictBatch(model, data.x, data.n, 50, 'binary');
    console.log(`predict 100k rows ${(performance.now() - t1).toFixed(0)} ms`);
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });
});
