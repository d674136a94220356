/**
 * Re-running a stored run and checking reproducibility: the request that repeats a run, and an
 * exact comparison of two runs' metrics and loss histories.
 */
import type { Run } from '../lib/contracts/entities';
import type { TrainRequest } from '../lib/contracts/compute';

export interface RerunVerdict {
  original: string;
  rerun: string;
  identical: boolean;
  /** Metric id → [original, re-run] where they differ. */
  differences: { what: string; original: string; rerun: string }[];
  sameBackend: boolean;
}

/** The request that reproduces a stored run. */
export function requestOf(run: Run): Omit<TrainRequest, 'runId'> {
  return {
    datasetVersionId: run.datasetVersionId,
    target: run.target,
    features: run.features,
    config: run.config,
    split: run.split,
    seed: run.seed ?? run.split.seed,
    ...(run.preprocessingOptions ? { preprocessing: run.preprocessingOptions } : {}),
    tags: [...run.tags.filter((t) => !t.startsWith('rerun-of:')), `rerun-of:${run.id}`],
  };
}

function metricValues(run: Run): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const [id, m] of Object.entries(run.evaluation?.metrics ?? {})) out.set(id, m.estimate);
  if (!run.evaluation && run.metrics) {
    for (const [k, v] of Object.entries(run.metrics)) if (typeof v === 'number') out.set(k, v);
  }
  return out;
}

/** Compares two runs' metrics and loss histories exactly. */
export function compareRuns(original: Run, rerun: Run): RerunVerdict {
  const differences: RerunVerdict['differences'] = [];
  const a = metricValues(original);
  const b = metricValues(rerun);
  for (const id of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(id) ?? null;
    const y = b.get(id) ?? null;
    if (x !== y && !(Number.isNaN(x) && Number.isNaN(y))) {
      differences.push({ what: id, original: String(x), rerun: String(y) });
    }
  }
  const epochs = Math.max(original.history.length, rerun.history.length);
  for (let i = 0; i < epochs; i++) {
    const x = original.history[i]?.loss;
    const y = rerun.history[i]?.loss;
    if (x !== y) {
      differences.push({ what: `loss, epoch ${i + 1}`, original: String(x), rerun: String(y) });
      break;
    }
  }
  return {
    original: original.id,
    rerun: rerun.id,
    identical: differences.length === 0,
    differences,
    sameBackend: original.backend.name === rerun.backend.name,
  };
}
