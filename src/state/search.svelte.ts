/**
 * The Search view's model: a search space being edited, the sampler, budget and pruner, and the
 * live trials of a running search (each trial is a Run the worker stores).
 */
import type { PrunerSpec, SamplerId, SearchSpace, Trial } from '../lib/contracts/hpo';
import type { SearchProgress, SearchRecord } from '../lib/contracts/compute';
import { decodeJsonNumber, defaultSearchSpace, validateSpace } from '../lib/hpo';
import type { AppState } from './app.svelte';
import type { TrainForm } from './train-form.svelte';

export class SearchState {
  space = $state<SearchSpace>(defaultSearchSpace('mlp'));
  sampler = $state<SamplerId>('tpe');
  budget = $state(10);
  prune = $state(true);
  running = $state(false);
  searchId = $state<string | null>(null);
  trials = $state<Trial[]>([]);
  epoch = $state(0);
  epochs = $state(0);
  record = $state<SearchRecord | null>(null);
  error = $state<string | null>(null);

  constructor(private readonly app: AppState) {}

  useDefaults(kind: 'logistic' | 'mlp'): void {
    this.space = defaultSearchSpace(kind);
  }

  async start(form: TrainForm): Promise<void> {
    const version = this.app.versionById(form.versionId) ?? this.app.versions[0];
    const problem = form.problem(version);
    if (problem || !version) {
      this.error = problem;
      return;
    }
    if (!form.target) {
      this.error = 'Choose a target column first.';
      return;
    }
    const space = $state.snapshot(this.space) as SearchSpace;
    try {
      validateSpace(space, this.sampler);
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
      return;
    }
    const searchId = crypto.randomUUID();
    this.searchId = searchId;
    this.running = true;
    this.error = null;
    this.record = null;
    this.trials = [];
    const base = form.request(version);
    const pruner: PrunerSpec | null = this.prune ? { id: 'median' } : null;
    try {
      const onProgress = this.app.compute.proxy((p: SearchProgress) => {
        if (p.searchId !== this.searchId) return;
        this.trials = p.trials;
        this.epoch = p.epoch;
        this.epochs = p.epochs;
      });
      const out = await this.app.compute.call((api) =>
        api.search(
          {
            searchId,
            datasetVersionId: base.datasetVersionId,
            target: base.target,
            baseConfig: base.config,
            space,
            sampler: this.sampler,
            budget: this.budget,
            pruner,
            objective: 'valLoss',
            split: base.split,
            seed: base.seed,
            ...(base.preprocessing ? { preprocessing: base.preprocessing } : {}),
          },
          onProgress,
        ),
      );
      if (out.ok) {
        this.record = out.value;
        this.trials = out.value.study.trials.map((t) => ({
          number: t.number,
          params: t.params,
          state: t.state,
          ...(t.value !== undefined ? { value: decodeJsonNumber(t.value, 'trial value') } : {}),
          intermediate: t.intermediate.map((i) => ({
            step: i.step,
            value: decodeJsonNumber(i.value, 'intermediate value'),
          })),
        }));
      } else this.error = out.error.message;
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
    } finally {
      this.running = false;
      await this.app.refresh();
    }
  }

  async cancel(): Promise<void> {
    const id = this.searchId;
    if (id) await this.app.compute.call((api) => api.cancelSearch(id));
  }
}
