import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../../../workers/ml';
import { FlatAdam, HostOptimizer, Sgd, type StepOptimizer } from '../../../workers/ml/optim';
import { createRng } from '../../../src/lib/stats/rng';

beforeAll(async () => {
  await selectBackend('wasm');
});

const SHAPES: number[][] = [[7, 5], [5], [5, 3], [3]];

/** Fresh variables with seeded values, and per-step seeded gradients. */
function setup(seed: number) {
  const rng = createRng(seed);
  const values = SHAPES.map((s) =>
    Float32Array.from({ length: s.reduce((a, b) => a * b, 1) }, () => rng.normal()),
  );
  const make = () =>
    tf.tidy(() => values.map((v, i) => tf.variable(tf.tensor(v, SHAPES[i]), true)));
  const grads = Array.from({ length: 5 }, () =>
    values.map((v) => Float32Array.from(v, () => rng.normal() * 0.5)),
  );
  return { make, grads };
}

/** Runs 5 steps with `ours` and with the tfjs optimizer; returns max |difference| of weights. */
async function compare(
  ours: (vars: tf.Variable[]) => StepOptimizer,
  theirs: () => tf.Optimizer,
): Promise<number> {
  const { make, grads } = setup(3);
  const a = make();
  const b = make();
  const opt = ours(a);
  const ref = theirs();
  for (const step of grads) {
    tf.tidy(() => opt.apply(step.map((g, i) => tf.tensor(g, SHAPES[i]))));
    tf.tidy(() =>
      ref.applyGradients(
        Object.fromEntries(b.map((v, i) => [v.name, tf.tensor(step[i]!, SHAPES[i])])),
      ),
    );
  }
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    const x = await a[i]!.data();
    const y = await b[i]!.data();
    x.forEach((v, j) => (worst = Math.max(worst, Math.abs(v - y[j]!))));
  }
  opt.dispose();
  ref.dispose();
  tf.dispose([...a, ...b]);
  return worst;
}

describe('optimizers equal tf.train over 5 steps (1e-5)', () => {
  it('FlatAdam = tf.train.adam', async () => {
    const before = tf.memory().numTensors;
    const diff = await compare(
      (v) => new FlatAdam(v, 0.05),
      () => tf.train.adam(0.05),
    );
    expect(diff).toBeLessThan(1e-5);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('HostOptimizer (adam) = tf.train.adam', async () => {
    const diff = await compare(
      (v) => new HostOptimizer(v, 'adam', 0.05),
      () => tf.train.adam(0.05),
    );
    expect(diff).toBeLessThan(1e-5);
  });

  it('Sgd and HostOptimizer (sgd) = tf.train.sgd', async () => {
    expect(
      await compare(
        (v) => new Sgd(v, 0.1),
        () => tf.train.sgd(0.1),
      ),
    ).toBeLessThan(1e-5);
    expect(
      await compare(
        (v) => new HostOptimizer(v, 'sgd', 0.1),
        () => tf.train.sgd(0.1),
      ),
    ).toBeLessThan(1e-5);
  });

  it('HostOptimizer works on the CPU backend too (it keeps the arrays it is given)', async () => {
    await selectBackend('cpu');
    try {
      const diff = await compare(
        (v) => new HostOptimizer(v, 'adam', 0.05),
        () => tf.train.adam(0.05),
      );
      expect(diff).toBeLessThan(1e-5);
    } finally {
      await selectBackend('wasm');
    }
  });
});
