import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel, fit, predictBatch, selectBackend } from '../../../workers/ml';
import { CancelledError, DivergenceError } from '../../../src/lib/contracts/errors';
import { accuracy, blobs, cfg, linearData, weightBytes, weightsFinite } from './helpers';

const data = blobs(2000, 8, 3, 11);

beforeAll(async () => {
  const info = await selectBackend('wasm');
  expect(info.name).toBe('wasm');
});

/** Trains and checks: loss falls, train accuracy > 0.9, tensor count back to baseline. */
async function trainsWell(config: ReturnType<typeof cfg>): Promise<void> {
  const before = tf.memory().numTensors;
  const model = buildModel(config, 8, 'multiclass', 3, 1);
  const t0 = performance.now();
  const { history } = await fit(model, data, config, { seed: 1 });
  const ms = performance.now() - t0;
  const probs = await predictBatch(model, data.x, data.n, 8, 'multiclass');
  const acc = accuracy(probs, data.y, 3);
  console.log(
    `${config.kind}: ${ms.toFixed(0)} ms, loss ${history[0]?.loss} -> ${history.at(-1)?.loss}, acc ${acc}`,
  );
  expect(history).toHaveLength(config.epochs);
  expect(history.at(-1)!.loss).toBeLessThan(history[0]!.loss);
  expect(acc).toBeGreaterThan(0.9);
  model.dispose();
  expect(tf.memory().numTensors).toBe(before);
}

describe('fit on wasm', () => {
  it('trains logistic regression', () => trainsWell(cfg({ kind: 'logistic', epochs: 8 })));

  it('trains an MLP with dropout and L1/L2', () =>
    trainsWell(
      cfg({
        kind: 'mlp',
        hiddenUnits: [32, 16],
        dropout: 0.2,
        l1: 1e-5,
        l2: 1e-4,
        epochs: 8,
        learningRate: 0.01,
      }),
    ));

  it('trains linear regression with SGD', async () => {
    const reg = linearData(1000, 5, 3);
    const config = cfg({
      kind: 'linear',
      optimizer: 'sgd',
      learningRate: 0.05,
      batchSize: 64,
      epochs: 10,
    });
    const model = buildModel(config, 5, 'regression', 0, 2);
    const { history } = await fit(model, reg, config, { seed: 2 });
    // noise sd 0.1 -> irreducible MSE 0.01
    expect(history.at(-1)!.loss).toBeLessThan(0.02);
    model.dispose();
  });

  it('is reproducible: same seed, same weights (bytes) and history (M5)', async () => {
    const config = cfg({ kind: 'mlp', hiddenUnits: [16], dropout: 0.3, epochs: 3 });
    const run = async (seed: number) => {
      const model = buildModel(config, 8, 'multiclass', 3, seed);
      const { history } = await fit(model, data, config, { seed });
      const bytes = await weightBytes(model);
      model.dispose();
      return { history, bytes };
    };
    const a = await run(5);
    const b = await run(5);
    const c = await run(6);
    expect(b.history).toEqual(a.history);
    expect(b.bytes).toEqual(a.bytes);
    expect(c.bytes).not.toEqual(a.bytes);
  });

  it('stops early on validation loss and restores the best weights', async () => {
    // Random labels: the train loss keeps falling while the validation loss rises after a few
    // epochs, so early stopping must fire.
    const noise = blobs(300, 8, 3, 21);
    const val = blobs(300, 8, 3, 22);
    const shuffled = Int32Array.from(noise.y, (_, i) => (i * 7) % 3);
    const config = cfg({
      kind: 'mlp',
      hiddenUnits: [64, 64],
      epochs: 100,
      batchSize: 32,
      learningRate: 0.01,
      earlyStoppingPatience: 3,
    });
    const model = buildModel(config, 8, 'multiclass', 3, 3);
    const epochs: number[] = [];
    const result = await fit(
      model,
      { ...noise, y: shuffled, xVal: val.x, yVal: val.y, nVal: val.n },
      config,
      { seed: 3, onEpoch: (r) => epochs.push(r.epoch) },
    );
    expect(result.stoppedEarly).toBe(true);
    expect(result.history).toHaveLength(result.bestEpoch + 3);
    expect(epochs).toEqual(result.history.map((r) => r.epoch));
    // The model now holds the best epoch's weights: its validation loss is that epoch's.
    const probs = await predictBatch(model, val.x, val.n, 8, 'multiclass');
    let ce = 0;
    for (let i = 0; i < val.n; i++) ce -= Math.log(probs[i * 3 + val.y[i]!]!);
    const best = result.history[result.bestEpoch - 1]!.valLoss!;
    expect(Math.min(...result.history.map((r) => r.valLoss!))).toBe(best);
    expect(ce / val.n).toBeCloseTo(best, 3); // float32 tolerance (STYLE.md)
    model.dispose();
  });

  it('cancels between batches with CancelledError and no leak (M2)', async () => {
    const before = tf.memory().numTensors;
    const config = cfg({ kind: 'mlp', hiddenUnits: [16], epochs: 50, batchSize: 32 });
    const model = buildModel(config, 8, 'multiclass', 3, 1);
    let calls = 0;
    const err = await fit(model, data, config, { seed: 1, shouldStop: () => ++calls > 5 }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(CancelledError);
    expect(calls).toBe(6);
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('yields to the event loop, so an asynchronous cancel (a Comlink message) lands', async () => {
    const config = cfg({ kind: 'mlp', hiddenUnits: [32], epochs: 1000, batchSize: 32 });
    const model = buildModel(config, 8, 'multiclass', 3, 1);
    let stop = false;
    const t0 = performance.now();
    setTimeout(() => (stop = true), 150);
    const err = await fit(model, data, config, { seed: 1, shouldStop: () => stop }).catch(
      (e: unknown) => e,
    );
    const ms = performance.now() - t0;
    expect(err).toBeInstanceOf(CancelledError);
    // The timer fires at 150 ms; yields come every ~50 ms, so training stops soon after.
    expect(ms).toBeLessThan(1000);
    model.dispose();
  });

  it('keeps the tensor count flat across epochs and runs (M6)', async () => {
    const config = cfg({ kind: 'mlp', hiddenUnits: [16], epochs: 5, earlyStoppingPatience: 10 });
    const model = buildModel(config, 8, 'multiclass', 3, 1);
    const counts: number[] = [];
    const opts = { seed: 1, onEpoch: () => counts.push(tf.memory().numTensors) };
    const split = {
      ...data,
      n: 1500,
      x: data.x.subarray(0, 1500 * 8),
      y: data.y.subarray(0, 1500),
    };
    const withVal = {
      ...split,
      xVal: data.x.subarray(1500 * 8),
      yVal: data.y.subarray(1500),
      nVal: 500,
    };
    const before = tf.memory().numTensors;
    await fit(model, withVal, config, opts);
    const afterOne = tf.memory().numTensors;
    await fit(model, withVal, config, opts);
    // Epoch 1 runs before the first best-weights checkpoint exists; from epoch 2 on, flat.
    expect(counts).toHaveLength(10);
    expect(new Set(counts.slice(1, 5)).size).toBe(1);
    expect(counts.slice(5)).toEqual(counts.slice(0, 5));
    expect(afterOne).toBe(before);
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });
});

describe('divergence (M1)', () => {
  it('a 1e38 input: DivergenceError in the first batch, weights finite', async () => {
    const before = tf.memory().numTensors;
    const x = data.x.slice();
    x.fill(1e38, 0, 8 * 64);
    const config = cfg({ kind: 'mlp', hiddenUnits: [16], batchSize: 64, epochs: 3 });
    const model = buildModel(config, 8, 'multiclass', 3, 1);
    const err = await fit(model, { ...data, x }, config, { seed: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DivergenceError);
    expect((err as DivergenceError).epoch).toBe(1);
    console.log((err as Error).message);
    expect(await weightsFinite(model)).toBe(true);
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it.each(['adam', 'sgd'] as const)(
    'learning rate 1e6 (%s): stops within a batch or two',
    async (optimizer) => {
      const config = cfg({
        kind: 'mlp',
        hiddenUnits: [16],
        optimizer,
        learningRate: 1e6,
        batchSize: 64,
        epochs: 3,
      });
      const model = buildModel(config, 8, 'multiclass', 3, 1);
      let batches = 0;
      const err = await fit(model, data, config, {
        seed: 1,
        shouldStop: () => (batches++, false),
      }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DivergenceError);
      console.log(optimizer, batches, (err as Error).message);
      expect(batches).toBeLessThanOrEqual(3);
      expect(await weightsFinite(model)).toBe(true);
      model.dispose();
    },
  );

  it('learning rate 1e6 on regression (the loss overflows to Infinity/NaN)', async () => {
    const reg = linearData(512, 5, 3);
    const config = cfg({
      kind: 'linear',
      optimizer: 'sgd',
      learningRate: 1e6,
      batchSize: 64,
      epochs: 3,
    });
    const model = buildModel(config, 5, 'regression', 0, 1);
    const err = await fit(model, reg, config, { seed: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DivergenceError);
    expect(await weightsFinite(model)).toBe(true);
    model.dispose();
  });
});
