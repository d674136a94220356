/**
 * Builds the tfjs network for a {@link ModelConfig}: a `tf.Sequential` of Dense and Dropout
 * layers only (the classes {@link modelFromArtifacts} accepts back).
 *
 * Decisions:
 * - Binary targets use a 2-unit softmax, not a 1-unit sigmoid, so binary and multiclass share one
 *   loss, one prediction shape (n x k probabilities) and one metrics path.
 * - `baseline` is a constant model: one Dense layer with a frozen zero kernel whose bias `fit`
 *   sets in closed form (log class frequencies, or the mean). Predict and serialise then work
 *   unchanged, and its softmax gives the class frequencies (argmax = majority class).
 * - Every initialiser gets its own seed, derived from `seed` with {@link createRng}, so the same
 *   seed gives byte-identical initial weights (RELIABILITY M5).
 */
import * as tf from '@tensorflow/tfjs';
import type { ModelConfig, Task } from '../../src/lib/contracts/entities';
import { TrainingConfigError } from '../../src/lib/contracts/errors';
import { createRng } from '../../src/lib/stats/rng';

/** Largest layer width accepted anywhere (also the limit for loaded artifacts, RELIABILITY X7). */
export const MAX_UNITS = 4096;

/** Output width for a task: 1 for regression, else the class count (binary -> 2, softmax). */
export function outputUnits(task: Task, nClasses: number): number {
  if (task === 'regression') return 1;
  if (task === 'binary') return 2;
  return nClasses;
}

function check(ok: boolean, message: string): void {
  if (!ok) throw new TrainingConfigError(message);
}

function validate(config: ModelConfig, inputWidth: number, task: Task, nClasses: number): void {
  check(Number.isInteger(inputWidth) && inputWidth >= 1, `input width ${inputWidth} must be ≥ 1`);
  if (task === 'binary') check(nClasses === 2, `a binary target needs 2 classes, got ${nClasses}`);
  if (task === 'multiclass') {
    check(
      Number.isInteger(nClasses) && nClasses >= 2 && nClasses <= MAX_UNITS,
      `a multiclass target needs 2 to ${MAX_UNITS} classes, got ${nClasses}`,
    );
  }
  if (config.kind === 'logistic') check(task !== 'regression', 'logistic needs a class target');
  if (config.kind === 'linear') check(task === 'regression', 'linear needs a numeric target');
  if (config.kind === 'mlp') {
    check(config.hiddenUnits.length > 0, 'an MLP needs at least one hidden layer');
    for (const units of config.hiddenUnits) {
      check(
        Number.isInteger(units) && units >= 1 && units <= MAX_UNITS,
        `hidden layer width ${units} must be an integer from 1 to ${MAX_UNITS}`,
      );
    }
    check(config.dropout >= 0 && config.dropout < 1, `dropout ${config.dropout} must be in [0, 1)`);
  }
  check(config.l1 >= 0 && config.l2 >= 0, `L1 ${config.l1} and L2 ${config.l2} must be ≥ 0`);
}

/**
 * Builds an untrained, uncompiled model (the training loop owns its optimizer).
 *
 * @param config model kind, hidden layers, activation, dropout, L1/L2 (the rest is for `fit`)
 * @param inputWidth number of input features
 * @param task binary, multiclass or regression
 * @param nClasses class count for classification (2 for binary); ignored for regression
 * @param seed seeds every initialiser and dropout layer
 * @returns a `tf.LayersModel`; the caller disposes it
 * @throws TrainingConfigError for an impossible combination (e.g. `linear` on classes)
 * @example
 * buildModel({ kind: 'mlp', hiddenUnits: [16], activation: 'relu', ... }, 8, 'multiclass', 3, 1)
 * // Sequential: Dense(16, relu) -> Dense(3, softmax)
 */
export function buildModel(
  config: ModelConfig,
  inputWidth: number,
  task: Task,
  nClasses: number,
  seed: number,
): tf.LayersModel {
  validate(config, inputWidth, task, nClasses);
  const rng = createRng(seed);
  const nextSeed = (): number => rng.nextUint32();
  const units = outputUnits(task, nClasses);
  const activation = task === 'regression' ? 'linear' : 'softmax';
  const model = tf.sequential();

  if (config.kind === 'baseline') {
    model.add(
      tf.layers.dense({
        units,
        activation,
        inputShape: [inputWidth],
        kernelInitializer: 'zeros',
        biasInitializer: 'zeros',
        trainable: false,
      }),
    );
    return model;
  }

  const regularizer =
    config.l1 > 0 || config.l2 > 0 ? tf.regularizers.l1l2({ l1: config.l1, l2: config.l2 }) : null;
  const dense = (
    n: number,
    act: 'linear' | 'softmax' | ModelConfig['activation'],
    first: boolean,
  ) =>
    tf.layers.dense({
      units: n,
      activation: act,
      ...(first ? { inputShape: [inputWidth] } : {}),
      kernelInitializer: tf.initializers.glorotUniform({ seed: nextSeed() }),
      biasInitializer: 'zeros',
      ...(regularizer ? { kernelRegularizer: regularizer } : {}),
    });

  if (config.kind === 'mlp') {
    config.hiddenUnits.forEach((n, i) => {
      model.add(dense(n, config.activation, i === 0));
      if (config.dropout > 0) {
        // fit() draws its own per-batch masks (a seeded tfjs Dropout repeats one mask forever);
        // the layer keeps the rate in the saved topology and is a no-op at inference.
        model.add(tf.layers.dropout({ rate: config.dropout, seed: nextSeed() }));
      }
    });
  }
  model.add(dense(units, activation, config.kind !== 'mlp'));
  return model;
}
