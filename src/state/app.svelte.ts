/**
 * The UI's model of the store: lists of datasets, runs and model versions, the compute backend,
 * and the actions the views call. Reads go through the repositories in src/lib/db; heavy work
 * (import, training, scoring) goes to the compute worker, which writes the store itself.
 */
import type {
  BackendInfo,
  Dataset,
  DatasetVersion,
  ModelVersion,
  Run,
} from '../lib/contracts/entities';
import type { BackendPreference, ImportRequest } from '../lib/contracts/compute';
import * as db from '../lib/db';
import { ComputeClient } from './compute-client';

export interface DatasetEntry {
  dataset: Dataset;
  versions: DatasetVersion[];
}

/** Example datasets shipped in public/examples (licences in public/examples/LICENSES.md). */
export const EXAMPLES = [
  {
    name: 'Palmer penguins',
    fileName: 'penguins.csv',
    url: '/examples/penguins.csv',
    description:
      'Palmer penguins (CC0): 344 penguins of three species from the Palmer Archipelago, Antarctica. Collected by Dr. Kristen Gorman and Palmer Station LTER; published by Horst, Hill and Gorman (2020).',
  },
  {
    name: 'Iris',
    fileName: 'iris.csv',
    url: '/examples/iris.csv',
    description: 'Iris (Fisher, 1936; UCI, CC BY 4.0): 150 flowers of three species.',
  },
  {
    name: 'Wine',
    fileName: 'wine.csv',
    url: '/examples/wine.csv',
    description: 'Wine (UCI, CC BY 4.0): chemical analysis of 178 wines from three cultivars.',
  },
  {
    name: 'Breast cancer (Wisconsin)',
    fileName: 'breast-cancer.csv',
    url: '/examples/breast-cancer.csv',
    description:
      'Breast Cancer Wisconsin (Diagnostic) (UCI, CC BY 4.0): 569 tumours, malignant or benign.',
  },
] as const;

const PREFERENCE_KEY = 'backendPreference';

export class AppState {
  readonly compute = new ComputeClient();
  backend = $state<BackendInfo | null>(null);
  backendPreference = $state<BackendPreference>('auto');
  backendError = $state<string | null>(null);
  datasets = $state<DatasetEntry[]>([]);
  runs = $state<Run[]>([]);
  models = $state<ModelVersion[]>([]);
  ready = $state(false);
  importing = $state(false);
  notice = $state<string | null>(null);
  error = $state<string | null>(null);

  /** The dataset versions of every dataset, newest first. */
  versions = $derived(this.datasets.flatMap((d) => d.versions));
  /** The names of the registered models, sorted. */
  modelNames = $derived(
    this.models
      .map((m) => m.name)
      .sort()
      .filter((n, i, all) => n !== all[i - 1]),
  );

  async init(): Promise<void> {
    db.onVersionChange(() => {
      this.notice =
        'Benchtop was updated in another tab. Reload this tab to keep working with your data.';
    });
    const removed = await db.cleanOrphanChunks();
    if (removed > 0) this.notice = `Cleaned up ${removed} chunks left by an interrupted import.`;
    const saved = await db.getSetting<BackendPreference>(PREFERENCE_KEY);
    if (saved) this.backendPreference = saved;
    await this.refresh();
    this.ready = true;
    void this.selectBackend(this.backendPreference);
    if (this.datasets.length === 0) await this.importExample();
  }

  async refresh(): Promise<void> {
    const datasets = await db.listDatasets();
    this.datasets = await Promise.all(
      datasets.map(async (dataset) => ({ dataset, versions: await db.listVersions(dataset.id) })),
    );
    this.runs = await db.listRuns();
    this.models = await db.listModelVersions();
  }

  async selectBackend(preference: BackendPreference): Promise<void> {
    this.backendPreference = preference;
    this.backendError = null;
    try {
      await db.putSetting(PREFERENCE_KEY, preference);
      this.backend = await this.compute.call((api) => api.selectBackend(preference));
    } catch (e) {
      this.backendError = e instanceof Error ? e.message : String(e);
    }
  }

  async importExample(index = 0): Promise<void> {
    const example = EXAMPLES[index];
    if (example) await this.import({ ...example });
  }

  async import(request: ImportRequest): Promise<DatasetVersion | null> {
    this.importing = true;
    this.error = null;
    try {
      const out = await this.compute.call((api) => api.importDataset(request));
      if (!out.ok) {
        this.error = out.error.message;
        return null;
      }
      await this.refresh();
      // Ask the browser not to evict local data under storage pressure (best effort).
      void navigator.storage?.persist?.().catch(() => false);
      return out.value;
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
      return null;
    } finally {
      this.importing = false;
    }
  }

  /** Registers a completed run as the next version of model `name`. */
  async register(live: Run, name: string, description: string): Promise<ModelVersion> {
    // Runs held in $state are proxies, which IndexedDB cannot clone.
    const run = $state.snapshot(live) as Run;
    const clean = name.trim();
    if (!/^[\w.-]{1,80}$/.test(clean)) {
      throw new Error(
        `model name ${JSON.stringify(name)} is not valid: use 1 to 80 letters, digits, '-', '_' or '.'`,
      );
    }
    if (run.status !== 'completed' || !run.artifactId) {
      throw new Error(`run ${run.id} has no trained model to register (status: ${run.status})`);
    }
    const artifact = await db.getArtifact(run.artifactId);
    if (!artifact) throw new Error(`the trained model of run ${run.id} is missing from storage`);
    const version = await db.registerModelVersion({
      name: clean,
      runId: run.id,
      artifactId: run.artifactId,
      datasetVersionId: run.datasetVersionId,
      metrics: run.metrics,
      signature: artifact.signature,
      description,
      tags: [],
    });
    await this.refresh();
    return version;
  }

  versionById(id: string): DatasetVersion | undefined {
    return this.versions.find((v) => v.id === id);
  }

  datasetName(versionId: string): string {
    const v = this.versionById(versionId);
    return this.datasets.find((d) => d.dataset.id === v?.datasetId)?.dataset.name ?? versionId;
  }
}

let instance: AppState | null = null;

/** The one AppState of the page. */
export function appState(): AppState {
  instance ??= new AppState();
  return instance;
}
