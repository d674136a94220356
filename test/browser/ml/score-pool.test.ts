import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  availableThreads,
  buildModel,
  closeScorePool,
  predictBatch,
  predictBatchParallel,
  scorePoolStats,
  selectBackend,
} from '../../../workers/ml';
import { createRng } from '../../../src/lib/stats/rng';
import { cfg } from './helpers';

beforeAll(async () => {
  await selectBackend('wasm');
});
afterAll(() => closeScorePool());

/** N(0, 1) features, seeded. */
function features(n: number, d: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: n * d }, () => rng.normal());
}

/** Index of the first bit pattern that differs, -1 when identical (NaN-safe, -0-safe). */
function firstBitDifference(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) return 0;
  const ua = new Uint32Array(a.buffer, a.byteOffset, a.length);
  const ub = new Uint32Array(b.buffer, b.byteOffset, b.length);
  for (let i = 0; i < ua.length; i++) if (ua[i] !== ub[i]) return i;
  return -1;
}

describe('predictBatchParallel', () => {
  // 200,003 rows: above PARALLEL_MIN_ROWS (131,072), cut into blocks of 25,001 rows (a last one
  // of 24,996), so block edges fall inside predictBatch's 32,768-row chunks.
  const n = 200_003;
  const d = 50;

  it('gives bit-identical probabilities to predictBatch (T1 model, seeded), using the helpers', async () => {
    const model = buildModel(
      cfg({ kind: 'mlp', hiddenUnits: [128, 64], activation: 'relu' }),
      d,
      'multiclass',
      3,
      7,
    );
    const x = features(n, d, 11);
    const before = scorePoolStats();
    const tensors = tf.memory().numTensors;
    const serial = await predictBatch(model, x, n, d, 'multiclass');
    const parallel = await predictBatchParallel(model, x, n, d, 'multiclass', 'test-mlp');
    // A second call reuses the helpers' cached model.
    const again = await predictBatchParallel(model, x, n, d, 'multiclass', 'test-mlp');
    expect(parallel).toHaveLength(n * 3);
    expect(firstBitDifference(parallel, serial)).toBe(-1);
    expect(firstBitDifference(again, serial)).toBe(-1);
    const after = scorePoolStats();
    if (availableThreads() >= 2) {
      // Both threads took blocks (the helper's share varies with the machine's load).
      expect(after.helperRows - before.helperRows).toBeGreaterThan(0);
      expect(after.localRows - before.localRows).toBeGreaterThan(0);
    } else {
      expect(after.helperRows).toBe(before.helperRows);
    }
    expect(tf.memory().numTensors).toBe(tensors);
    model.dispose();
  });

  it('gives bit-identical regression values, with tanh (unfused) hidden layers', async () => {
    const model = buildModel(
      cfg({ kind: 'mlp', hiddenUnits: [16], activation: 'tanh' }),
      d,
      'regression',
      0,
      3,
    );
    const x = features(n, d, 12);
    const serial = await predictBatch(model, x, n, d, 'regression');
    const parallel = await predictBatchParallel(model, x, n, d, 'regression', 'test-tanh');
    expect(parallel).toHaveLength(n);
    expect(firstBitDifference(parallel, serial)).toBe(-1);
    model.dispose();
  });

  it('checks shapes like predictBatch and runs small batches on this thread', async () => {
    const model = buildModel(cfg({ kind: 'logistic' }), 4, 'binary', 2, 1);
    await expect(
      predictBatchParallel(model, new Float32Array(7), 2, 4, 'binary', 'test-small'),
    ).rejects.toThrow('7 feature values for 2 rows x 4 columns');
    const before = scorePoolStats();
    const x = features(1000, 4, 1);
    const out = await predictBatchParallel(model, x, 1000, 4, 'binary', 'test-small');
    expect(firstBitDifference(out, await predictBatch(model, x, 1000, 4, 'binary'))).toBe(-1);
    expect(scorePoolStats()).toEqual(before); // below the threshold: predictBatch, no blocks
    model.dispose();
  });
});
