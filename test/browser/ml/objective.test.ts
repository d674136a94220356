import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel, selectBackend } from '../../../workers/ml';
import { forwardLogits, lossSum, outputSpec } from '../../../workers/ml/objective';
import { blobs, cfg } from './helpers';

beforeAll(async () => {
  await selectBackend('wasm');
});

describe('forwardLogits (hand-written dense gradient)', () => {
  it.each(['relu', 'tanh', 'sigmoid'] as const)(
    'matches tfjs layers: outputs and gradients (%s)',
    (activation) => {
      const data = blobs(64, 5, 3, 8);
      const model = buildModel(
        cfg({ kind: 'mlp', hiddenUnits: [7, 6], activation }),
        5,
        'multiclass',
        3,
        4,
      );
      const spec = outputSpec(model);
      const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
      const before = tf.memory().numTensors;
      tf.tidy(() => {
        const x = tf.tensor2d(data.x, [64, 5]);
        const y = tf.oneHot(tf.tensor1d(data.y, 'int32'), 3).toFloat() as tf.Tensor2D;
        // Reference: the layers' own forward pass (softmax output), cross-entropy on probabilities.
        const ours = tf.variableGrads(() => lossSum(spec, forwardLogits(model, x, null), y), vars);
        const ref = tf.variableGrads(
          () => tf.neg(tf.sum(tf.mul(y, tf.log(model.apply(x) as tf.Tensor)))) as tf.Scalar,
          vars,
        );
        // float32 tolerance (STYLE.md: tfjs uses 1e-3)
        expect(ours.value.dataSync()[0]).toBeCloseTo(ref.value.dataSync()[0]!, 3);
        for (const v of vars) {
          const a = ours.grads[v.name]!.dataSync();
          const b = ref.grads[v.name]!.dataSync();
          expect(a.length).toBe(b.length);
          a.forEach((g, i) => expect(g).toBeCloseTo(b[i]!, 3));
        }
      });
      expect(tf.memory().numTensors).toBe(before);
      model.dispose();
    },
  );
});
