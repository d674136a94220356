/**
 * Inputs, options and result of {@link fit}, and the checks run on them before anything touches
 * the backend.
 */
import type { EpochRecord, ModelConfig } from '../../src/lib/contracts/entities';
import { TrainingConfigError } from '../../src/lib/contracts/errors';

/** Training (and optional validation) data as row-major typed arrays. */
export interface FitData {
  /** n x d features, row-major. */
  x: Float32Array;
  /** n targets: class indices 0..k-1 for classification, values for regression. */
  y: Float32Array | Int32Array;
  n: number;
  d: number;
  xVal?: Float32Array;
  yVal?: Float32Array | Int32Array;
  nVal?: number;
}

/** Progress, cancellation and seeding of one {@link fit} call. */
export interface FitOptions {
  /** Seeds the per-epoch shuffles and the dropout masks. */
  seed: number;
  /** Called after each epoch; `elapsedMs` counts from the start of `fit`. Not awaited. */
  onEpoch?: (record: EpochRecord & { elapsedMs: number }) => unknown;
  /** Asked before every batch; true stops training with a CancelledError. May be async. */
  shouldStop?: () => boolean | Promise<boolean>;
  /** Yield to the event loop at least this often, in ms (default 50) so cancel messages land. */
  yieldEveryMs?: number;
}

/** What {@link fit} returns. */
export interface FitResult {
  history: EpochRecord[];
  /** Early stopping ended training before `config.epochs`. */
  stoppedEarly: boolean;
  /** 1-based epoch whose weights the model holds: the best validation loss when early stopping
   * is on, else the last epoch. */
  bestEpoch: number;
}

function need(ok: boolean, message: string): void {
  if (!ok) throw new TrainingConfigError(message);
}

function checkFeatures(x: Float32Array, n: number, d: number, what: string): void {
  need(Number.isInteger(n) && n >= 1, `${what}: row count ${n} must be ≥ 1`);
  need(x.length === n * d, `${what}: ${x.length} feature values for ${n} rows x ${d} columns`);
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i])) {
      const row = Math.floor(i / d) + 1;
      throw new TrainingConfigError(
        `${what}: row ${row}, feature ${(i % d) + 1} is ${x[i]}; impute or drop it before training`,
      );
    }
  }
}

/**
 * Checks the data against the model's input width and the config's numbers.
 * @throws TrainingConfigError naming the first problem found
 */
export function checkFitInputs(data: FitData, inputWidth: number, config: ModelConfig): void {
  need(data.d === inputWidth, `data has ${data.d} features but the model expects ${inputWidth}`);
  checkFeatures(data.x, data.n, data.d, 'training data');
  if (data.xVal || data.yVal || data.nVal) {
    need(Boolean(data.xVal && data.yVal && data.nVal), 'validation needs xVal, yVal and nVal');
    checkFeatures(data.xVal as Float32Array, data.nVal as number, data.d, 'validation data');
  }
  need(
    Number.isInteger(config.epochs) && config.epochs >= 1,
    `epochs ${config.epochs} must be ≥ 1`,
  );
  need(
    Number.isInteger(config.batchSize) && config.batchSize >= 1,
    `batch size ${config.batchSize} must be ≥ 1`,
  );
  need(
    Number.isFinite(config.learningRate) && config.learningRate > 0,
    `learning rate ${config.learningRate} must be > 0`,
  );
  need(config.earlyStoppingPatience >= 0, 'early stopping patience must be ≥ 0');
}
