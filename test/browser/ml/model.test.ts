import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel, fit, predictBatch, selectBackend } from '../../../workers/ml';
import { TrainingConfigError } from '../../../src/lib/contracts/errors';
import { blobs, cfg, linearData, weightBytes } from './helpers';

beforeAll(async () => {
  await selectBackend('wasm');
});

const layers = (m: tf.LayersModel) =>
  m.layers.map(
    (l) => `${l.getClassName()}:${String(l.getConfig()['units'] ?? l.getConfig()['rate'])}`,
  );

describe('buildModel', () => {
  it('builds each kind with the documented layers and output', () => {
    const mlp = buildModel(
      cfg({ kind: 'mlp', hiddenUnits: [16, 8], dropout: 0.2, l2: 0.01 }),
      5,
      'multiclass',
      4,
      1,
    );
    expect(layers(mlp)).toEqual(['Dense:16', 'Dropout:0.2', 'Dense:8', 'Dropout:0.2', 'Dense:4']);
    expect(mlp.layers.at(-1)!.getConfig()['activation']).toBe('softmax');
    expect(mlp.layers[0]!.getConfig()['kernelRegularizer']).toBeTruthy();
    const logistic = buildModel(cfg({ kind: 'logistic' }), 5, 'binary', 2, 1);
    expect(layers(logistic)).toEqual(['Dense:2']); // binary = 2-unit softmax
    const linear = buildModel(cfg({ kind: 'linear' }), 5, 'regression', 0, 1);
    expect(layers(linear)).toEqual(['Dense:1']);
    expect(linear.layers[0]!.getConfig()['activation']).toBe('linear');
    [mlp, logistic, linear].forEach((m) => m.dispose());
  });

  it('same seed -> byte-identical initial weights; another seed differs', async () => {
    const c = cfg({ kind: 'mlp', hiddenUnits: [8] });
    const [a, b, d] = [1, 1, 2].map((s) => buildModel(c, 5, 'multiclass', 3, s));
    expect(await weightBytes(b!)).toEqual(await weightBytes(a!));
    expect(await weightBytes(d!)).not.toEqual(await weightBytes(a!));
    [a, b, d].forEach((m) => m!.dispose());
  });

  it('rejects impossible configs with TrainingConfigError', () => {
    expect(() => buildModel(cfg({ kind: 'linear' }), 5, 'binary', 2, 1)).toThrow(
      TrainingConfigError,
    );
    expect(() => buildModel(cfg({ kind: 'mlp', hiddenUnits: [5000] }), 5, 'binary', 2, 1)).toThrow(
      /4096/,
    );
    expect(() => buildModel(cfg({ kind: 'logistic' }), 0, 'binary', 2, 1)).toThrow(/input width/);
  });
});

describe('baseline', () => {
  it('classification: predicts the class frequencies (argmax = majority class)', async () => {
    const before = tf.memory().numTensors;
    const y = Int32Array.from({ length: 100 }, (_, i) => (i < 60 ? 2 : i < 90 ? 0 : 1));
    const x = new Float32Array(100 * 3).map((_, i) => i % 7);
    const config = cfg({ kind: 'baseline' });
    const model = buildModel(config, 3, 'multiclass', 3, 1);
    const { history, bestEpoch } = await fit(model, { x, y, n: 100, d: 3 }, config, { seed: 1 });
    const p = await predictBatch(model, x.subarray(0, 6), 2, 3, 'multiclass');
    expect(Array.from(p.subarray(0, 3))).toEqual([
      expect.closeTo(0.3, 5),
      expect.closeTo(0.1, 5),
      expect.closeTo(0.6, 5),
    ]);
    // cross-entropy of the frequencies: -(0.6 ln 0.6 + 0.3 ln 0.3 + 0.1 ln 0.1) = 0.8979
    expect(history).toEqual([{ epoch: 1, loss: expect.closeTo(0.8979, 3), valLoss: null }]);
    expect(bestEpoch).toBe(1);
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('regression: predicts the mean', async () => {
    const reg = linearData(200, 4, 1);
    const mean = reg.y.reduce((s, v) => s + v, 0) / reg.n;
    const config = cfg({ kind: 'baseline' });
    const model = buildModel(config, 4, 'regression', 0, 1);
    await fit(model, { ...reg, xVal: reg.x, yVal: reg.y, nVal: reg.n }, config, { seed: 1 });
    const p = await predictBatch(model, reg.x, reg.n, 4, 'regression');
    expect(p).toHaveLength(200);
    expect(p[17]).toBeCloseTo(mean, 5);
    model.dispose();
  });
});

describe('predictBatch', () => {
  it('scores more rows than one chunk, matching model.predict, no leak', async () => {
    const data = blobs(40000, 6, 3, 2);
    const model = buildModel(cfg({ kind: 'mlp', hiddenUnits: [8] }), 6, 'multiclass', 3, 1);
    const before = tf.memory().numTensors;
    const t0 = performance.now();
    const p = await predictBatch(model, data.x, data.n, 6, 'multiclass');
    console.log(`predictBatch 40k rows: ${(performance.now() - t0).toFixed(1)} ms`);
    expect(tf.memory().numTensors).toBe(before);
    expect(p).toHaveLength(40000 * 3);
    const tail = tf.tidy(() =>
      (model.predict(tf.tensor2d(data.x.subarray(39990 * 6), [10, 6])) as tf.Tensor).dataSync(),
    );
    for (let i = 0; i < 30; i++) expect(p[39990 * 3 + i]).toBeCloseTo(tail[i]!, 5);
    await expect(predictBatch(model, data.x, data.n, 5, 'multiclass')).rejects.toThrow(/expects 6/);
    model.dispose();
  });
});
