/**
 * Auto mode: one sensible model configuration for a target, chosen from the size of the data by
 * a fixed, documented rule (docs/auto-mode.md has the rule and its comparison with scikit-learn).
 *
 * The rule:
 * - fewer than {@link AUTO_MLP_MIN_ROWS} rows: a linear model (logistic regression for classes,
 *   linear regression for values). On a few hundred rows an MLP has more weights than rows and
 *   gains nothing on the standard small datasets (scikit-learn's LogisticRegression() and
 *   MLPClassifier() defaults tie there; docs/auto-mode.md);
 * - otherwise an MLP with hidden layers (64, 32), ReLU, no dropout;
 * - always Adam, L2 on the kernels, and early stopping on the validation loss (the best epoch's
 *   weights are kept), so the epoch count is a ceiling rather than a guess;
 * - the epoch ceiling comes from a work budget (gradient steps, and multiply-adds of
 *   forward + backward passes) so a run stays a few seconds on the WASM backend; see
 *   {@link AUTO_BUDGET}.
 */
import type { ModelConfig, Task } from '../contracts/entities';
import { InvalidArgumentError } from '../contracts/errors';

/** Input of {@link autoConfig}. */
export interface AutoConfigInput {
  task: Task;
  /**
   * Rows with a target value (the rows the split divides). Used as an upper bound of the training
   * rows, so the work budget errs on the short side.
   */
  rows: number;
  /** Width of the encoded feature vector (after one-hot encoding). */
  features: number;
  /** Class count for classification (2 for binary when omitted); ignored for regression. */
  classes?: number;
}

/** The chosen configuration and, in one or two sentences, why. */
export interface AutoConfigResult {
  config: ModelConfig;
  reason: string;
}

/** Rows from which auto mode trains an MLP instead of a linear model. */
export const AUTO_MLP_MIN_ROWS = 1000;

/** Hidden layers of the auto MLP. */
export const AUTO_MLP_HIDDEN: readonly number[] = [64, 32];

/**
 * Work bounds of an auto run: at most `maxSteps` gradient steps and `maxMultiplyAdds`
 * multiply-adds (3 per weight per row per epoch: the forward pass and the two products of the
 * backward pass), and `minEpochs` to `maxEpochs` epochs. Measured on the WASM backend in headless
 * Chromium (test/browser/auto/auto-mode.test.ts, docs/auto-mode.md): the linear models of the
 * bundled examples train in under 0.5 s; the MLP on digits (1,797 rows, 61 features), which is
 * held by the multiply-add bound (87 epochs), in 1–2.5 s. The `minEpochs` floor wins over
 * the multiply-add bound above about 50,000 rows of 60 features; such runs take proportionally
 * longer.
 */
export const AUTO_BUDGET = {
  maxSteps: 3000,
  maxMultiplyAdds: 3e9,
  minEpochs: 3,
  maxEpochs: 200,
} as const;

/* Tuned on the comparison runs over six training seeds (docs/auto-mode.md): with a learning rate
 * of 0.05 the noisy validation loss of 57 rows stopped breast cancer too early (test accuracy
 * 0.920–0.956); 0.01 gave 0.956–0.965 and no loss on the other examples. */
const SMALL = {
  l2: 1e-3,
  learningRate: 0.01,
  batchSize: 32,
  earlyStoppingPatience: 20,
};

const LARGE = {
  l2: 1e-4,
  learningRate: 1e-3,
  earlyStoppingPatience: 10,
};

/** Batch size of the auto MLP: larger batches for more rows, so an epoch has ≤ ~400 steps. */
function mlpBatchSize(rows: number): number {
  if (rows < 10_000) return 64;
  if (rows < 50_000) return 128;
  return 256;
}

/** Weights of a dense stack `inputs → hidden… → outputs` (biases included). */
function weightCount(inputs: number, hidden: readonly number[], outputs: number): number {
  let count = 0;
  let width = inputs;
  for (const units of [...hidden, outputs]) {
    count += (width + 1) * units;
    width = units;
  }
  return count;
}

/** Epochs that fit {@link AUTO_BUDGET} for this many rows, batch size and weights. */
function epochsWithinBudget(rows: number, batchSize: number, weights: number): number {
  const stepsPerEpoch = Math.max(1, Math.floor(rows / Math.min(batchSize, rows)));
  const bySteps = Math.floor(AUTO_BUDGET.maxSteps / stepsPerEpoch);
  const byWork = Math.floor(AUTO_BUDGET.maxMultiplyAdds / (3 * weights * rows));
  return Math.max(AUTO_BUDGET.minEpochs, Math.min(AUTO_BUDGET.maxEpochs, bySteps, byWork));
}

function checkInput({ task, rows, features, classes }: AutoConfigInput): void {
  if (task !== 'binary' && task !== 'multiclass' && task !== 'regression') {
    throw new InvalidArgumentError('task', task, 'must be binary, multiclass or regression');
  }
  if (!Number.isInteger(rows) || rows < 1) {
    throw new InvalidArgumentError('rows', rows, 'must be a whole number of rows ≥ 1');
  }
  if (!Number.isInteger(features) || features < 1) {
    throw new InvalidArgumentError('features', features, 'must be an encoded width ≥ 1');
  }
  if (
    classes !== undefined &&
    task !== 'regression' &&
    (!Number.isInteger(classes) || classes < 2)
  ) {
    throw new InvalidArgumentError('classes', classes, 'must be a whole number ≥ 2');
  }
}

/**
 * Picks a model configuration for auto mode by the rule in this module's header.
 *
 * @param input the task, rows with a target, encoded feature width and class count
 * @returns the configuration (kind, layers, regularisation, optimizer, batch size, epoch
 *   ceiling, early stopping) and a reason to show the user
 * @throws {InvalidArgumentError} for an unknown task, rows or features < 1 or not whole, or
 *   fewer than 2 classes
 * @example
 * autoConfig({ task: 'multiclass', rows: 344, features: 10, classes: 3 }).config
 * // { kind: 'logistic', hiddenUnits: [], activation: 'relu', dropout: 0, l1: 0, l2: 0.001,
 * //   optimizer: 'adam', learningRate: 0.01, batchSize: 32, epochs: 200,
 * //   earlyStoppingPatience: 20 }
 */
export function autoConfig(input: AutoConfigInput): AutoConfigResult {
  checkInput(input);
  const { task, rows, features } = input;
  const outputs = task === 'regression' ? 1 : Math.max(input.classes ?? 2, 2);
  const rowsText = `${rows.toLocaleString('en-US')} rows`;

  if (rows < AUTO_MLP_MIN_ROWS) {
    const kind = task === 'regression' ? 'linear' : 'logistic';
    const epochs = epochsWithinBudget(rows, SMALL.batchSize, weightCount(features, [], outputs));
    return {
      config: {
        kind,
        hiddenUnits: [],
        activation: 'relu',
        dropout: 0,
        l1: 0,
        ...SMALL,
        optimizer: 'adam',
        epochs,
      },
      reason:
        `${rowsText} is small data (under ${AUTO_MLP_MIN_ROWS.toLocaleString('en-US')}), so a ` +
        `${task === 'regression' ? 'linear' : 'logistic'} regression: it has few weights to ` +
        `overfit with. Adam (learning rate ${SMALL.learningRate}), L2 ${SMALL.l2}, batch ` +
        `${SMALL.batchSize}, up to ${epochs} epochs, stopping after ` +
        `${SMALL.earlyStoppingPatience} epochs without a better validation loss.`,
    };
  }

  const batchSize = mlpBatchSize(rows);
  const epochs = epochsWithinBudget(
    rows,
    batchSize,
    weightCount(features, AUTO_MLP_HIDDEN, outputs),
  );
  return {
    config: {
      kind: 'mlp',
      hiddenUnits: [...AUTO_MLP_HIDDEN],
      activation: 'relu',
      dropout: 0,
      l1: 0,
      ...LARGE,
      optimizer: 'adam',
      batchSize,
      epochs,
    },
    reason:
      `${rowsText} is enough for a small neural network: an MLP with hidden layers ` +
      `(${AUTO_MLP_HIDDEN.join(', ')}) and ReLU. Adam (learning rate ${LARGE.learningRate}), ` +
      `L2 ${LARGE.l2}, batch ${batchSize}, up to ${epochs} epochs (kept to a few seconds of ` +
      `training), stopping after ${LARGE.earlyStoppingPatience} epochs without a better ` +
      `validation loss.`,
  };
}
