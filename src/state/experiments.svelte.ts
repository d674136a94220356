/**
 * The Experiments view's model: selection for side-by-side comparison, tags and notes, delete,
 * and re-running a run from its record with a reproducibility verdict.
 */
import type { Run } from '../lib/contracts/entities';
import type { TrainRequest } from '../lib/contracts/compute';
import * as db from '../lib/db';
import type { AppState } from './app.svelte';
import { TrainingSession } from './training.svelte';

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

export class ExperimentsState {
  selected = $state<string[]>([]);
  confirmDelete = $state<string | null>(null);
  verdict = $state<RerunVerdict | null>(null);
  readonly session: TrainingSession;
  error = $state<string | null>(null);

  constructor(private readonly app: AppState) {
    this.session = new TrainingSession(app);
  }

  toggle(id: string): void {
    this.selected = this.selected.includes(id)
      ? this.selected.filter((x) => x !== id)
      : [...this.selected, id];
  }

  async rerun(run: Run): Promise<void> {
    this.verdict = null;
    const again = await this.session.start(requestOf($state.snapshot(run) as Run));
    if (again && again.status === 'completed') this.verdict = compareRuns(run, again);
  }

  async setTags(run: Run, text: string): Promise<void> {
    const tags = [
      ...new Set(
        text
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean),
      ),
    ];
    await this.update(run.id, { tags });
  }

  async setNotes(run: Run, notes: string): Promise<void> {
    await this.update(run.id, { notes });
  }

  async remove(id: string): Promise<void> {
    try {
      await db.deleteRun(id);
      this.selected = this.selected.filter((x) => x !== id);
      this.confirmDelete = null;
      await this.app.refresh();
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
    }
  }

  private async update(id: string, patch: Partial<Run>): Promise<void> {
    try {
      await db.updateRun(id, patch);
      await this.app.refresh();
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
    }
  }
}
