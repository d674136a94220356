import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/lib/contracts/errors';
import {
  AUTO_BUDGET,
  AUTO_MLP_HIDDEN,
  AUTO_MLP_MIN_ROWS,
  autoConfig,
  type AutoConfigInput,
} from '../../../src/lib/hpo/auto-config';

/** Weights of inputs → hidden… → outputs with biases (the module's cost model, recomputed). */
function weights(inputs: number, hidden: number[], outputs: number): number {
  let n = 0;
  let w = inputs;
  for (const u of [...hidden, outputs]) {
    n += (w + 1) * u;
    w = u;
  }
  return n;
}

describe('autoConfig', () => {
  it('picks a regularised, early-stopped logistic regression for penguins-sized data', () => {
    // Penguins → Species: 344 rows, 4 numeric + Island (3 + unseen) + Sex (2 + unseen) = 11 wide.
    const { config, reason } = autoConfig({
      task: 'multiclass',
      rows: 344,
      features: 11,
      classes: 3,
    });
    expect(config).toEqual({
      kind: 'logistic',
      hiddenUnits: [],
      activation: 'relu',
      dropout: 0,
      l1: 0,
      l2: 1e-3,
      optimizer: 'adam',
      learningRate: 0.01,
      batchSize: 32,
      // 344 / 32 = 10 steps per epoch → 300 by the step budget, capped at 200.
      epochs: 200,
      earlyStoppingPatience: 20,
    });
    expect(reason).toMatch(/^344 rows is small data .* logistic regression/);
  });

  it('picks a linear regression for a small numeric target', () => {
    const { config, reason } = autoConfig({ task: 'regression', rows: 200, features: 5 });
    expect(config.kind).toBe('linear');
    expect(config.hiddenUnits).toEqual([]);
    expect(reason).toMatch(/linear regression/);
  });

  it('picks the (64, 32) MLP from 1,000 rows, its epochs held by the multiply-add budget', () => {
    expect(
      autoConfig({ task: 'binary', rows: AUTO_MLP_MIN_ROWS - 1, features: 8 }).config.kind,
    ).toBe('logistic');
    // Digits: 1,797 rows, 61 non-constant pixels, 10 classes. Weights (61+1)·64 + 65·32 + 33·10
    // = 6,378; 3e9 / (3 · 6,378 · 1,797) = 87.25 → 87 epochs (the step bound is 3000 / 28 = 107).
    const { config, reason } = autoConfig({
      task: 'multiclass',
      rows: 1797,
      features: 61,
      classes: 10,
    });
    expect(config).toEqual({
      kind: 'mlp',
      hiddenUnits: [64, 32],
      activation: 'relu',
      dropout: 0,
      l1: 0,
      l2: 1e-4,
      optimizer: 'adam',
      learningRate: 1e-3,
      batchSize: 64,
      epochs: 87,
      earlyStoppingPatience: 10,
    });
    expect(reason).toMatch(/^1,797 rows is enough for a small neural network/);
    expect(reason).toMatch(/up to 87 epochs/);
    expect(autoConfig({ task: 'binary', rows: AUTO_MLP_MIN_ROWS, features: 8 }).config.kind).toBe(
      'mlp',
    );
  });

  it('uses larger MLP batches for more rows', () => {
    const batch = (rows: number) =>
      autoConfig({ task: 'binary', rows, features: 10 }).config.batchSize;
    expect([9_999, 10_000, 49_999, 50_000, 1_000_000].map(batch)).toEqual([64, 128, 128, 256, 256]);
  });

  it('keeps within the budget, except for the minimum epochs on very large data', () => {
    const cases: AutoConfigInput[] = [];
    for (const rows of [1, 2, 31, 32, 150, 569, 999, 1000, 5000, 20_000, 80_000, 2_000_000]) {
      for (const features of [1, 30, 500]) {
        cases.push({ task: 'multiclass', rows, features, classes: 4 });
      }
    }
    for (const input of cases) {
      const { config } = autoConfig(input);
      const w = weights(input.features, config.hiddenUnits, 4);
      const steps = Math.max(1, Math.floor(input.rows / Math.min(config.batchSize, input.rows)));
      expect(config.epochs).toBeGreaterThanOrEqual(AUTO_BUDGET.minEpochs);
      expect(config.epochs).toBeLessThanOrEqual(AUTO_BUDGET.maxEpochs);
      if (config.epochs > AUTO_BUDGET.minEpochs) {
        expect(config.epochs * steps).toBeLessThanOrEqual(AUTO_BUDGET.maxSteps);
        expect(3 * w * input.rows * config.epochs).toBeLessThanOrEqual(AUTO_BUDGET.maxMultiplyAdds);
      }
    }
    // Two million rows: the floor wins (and the reason still says how many epochs).
    const huge = autoConfig({ task: 'binary', rows: 2_000_000, features: 60 });
    expect(huge.config.epochs).toBe(AUTO_BUDGET.minEpochs);
    expect(huge.reason).toMatch(/up to 3 epochs/);
  });

  it('gives fewer or equal epochs for more rows or wider inputs (monotone budget)', () => {
    const epochs = (rows: number, features: number) =>
      autoConfig({ task: 'binary', rows, features }).config.epochs;
    for (const [small, large] of [
      [1000, 2000],
      [2000, 20_000],
      [20_000, 200_000],
    ] as const) {
      expect(epochs(large, 40)).toBeLessThanOrEqual(epochs(small, 40));
    }
    expect(epochs(5000, 400)).toBeLessThanOrEqual(epochs(5000, 40));
  });

  it('treats a missing class count as binary and ignores it for regression', () => {
    const binary = autoConfig({ task: 'binary', rows: 3000, features: 20 });
    expect(autoConfig({ task: 'binary', rows: 3000, features: 20, classes: 2 })).toEqual(binary);
    const reg = autoConfig({ task: 'regression', rows: 3000, features: 20 });
    expect(autoConfig({ task: 'regression', rows: 3000, features: 20, classes: 1 })).toEqual(reg);
  });

  it('returns fresh arrays (the caller may edit the config)', () => {
    const a = autoConfig({ task: 'binary', rows: 5000, features: 3 });
    a.config.hiddenUnits.push(8);
    expect(AUTO_MLP_HIDDEN).toEqual([64, 32]);
    expect(autoConfig({ task: 'binary', rows: 5000, features: 3 }).config.hiddenUnits).toEqual([
      64, 32,
    ]);
  });

  it('names the bad value', () => {
    const bad: [Partial<AutoConfigInput>, RegExp][] = [
      [{ task: 'ranking' as never }, /^task = .*ranking/],
      [{ rows: 0 }, /^rows = 0:/],
      [{ rows: 1.5 }, /^rows = 1\.5:/],
      [{ rows: Number.NaN }, /^rows = NaN:/],
      [{ features: 0 }, /^features = 0:/],
      [{ classes: 1 }, /^classes = 1:/],
    ];
    for (const [patch, message] of bad) {
      const call = () => autoConfig({ task: 'multiclass', rows: 100, features: 4, ...patch });
      expect(call).toThrow(InvalidArgumentError);
      expect(call).toThrow(message);
    }
  });
});
