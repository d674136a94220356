/**
 * Scoring helper (PERFORMANCE.md Q1): a module worker with its own tfjs WASM instance that
 * scores row blocks of a model it was given once, so a big batch uses every core (see
 * ml/score-pool.ts). Models are cached by the key the pool gives them.
 */
import * as Comlink from 'comlink';
import type * as tf from '@tensorflow/tfjs';
import type { BackendName, Task } from '../src/lib/contracts/entities';
import { modelFromArtifacts, predictBatch, selectBackend, type ModelArtifactsData } from './ml';

/** The API of a scoring helper, for the pool. */
export interface ScoreWorkerApi {
  /** Loads (or replaces) the model under `key` on `backend`. */
  load(key: string, artifacts: ModelArtifactsData, backend: BackendName): Promise<void>;
  /** predictBatch of the model under `key`; null when this helper does not hold it (evicted). */
  score(
    key: string,
    x: Float32Array,
    n: number,
    d: number,
    task: Task,
  ): Promise<Float32Array | null>;
}

const MAX_CACHED = 4;
const models = new Map<string, tf.LayersModel>();
let backend: BackendName | null = null;

const api: ScoreWorkerApi = {
  async load(key, artifacts, wanted) {
    if (backend !== wanted) {
      const info = await selectBackend(wanted);
      if (info.name !== wanted) throw new Error(`scoring helper could not start ${wanted}`);
      backend = wanted;
    }
    const model = await modelFromArtifacts(artifacts);
    models.get(key)?.dispose();
    models.delete(key);
    models.set(key, model);
    if (models.size > MAX_CACHED) {
      const [oldest] = models.keys();
      models.get(oldest!)?.dispose();
      models.delete(oldest!);
    }
  },
  async score(key, x, n, d, task) {
    const model = models.get(key);
    if (!model) return null;
    const out = await predictBatch(model, x, n, d, task);
    return Comlink.transfer(out, [out.buffer]);
  },
};

Comlink.expose(api);
