/**
 * The compute worker's contract (workers/compute.worker.ts `expose`s an object of this type; the
 * page `wrap`s it with Comlink). Only plain data crosses; large arrays stay in the worker, which
 * reads and writes IndexedDB itself.
 */
import type {
  BackendInfo,
  BackendName,
  DatasetVersion,
  ModelConfig,
  Prediction,
  Run,
  SplitSpec,
} from './entities';
import type { ErrorInfo } from './errors';

/** The user's choice in Settings: `auto` runs the probe. */
export type BackendPreference = 'auto' | BackendName;

/** One row of inputs for serving: column name to raw value (form text, number or null). */
export type InputRow = Record<string, string | number | boolean | null>;

export interface ImportRequest {
  /** Dataset name shown in the UI. */
  name: string;
  /** File name (for error messages and lineage). */
  fileName: string;
  /** Source text; for bundled examples the worker fetches `url` from the app's own origin. */
  text?: string;
  url?: string;
  description?: string;
}

export interface TrainRequest {
  runId: string;
  datasetVersionId: string;
  target: string;
  /** Feature columns; when omitted every column but the target and id-like ones. */
  features?: string[];
  config: ModelConfig;
  split: SplitSpec;
  /** Seed of initialisers and shuffles. */
  seed: number;
}

export interface TrainProgress {
  runId: string;
  phase: 'preparing' | 'training' | 'evaluating' | 'saving';
  epoch: number;
  epochs: number;
  loss: number | null;
  valLoss: number | null;
  /** 0..1 over the whole run. */
  fraction: number;
  /** Estimated ms remaining, when known. */
  etaMs: number | null;
}

/** Result of a call that may fail with a user-facing error (errors cross as data, not throws). */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

export interface ComputeApi {
  /** Selects (or re-selects) the tfjs backend; `auto` runs the measured probe. */
  selectBackend(preference: BackendPreference): Promise<BackendInfo>;
  /** Parses, types and stores a dataset version. */
  importDataset(request: ImportRequest): Promise<Outcome<DatasetVersion>>;
  /** Trains a model; progress through the (Comlink-proxied) callback. Stores the Run. */
  train(request: TrainRequest, onProgress: (p: TrainProgress) => void): Promise<Outcome<Run>>;
  /** Cancels a training run; it stops within one batch. */
  cancel(runId: string): Promise<void>;
  /** Scores rows with a stored model artifact. */
  predict(
    artifactId: string,
    modelVersionId: string,
    rows: InputRow[],
  ): Promise<Outcome<Prediction[]>>;
  /** Live tensor count (for leak checks). */
  tensorCount(): Promise<number>;
}
