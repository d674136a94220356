/**
 * Divergence guard (RELIABILITY M1): stops training when the loss or a weight turns NaN/Inf, or
 * the loss explodes, restores the last weights known to be good, and throws
 * {@link DivergenceError}.
 *
 * - A checked batch reads back two numbers: its loss, and the sum of every weight tensor after
 *   the update (any NaN/Inf weight makes that sum non-finite; weights near float32 max overflow
 *   it, which is divergence by any measure). Two ops per weight tensor, one read-back.
 * - "Explodes": more than {@link EXPLOSION} times a reference loss. With the loss on logits, a
 *   learning rate of 1e6 or a 1e38 input gives huge losses that stay finite; they are divergence
 *   all the same. References: for cross-entropy max(1, ln k), the loss of a uniform guess (no
 *   healthy run averages 1e4 nats per row); for squared error max(1, mean(y^2), the first checked
 *   batch's loss), so unscaled inputs that start high are not flagged (a squared error that
 *   blows up overflows to Infinity within a few batches anyway).
 * - Checkpoints: the weights *before* a checked batch become the last good ones once that batch's
 *   loss is good (they produced it). Clones share buffers by reference count, so this is cheap.
 */
import * as tf from '@tensorflow/tfjs';
import { DivergenceError } from '../../src/lib/contracts/errors';
import { disposeCheckpoint, restoreCheckpoint, takeCheckpoint, type Checkpoint } from './weights';

/** Loss growth over the first batch's loss (floored at 1) that counts as divergence. */
export const EXPLOSION = 1e4;

export class DivergenceGuard {
  private good: Checkpoint;
  private goodAt = 'the initial weights';
  private pending: Checkpoint | null = null;
  private reference: number;

  /**
   * @param model the model being trained (its weights are checkpointed)
   * @param floor the reference loss before any batch (see module doc)
   * @param raiseToFirstLoss whether the first checked loss may raise the reference
   */
  constructor(
    private readonly model: tf.LayersModel,
    floor: number,
    private raiseToFirstLoss: boolean,
  ) {
    this.good = takeCheckpoint(model);
    this.reference = floor;
  }

  /** Sum of all weights as one scalar: finite iff every weight is (see module doc). */
  weightHealth(): tf.Scalar {
    return tf.tidy(() => tf.addN(this.model.weights.map((w) => tf.sum(w.read()))) as tf.Scalar);
  }

  /** Call before a batch that {@link afterBatch} will check. */
  beforeBatch(): void {
    disposeCheckpoint(this.pending);
    this.pending = takeCheckpoint(this.model);
  }

  /**
   * Reads back the batch loss and the weights' health; accepts or restores and throws.
   * @param where e.g. `batch 3`, for the message
   * @throws DivergenceError
   */
  async afterBatch(loss: tf.Scalar, epoch: number, where: string): Promise<void> {
    const both = tf.tidy(() => tf.stack([loss, this.weightHealth()]));
    const [lossValue = Number.NaN, health = Number.NaN] = await both.data();
    both.dispose();
    this.checkLoss(lossValue, epoch, `the loss of ${where}`);
    if (this.pending) {
      disposeCheckpoint(this.good);
      this.good = this.pending;
      this.pending = null;
      this.goodAt = `the weights before epoch ${epoch}, ${where}`;
    }
    if (!Number.isFinite(health)) this.fail(epoch, `the weights became ${health} in ${where}`);
  }

  /**
   * Checks an epoch's read-back numbers; when they are good, the current weights become the last
   * good ones.
   * @throws DivergenceError
   */
  afterEpoch(epoch: number, loss: number, valLoss: number | null, health: number): void {
    this.checkLoss(loss, epoch, 'the epoch loss');
    if (valLoss !== null && !Number.isFinite(valLoss)) {
      this.fail(epoch, `the validation loss became ${valLoss}`);
    }
    if (!Number.isFinite(health)) this.fail(epoch, `the weights became ${health}`);
    disposeCheckpoint(this.good);
    this.good = takeCheckpoint(this.model);
    this.goodAt = `the weights after epoch ${epoch}`;
  }

  private checkLoss(value: number, epoch: number, what: string): void {
    if (!Number.isFinite(value)) this.fail(epoch, `${what} became ${value}`);
    if (this.raiseToFirstLoss) {
      this.reference = Math.max(this.reference, value);
      this.raiseToFirstLoss = false;
    }
    if (value > EXPLOSION * this.reference) {
      this.fail(epoch, `${what} exploded to ${value.toPrecision(3)}`);
    }
  }

  /** Restores the last good weights and throws. */
  private fail(epoch: number, detail: string): never {
    restoreCheckpoint(this.model, this.good);
    throw new DivergenceError(epoch, `${detail}; restored ${this.goodAt}`);
  }

  dispose(): void {
    disposeCheckpoint(this.good);
    disposeCheckpoint(this.pending);
    this.pending = null;
  }
}
