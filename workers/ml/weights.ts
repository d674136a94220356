/**
 * Weight checkpoints held on the backend: for restore-best (early stopping) and
 * restore-last-finite (divergence, RELIABILITY M1).
 *
 * A checkpoint is a clone of each variable's value. tfjs clones share the backing buffer by
 * reference count and the optimizers replace (`assign`) rather than mutate variable values, so a
 * checkpoint costs one bookkeeping op per variable, not a copy.
 */
import * as tf from '@tensorflow/tfjs';

/** Values of all of a model's weights (trainable or not), in `model.weights` order. */
export type Checkpoint = tf.Tensor[];

/** Takes a checkpoint of the model's current weights; the caller disposes it. */
export function takeCheckpoint(model: tf.LayersModel): Checkpoint {
  return model.weights.map((w) => tf.keep(tf.clone(w.read())));
}

/** Writes a checkpoint back into the model (the checkpoint stays valid and owned by the caller). */
export function restoreCheckpoint(model: tf.LayersModel, checkpoint: Checkpoint): void {
  model.weights.forEach((w, i) => {
    const value = checkpoint[i];
    if (value) w.write(value);
  });
}

/** Disposes a checkpoint (null-safe). */
export function disposeCheckpoint(checkpoint: Checkpoint | null): void {
  if (checkpoint) tf.dispose(checkpoint);
}
