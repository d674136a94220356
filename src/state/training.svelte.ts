/**
 * One training run as the Train view sees it: its request, live progress and result.
 */
import type { ModelConfig, Run, SplitSpec } from '../lib/contracts/entities';
import type { TrainProgress, TrainRequest } from '../lib/contracts/compute';
import type { AppState } from './app.svelte';

export const DEFAULT_CONFIG: ModelConfig = {
  kind: 'logistic',
  hiddenUnits: [32, 16],
  activation: 'relu',
  dropout: 0,
  l1: 0,
  l2: 0,
  optimizer: 'adam',
  learningRate: 0.05,
  batchSize: 64,
  epochs: 60,
  earlyStoppingPatience: 10,
};

export const DEFAULT_SPLIT: SplitSpec = {
  seed: 42,
  train: 0.7,
  validation: 0.1,
  test: 0.2,
  stratify: true,
};

export class TrainingSession {
  progress = $state<TrainProgress | null>(null);
  losses = $state<
    { epoch: number; loss: number; valLoss: number | null; valMetric?: number | null }[]
  >([]);
  running = $state(false);
  error = $state<string | null>(null);
  run = $state<Run | null>(null);
  #runId: string | null = null;

  constructor(private readonly app: AppState) {}

  async start(args: Omit<TrainRequest, 'runId'>): Promise<Run | null> {
    this.error = null;
    this.run = null;
    this.losses = [];
    this.progress = null;
    if (!args.target) {
      this.error = 'Choose a target column: the column the model should learn to predict.';
      return null;
    }
    const runId = crypto.randomUUID();
    this.#runId = runId;
    this.running = true;
    try {
      const onProgress = this.app.compute.proxy((p: TrainProgress) => {
        if (p.runId !== this.#runId) return;
        this.progress = p;
        if (p.loss !== null && !this.losses.some((l) => l.epoch === p.epoch)) {
          this.losses = [
            ...this.losses,
            { epoch: p.epoch, loss: p.loss, valLoss: p.valLoss, valMetric: p.valMetric ?? null },
          ];
        }
      });
      const out = await this.app.compute.call((api) => api.train({ runId, ...args }, onProgress));
      if (out.ok) this.run = out.value;
      else this.error = out.error.message;
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
    } finally {
      this.running = false;
      await this.app.refresh();
    }
    return this.run;
  }

  async cancel(): Promise<void> {
    if (this.#runId) await this.app.compute.call((api) => api.cancel(this.#runId!));
  }
}
