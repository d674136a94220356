import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel, predictBatch, predictClasses, selectBackend } from '../../../workers/ml';
import { netOf, trainStep, transpose2d } from '../../../workers/ml/backprop';
import { lossSum, outputSpec, penalty, uploadTargets } from '../../../workers/ml/objective';
import type { ModelConfig } from '../../../src/lib/contracts/entities';
import { createRng } from '../../../src/lib/stats/rng';
import { blobs, cfg, linearData } from './helpers';

beforeAll(async () => {
  await selectBackend('wasm');
});

/**
 * Reference: the model's own layers (tfjs' Dense forward and activation), the same dropout masks
 * (same seeds, same formula), tfjs autodiff of mean loss + regulariser penalty.
 */
function reference(model: tf.LayersModel, x: tf.Tensor2D, y: tf.Tensor2D, seeds: number[] | null) {
  const spec = outputSpec(model);
  const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const queue = seeds ? [...seeds] : [];
  // tfjs registers the regularisers' losses only once the model has been applied.
  tf.dispose(model.apply(x) as tf.Tensor);
  expect(model.calculateLosses().length > 0).toBe(penalty(model) !== null);
  return tf.variableGrads(() => {
    let h: tf.Tensor = x;
    const layers = model.layers.filter((l) => l.getClassName() !== 'InputLayer');
    layers.forEach((layer, i) => {
      if (layer.getClassName() === 'Dropout') {
        const rate = Number(layer.getConfig()['rate']);
        if (!seeds) return;
        const u = tf.randomUniform(h.shape, 0, 1, 'float32', queue.shift());
        h = tf.mul(h, tf.mul(tf.cast(tf.greaterEqual(u, rate), 'float32'), 1 / (1 - rate)));
        return;
      }
      if (i < layers.length - 1) {
        h = layer.apply(h) as tf.Tensor;
        return;
      }
      // Last layer: logits (pre-softmax) from its own kernel and bias.
      const [k, b] = layer.weights;
      h = tf.add(tf.matMul(h, k!.read()), b!.read());
    });
    const data = tf.div(lossSum(spec, h as tf.Tensor2D, y), x.shape[0]);
    const terms = model.calculateLosses();
    return (terms.length ? tf.add(data, tf.addN(terms)) : data) as tf.Scalar;
  }, vars);
}

async function compareStep(
  config: ModelConfig,
  task: 'multiclass' | 'regression',
  withDropout: boolean,
): Promise<void> {
  const n = 256;
  const d = 10;
  const data = task === 'regression' ? linearData(n, d, 4) : blobs(n, d, 3, 4);
  const model = buildModel(config, d, task, 3, 7);
  const spec = outputSpec(model);
  const net = netOf(model, spec);
  const before = tf.memory().numTensors;
  const seedRng = createRng(99);
  const seeds = Array.from({ length: 4 }, () => seedRng.nextUint32());
  tf.tidy(() => {
    const x = tf.tensor2d(data.x, [n, d]);
    const y = uploadTargets(spec, data.y, n, 'test');
    const ones = tf.ones([n, 1]) as tf.Tensor2D;
    let i = 0;
    const ours = trainStep(net, { x, y }, ones, withDropout ? () => seeds[i++]! : null);
    const ref = reference(model, x, y, withDropout ? seeds : null);
    expect(ours.loss.dataSync()[0]).toBeCloseTo(ref.value.dataSync()[0]!, 4);
    model.trainableWeights.forEach((w, j) => {
      const a = ours.grads[j]!.dataSync();
      const b = ref.grads[(w.read() as tf.Variable).name]!.dataSync();
      expect(ours.grads[j]!.shape).toEqual(w.shape);
      let worst = 0;
      a.forEach(
        (g, k) => (worst = Math.max(worst, Math.abs(g - b[k]!) / (1e-3 + Math.abs(b[k]!)))),
      );
      expect(worst, `${w.name}`).toBeLessThan(1e-3); // float32 tolerance (STYLE.md)
    });
  });
  expect(tf.memory().numTensors).toBe(before);
  model.dispose();
}

describe('trainStep (hand-written backprop) equals tfjs autodiff', () => {
  it.each(['relu', 'tanh', 'sigmoid'] as const)('MLP %s, softmax, L1+L2', (activation) =>
    compareStep(
      cfg({ kind: 'mlp', hiddenUnits: [24, 16], activation, l1: 1e-3, l2: 1e-2 }),
      'multiclass',
      false,
    ),
  );

  it('MLP with dropout (same masks)', () =>
    compareStep(cfg({ kind: 'mlp', hiddenUnits: [24, 16], dropout: 0.3 }), 'multiclass', true));

  it('linear regression and a regression MLP (squared error)', async () => {
    await compareStep(cfg({ kind: 'linear', l2: 1e-3 }), 'regression', false);
    await compareStep(
      cfg({ kind: 'mlp', hiddenUnits: [12], activation: 'tanh' }),
      'regression',
      false,
    );
  });

  it('logistic regression (no hidden layer, narrow input)', () =>
    compareStep(cfg({ kind: 'logistic' }), 'multiclass', false));
});

describe('transpose2d', () => {
  it.each([
    [1024, 128],
    [1024, 2],
    [1023, 64],
    [7, 5],
    [2, 4096],
  ])('[%i, %i] equals tf.transpose', (r, c) => {
    tf.tidy(() => {
      const x = tf.randomNormal([r, c], 0, 1, 'float32', 5) as tf.Tensor2D;
      const a = transpose2d(x);
      expect(a.shape).toEqual([c, r]);
      expect(tf.equal(a, tf.transpose(x)).all().dataSync()[0]).toBe(1);
    });
  });
});

describe('predictClasses', () => {
  it('equals the argmax of predictBatch, across chunks', async () => {
    const data = blobs(40_000, 8, 3, 2);
    const model = buildModel(cfg({ kind: 'mlp', hiddenUnits: [16] }), 8, 'multiclass', 3, 1);
    const probs = await predictBatch(model, data.x, data.n, 8, 'multiclass');
    const classes = await predictClasses(model, data.x, data.n, 8, 'multiclass');
    expect(classes).toHaveLength(data.n);
    for (let i = 0; i < data.n; i++) {
      const row = probs.subarray(i * 3, i * 3 + 3);
      expect(row[classes[i]!]).toBe(Math.max(...row));
    }
    await expect(predictClasses(model, data.x, data.n, 8, 'regression')).rejects.toThrow();
    model.dispose();
  });
});
