/**
 * Serving task: scores rows of raw inputs with a stored model artifact. The artifact is loaded
 * once and kept (a model per artifact id), so one prediction costs one encode + one forward pass;
 * a big batch is scored on every core (ml/score-pool.ts).
 */
import type { InputRow } from '../../src/lib/contracts/compute';
import type { ModelArtifact, Prediction } from '../../src/lib/contracts/entities';
import { NotFoundError } from '../../src/lib/contracts/errors';
import { encodeInputRow } from '../../src/lib/data';
import { getArtifact } from '../../src/lib/db';
import { modelFromArtifacts, predictBatchParallel } from '../ml';
import type * as tf from '@tensorflow/tfjs';
import { ensureBackend } from './backend-state';

export interface Loaded {
  artifact: ModelArtifact;
  model: tf.LayersModel;
}

const MAX_CACHED = 8;
const cache = new Map<string, Promise<Loaded>>();

/**
 * A stored artifact and its model, loaded once and cached (shared with {@link predictRows}); the
 * model belongs to the cache: do not dispose it.
 */
export async function loadArtifactModel(artifactId: string): Promise<Loaded> {
  let entry = cache.get(artifactId);
  if (!entry) {
    entry = (async () => {
      await ensureBackend();
      const artifact = await getArtifact(artifactId);
      if (!artifact) throw new NotFoundError('model artifact', artifactId);
      const model = await modelFromArtifacts({
        modelTopology: artifact.modelTopology,
        weightSpecs: artifact.weightSpecs,
        weightData: artifact.weightData,
      } as Parameters<typeof modelFromArtifacts>[0]);
      return { artifact, model };
    })();
    entry.catch(() => cache.delete(artifactId));
    cache.set(artifactId, entry);
    if (cache.size > MAX_CACHED) {
      const [oldest] = cache.keys();
      const old = cache.get(oldest!);
      cache.delete(oldest!);
      void old?.then((l) => l.model.dispose()).catch(() => undefined);
    }
  }
  return entry;
}

/** Scores `rows`; invalid inputs throw a DataError naming the field and value. */
export async function predictRows(
  artifactId: string,
  modelVersionId: string,
  rows: InputRow[],
): Promise<Prediction[]> {
  const started = performance.now();
  const { artifact, model } = await loadArtifactModel(artifactId);
  const spec = artifact.preprocessing;
  const d = spec.outputWidth;
  const x = new Float32Array(rows.length * d);
  const warnings = rows.map((row, i) => {
    const encoded = encodeInputRow(spec, artifact.signature, row);
    x.set(encoded.vector, i * d);
    return encoded.warnings.map((w) => `${w.field}: ${w.message}`);
  });
  const withWarnings = <T extends object>(p: T, i: number): T =>
    warnings[i]!.length ? { ...p, warnings: warnings[i]! } : p;
  const task = artifact.signature.target.task;
  // A stored artifact's weights never change, so its id keys the scoring helpers' model caches.
  const out = await predictBatchParallel(model, x, rows.length, d, task, artifactId);
  const latencyMs = (performance.now() - started) / Math.max(rows.length, 1);
  if (task === 'regression') {
    const { mean, std } = spec.target ?? { mean: 0, std: 1 };
    return Array.from(out, (v, i) => {
      const value = v * std + mean;
      return withWarnings({ label: value.toPrecision(6), value, modelVersionId, latencyMs }, i);
    });
  }
  const labels = artifact.signature.target.labels ?? [];
  const k = out.length / Math.max(rows.length, 1);
  return rows.map((_, i) => {
    const probabilities = Array.from(out.subarray(i * k, (i + 1) * k));
    let best = 0;
    for (let j = 1; j < k; j++) if (probabilities[j]! > probabilities[best]!) best = j;
    const label = labels[best] ?? String(best);
    return withWarnings({ label, value: best, probabilities, modelVersionId, latencyMs }, i);
  });
}
