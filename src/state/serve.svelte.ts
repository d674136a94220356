/**
 * The Serve view's model: deployments (alias + fallback chain + shadow + validation), single and
 * batch predictions through the worker, click-to-result latency, the prediction log, replay and
 * late labels.
 */
import type {
  Deployment,
  ExpectationSuite,
  InputSignature,
  PredictionLogEntry,
} from '../lib/contracts/entities';
import type { InputRow, ReplayProgress, ServeResponse } from '../lib/contracts/compute';
import * as db from '../lib/db';
import { latencySummary } from '../lib/registry';
import type { AppState } from './app.svelte';
import { ReplayRun } from './replay-run.svelte';

export class ServeState {
  deployments = $state<Deployment[]>([]);
  selectedId = $state('');
  response = $state<ServeResponse | null>(null);
  latencies = $state<number[]>([]);
  log = $state<PredictionLogEntry[]>([]);
  logCount = $state(0);
  readonly replays: ReplayRun;
  batch = $state<{ csv: string; rows: number; rejected: number } | null>(null);
  /** Expectation suites a new deployment may validate its inputs with. */
  suites = $state<ExpectationSuite[]>([]);
  error = $state<string | null>(null);
  notice = $state<string | null>(null);

  constructor(private readonly app: AppState) {
    this.replays = new ReplayRun(app.compute);
  }

  /** The running replay's progress and id (null when none runs). */
  get replay(): ReplayProgress | null {
    return this.replays.progress;
  }
  get replayId(): string | null {
    return this.replays.id;
  }

  get selected(): Deployment | undefined {
    return this.deployments.find((d) => d.id === this.selectedId) ?? this.deployments[0];
  }

  get latency() {
    return latencySummary(this.latencies);
  }

  async load(): Promise<void> {
    this.deployments = await db.listDeployments();
    await this.loadLog();
  }

  async loadSuites(): Promise<void> {
    this.suites = await db.listSuites();
  }

  /** The input signature of the version the deployment's alias points to (null when unset). */
  async signatureOf(d: Deployment): Promise<InputSignature | null> {
    const alias = await db.getAlias(d.modelName, d.alias);
    return this.app.models.find((m) => m.id === alias?.versionId)?.signature ?? null;
  }

  async loadLog(): Promise<void> {
    const d = this.selected;
    if (!d) return;
    const [log, count] = await Promise.all([
      db.listPredictions(d.id, { limit: 50 }),
      db.countPredictions(d.id),
    ]);
    this.log = log;
    this.logCount = count;
  }

  async create(input: Omit<Deployment, 'id' | 'createdAt'>): Promise<void> {
    this.error = null;
    if (!input.name.trim()) {
      this.error = 'Give the deployment a name.';
      return;
    }
    const alias = await db.getAlias(input.modelName, input.alias);
    if (!alias) {
      this.error = `${input.modelName} has no “${input.alias}” alias yet; set it in the Registry first.`;
      return;
    }
    const d: Deployment = { ...input, id: crypto.randomUUID(), createdAt: Date.now() };
    await db.putDeployment(d);
    this.selectedId = d.id;
    await this.load();
  }

  async predict(row: InputRow, rowKey?: string): Promise<void> {
    const d = this.selected;
    if (!d) return;
    this.error = null;
    const t0 = performance.now();
    const out = await this.app.compute.call((api) => api.serve(d.id, row, rowKey));
    const ms = performance.now() - t0;
    if (!out.ok) {
      this.error = out.error.message;
      return;
    }
    this.response = out.value;
    this.latencies = [...this.latencies.slice(-999), ms];
    void this.loadLog();
  }

  async scoreFile(file: File): Promise<void> {
    const d = this.selected;
    if (!d) return;
    this.error = null;
    const out = await this.app.compute.call((api) => api.serveBatch(d.id, file, file.name));
    if (!out.ok) {
      this.error = out.error.message;
      return;
    }
    this.batch = out.value;
    await this.loadLog();
  }

  async startReplay(
    datasetVersionId: string,
    rate: number,
    keyColumn: string,
    labelColumn: string,
    timeColumn = '',
  ) {
    const d = this.selected;
    if (!d) return;
    this.error = null;
    try {
      const out = await this.replays.run(() => ({
        deploymentId: d.id,
        datasetVersionId,
        rate,
        ...(keyColumn ? { keyColumn } : {}),
        ...(labelColumn ? { labelColumn } : {}),
        ...(timeColumn ? { timeColumn } : {}),
      }));
      if (out.ok) this.notice = `Replayed ${out.value.rows} rows; ${out.value.logged} logged.`;
      else this.error = out.error.message;
    } finally {
      await this.loadLog();
    }
  }

  cancelReplay(): Promise<void> {
    return this.replays.cancel();
  }

  async attachLabels(file: File, keyColumn: string, labelColumn: string): Promise<void> {
    const out = await this.app.compute.call((api) =>
      api.attachLabels(file, file.name, keyColumn, labelColumn),
    );
    if (out.ok)
      this.notice = `Labels attached to ${out.value.matched} predictions (${out.value.unmatched} keys not found).`;
    else this.error = out.error.message;
    await this.loadLog();
  }
}
