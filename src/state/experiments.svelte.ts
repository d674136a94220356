/**
 * The Experiments view's model: selection for side-by-side comparison, tags and notes, delete,
 * and re-running a run from its record with a reproducibility verdict.
 */
import type { Run } from '../lib/contracts/entities';
import * as db from '../lib/db';
import type { AppState } from './app.svelte';
import { TrainingSession } from './training.svelte';
import { compareRuns, requestOf, type RerunVerdict } from './rerun';

/** Runs the next Experiments view opens compared (set by the retraining trigger). */
let pendingComparison: string[] = [];

/** Opens the comparison of these runs the next time the Experiments view is shown. */
export function openComparison(runIds: string[]): void {
  pendingComparison = [...runIds];
}

export class ExperimentsState {
  selected = $state<string[]>(pendingComparison.splice(0));
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
    const parts = text
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    const tags = parts.filter((t, i) => parts.indexOf(t) === i);
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
