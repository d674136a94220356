/**
 * The Data view's model: the import flow (preview → corrections → streaming import with progress
 * and cancel), the selected dataset and version, its profile, validation report and suites.
 */
import type {
  ColumnType,
  DatasetProfile,
  DatasetVersion,
  ExpectationSuite,
  SuiteRun,
  ValidationReport,
} from '../lib/contracts/entities';
import type { ImportOptions, ImportPreview, ImportProgress } from '../lib/contracts/compute';
import * as db from '../lib/db';
import type { AppState } from './app.svelte';

export interface PendingImport {
  file: File;
  name: string;
  preview: ImportPreview;
  options: ImportOptions;
  /** Append to this dataset instead of creating a new one. */
  appendTo: string | null;
}

export class DataState {
  pending = $state<PendingImport | null>(null);
  progress = $state<ImportProgress | null>(null);
  importId = $state<string | null>(null);
  error = $state<string | null>(null);
  selectedVersionId = $state<string | null>(null);
  profile = $state<DatasetProfile | null>(null);
  report = $state<ValidationReport | null>(null);
  reportBusy = $state(false);
  suites = $state<ExpectationSuite[]>([]);
  draftSuite = $state<ExpectationSuite | null>(null);
  suiteRuns = $state<SuiteRun[]>([]);
  storage = $state<{
    totalBytes: number;
    quota: number | null;
    perDataset: Record<string, number>;
  }>({ totalBytes: 0, quota: null, perDataset: {} });

  constructor(private readonly app: AppState) {}

  get selected(): DatasetVersion | undefined {
    return this.app.versionById(this.selectedVersionId ?? '') ?? this.app.versions[0];
  }

  /** Step 1: the worker guesses format, encoding, delimiter, header and types. */
  async choose(file: File, appendTo: string | null = null): Promise<void> {
    this.error = null;
    this.pending = null;
    const out = await this.app.compute.call((api) =>
      api.previewImport({ name: baseName(file.name), fileName: file.name, file }),
    );
    if (!out.ok) {
      this.error = out.error.message;
      return;
    }
    const p = out.value;
    this.pending = {
      file,
      name: baseName(file.name),
      preview: p,
      options: {
        format: p.format,
        encoding: p.encoding,
        hasHeader: p.hasHeader,
        ...(p.delimiter ? { delimiter: p.delimiter } : {}),
        types: {},
      },
      appendTo,
    };
  }

  /** Re-runs the preview with the user's corrections (delimiter, header, encoding, format). */
  async repreview(options: ImportOptions): Promise<void> {
    const pending = this.pending;
    if (!pending) return;
    const out = await this.app.compute.call((api) =>
      api.previewImport({
        name: pending.name,
        fileName: pending.file.name,
        file: pending.file,
        options: $state.snapshot(options) as ImportOptions,
      }),
    );
    if (!out.ok) {
      this.error = out.error.message;
      return;
    }
    this.error = null;
    pending.preview = out.value;
    pending.options = { ...options, types: {} };
  }

  setType(column: string, type: ColumnType): void {
    if (!this.pending) return;
    this.pending.options.types = { ...this.pending.options.types, [column]: type };
  }

  /** Step 2: stream the whole file in the worker. */
  async commit(): Promise<void> {
    const pending = this.pending;
    if (!pending) return;
    const importId = crypto.randomUUID();
    this.importId = importId;
    this.error = null;
    this.progress = null;
    try {
      const onProgress = this.app.compute.proxy((p: ImportProgress) => {
        if (p.importId === this.importId) this.progress = p;
      });
      const out = await this.app.compute.call((api) =>
        api.importDataset(
          {
            importId,
            name: pending.name,
            fileName: pending.file.name,
            file: pending.file,
            options: $state.snapshot(pending.options) as ImportOptions,
            ...(pending.appendTo ? { appendTo: pending.appendTo } : {}),
          },
          onProgress,
        ),
      );
      if (!out.ok) {
        this.error = out.error.message;
        return;
      }
      this.pending = null;
      await this.app.refresh();
      this.select(out.value.id);
      void navigator.storage?.persist?.().catch(() => false);
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
    } finally {
      this.importId = null;
      this.progress = null;
      void this.refreshStorage();
    }
  }

  async cancelImport(): Promise<void> {
    const id = this.importId;
    if (id) await this.app.compute.call((api) => api.cancelImport(id));
  }

  select(versionId: string): void {
    this.selectedVersionId = versionId;
    this.profile = null;
    this.report = null;
    this.suiteRuns = [];
    // The Data view reloads profile, report and suite runs when the selection changes.
  }

  async loadSelected(): Promise<void> {
    const v = this.selected;
    if (!v) return;
    const [profile, report, runs, suites] = await Promise.all([
      this.app.compute.call((api) => api.profile(v.id)),
      db.getLatestReport(v.id),
      db.listSuiteRuns({ versionId: v.id }),
      db.listSuites(),
    ]);
    if (v.id !== this.selected?.id) return;
    this.profile = profile.ok ? profile.value : null;
    if (!profile.ok) this.error = profile.error.message;
    this.report = report ?? null;
    this.suiteRuns = runs;
    this.suites = suites;
  }

  async validate(target: string | undefined): Promise<void> {
    const v = this.selected;
    if (!v) return;
    this.reportBusy = true;
    try {
      const out = await this.app.compute.call((api) => api.validate(v.id, target));
      if (out.ok) this.report = out.value;
      else this.error = out.error.message;
    } finally {
      this.reportBusy = false;
    }
  }

  async sampleRows(rows: number[]): Promise<string[][]> {
    const v = this.selected;
    if (!v) return [];
    const out = await this.app.compute.call((api) => api.readRows(v.id, rows));
    if (!out.ok) {
      this.error = out.error.message;
      return [];
    }
    return out.value;
  }

  async draftSuiteFromSelected(name: string): Promise<void> {
    const v = this.selected;
    if (!v) return;
    const out = await this.app.compute.call((api) => api.inferSuite(v.id, name));
    if (out.ok) this.draftSuite = out.value;
    else this.error = out.error.message;
  }

  async saveDraft(): Promise<ExpectationSuite | null> {
    const draft = this.draftSuite;
    if (!draft) return null;
    try {
      const saved = await db.saveSuite({
        name: draft.name,
        sourceVersionId: draft.sourceVersionId,
        expectations: $state.snapshot(draft.expectations) as ExpectationSuite['expectations'],
      });
      this.draftSuite = null;
      this.suites = await db.listSuites();
      return saved;
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
      return null;
    }
  }

  async runSuite(suiteId: string, versionId: string): Promise<SuiteRun | null> {
    const out = await this.app.compute.call((api) => api.runSuite(suiteId, versionId));
    if (!out.ok) {
      this.error = out.error.message;
      return null;
    }
    if (versionId === this.selected?.id) this.suiteRuns = [out.value, ...this.suiteRuns];
    return out.value;
  }

  async rename(datasetId: string, name: string): Promise<void> {
    try {
      await db.renameDataset(datasetId, name);
      await this.app.refresh();
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
    }
  }

  async remove(datasetId: string): Promise<void> {
    try {
      await db.deleteDataset(datasetId);
      this.selectedVersionId = null;
      await this.app.refresh();
      await this.refreshStorage();
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
    }
  }

  async refreshStorage(): Promise<void> {
    const summary = await db.storageSummary();
    const estimate = await navigator.storage?.estimate?.().catch(() => null);
    this.storage = {
      totalBytes: summary.totalBytes,
      quota: estimate?.quota ?? null,
      perDataset: Object.fromEntries(summary.datasets.map((d) => [d.id, d.bytes])),
    };
  }
}

function baseName(fileName: string): string {
  return fileName.replace(/\.[^.]+$/, '') || fileName;
}

/** Human-readable byte count. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = bytes / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}
