/**
 * Where training batches come from: gathered on the host and uploaded per batch (WASM, CPU), or
 * uploaded once and gathered on the device (GPU backends).
 *
 * Why the host on WASM: "upload once, slice there" (PERFORMANCE.md) is the right rule for GPUs,
 * but WASM's `slice` and `gather` kernels are JavaScript loops that first copy the whole source
 * tensor out of the WASM heap (`readSync`): a 1024-row slice of 100k x 50 took 12 ms and a gather
 * 1-3 ms here, while filling a reused [1024, 50] buffer from the host array by the shuffled
 * indices and uploading it (a 200 KB memcpy into the heap) takes ~0.2 ms.
 */
import * as tf from '@tensorflow/tfjs';
import type { OutputSpec } from './objective';
import type { StepBatch } from './backprop';

/** A per-epoch shuffled sequence of fixed-size batches. */
export interface BatchSource {
  /** Starts an epoch with this row order (a permutation of 0..n-1). */
  startEpoch(order: Int32Array): void;
  /** Batch `b` of the current epoch; the caller disposes its tensors (tidy is fine). */
  batch(b: number): StepBatch;
  dispose(): void;
}

/** Batches gathered on the host into reused buffers (see the module doc). */
export class HostBatches implements BatchSource {
  private order: Int32Array = new Int32Array(0);
  private readonly xBuf: Float32Array;
  private readonly yBuf: Float32Array;
  private readonly labels: Int32Array | null;
  private readonly yValues: Float32Array | null;

  constructor(
    private readonly x: Float32Array,
    y: Float32Array | Int32Array,
    private readonly d: number,
    private readonly size: number,
    private readonly spec: OutputSpec,
  ) {
    this.xBuf = new Float32Array(size * d);
    const k = spec.kind === 'softmax' ? spec.units : 1;
    this.yBuf = new Float32Array(size * k);
    this.labels = spec.kind === 'softmax' ? Int32Array.from(y) : null;
    this.yValues = spec.kind === 'softmax' ? null : Float32Array.from(y);
  }

  startEpoch(order: Int32Array): void {
    this.order = order;
  }

  batch(b: number): StepBatch {
    const { x, d, size, xBuf, yBuf, order } = this;
    const start = b * size;
    for (let r = 0; r < size; r++) {
      const src = (order[start + r] as number) * d;
      const dst = r * d;
      for (let j = 0; j < d; j++) xBuf[dst + j] = x[src + j] as number;
    }
    if (this.labels) {
      const k = this.spec.units;
      yBuf.fill(0);
      for (let r = 0; r < size; r++)
        yBuf[r * k + (this.labels[order[start + r] as number] as number)] = 1;
    } else {
      const values = this.yValues as Float32Array;
      for (let r = 0; r < size; r++) yBuf[r] = values[order[start + r] as number] as number;
    }
    const k = this.spec.kind === 'softmax' ? this.spec.units : 1;
    return {
      x: tf.tensor2d(xBuf, [size, d]),
      y: tf.tensor2d(yBuf, [size, k]),
    };
  }

  dispose(): void {}
}

/** Data uploaded once; batches gathered on the device by the epoch's order. */
export class DeviceBatches implements BatchSource {
  private order: tf.Tensor1D | null = null;

  constructor(
    private readonly x: tf.Tensor2D,
    private readonly y: tf.Tensor2D,
    private readonly size: number,
  ) {}

  startEpoch(order: Int32Array): void {
    this.order?.dispose();
    this.order = tf.tensor1d(order, 'int32');
  }

  batch(b: number): StepBatch {
    const order = this.order as tf.Tensor1D;
    return tf.tidy(() => {
      const idx = tf.slice(order, b * this.size, this.size);
      return { x: tf.gather(this.x, idx), y: tf.gather(this.y, idx) };
    });
  }

  dispose(): void {
    this.order?.dispose();
    this.order = null;
  }
}
