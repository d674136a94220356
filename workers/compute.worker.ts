/**
 * The compute worker: import, validation, training and scoring, behind the {@link ComputeApi}
 * contract. It reads and writes IndexedDB itself so that large arrays never cross into the page;
 * only summaries, progress and small results are posted back. Failures come back as
 * `{ ok: false, error }` data (typed errors do not survive structured cloning as classes).
 */
import * as Comlink from 'comlink';
import type { ComputeApi, Outcome } from '../src/lib/contracts/compute';
import { toErrorInfo } from '../src/lib/contracts/errors';
import { cancelImport, importDataset, previewImport } from './tasks/import-dataset';
import { trainRun } from './tasks/train-run';
import { predictRows } from './tasks/predict-rows';
import { sliceRunMetrics } from './tasks/slice-metrics';
import { cancelSearch, runSearch } from './tasks/search';
import {
  inferSuite,
  profile,
  profileImported,
  readRows,
  runSuite,
  validate,
} from './tasks/quality';
import { currentTensorCount } from './ml';
import { chooseBackend } from './tasks/backend-state';
import { serve } from './tasks/serve';
import { serveBatch } from './tasks/serve-batch';
import { cancelReplay, replay } from './tasks/replay';
import { attachLabels } from './tasks/labels';
import { exportModel, importModel } from './tasks/model-io';
import { abResults, peekingLab } from './tasks/ab-results';
import { checkBatch, runMonitor } from './tasks/monitor';

async function attempt<T>(work: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (e) {
    return { ok: false, error: toErrorInfo(e) };
  }
}

const cancelledRuns = new Set<string>();

const api: ComputeApi = {
  selectBackend: (preference) => chooseBackend(preference),

  previewImport: (request) => attempt(() => previewImport(request)),
  importDataset: (request, onProgress) =>
    attempt(async () => {
      const table = await importDataset(request, onProgress);
      // Profiled while the columns are in memory, so the Data view never re-reads them.
      await profileImported(table);
      return table.version;
    }),
  cancelImport: async (importId) => cancelImport(importId),

  profile: (versionId) => attempt(() => profile(versionId)),
  validate: (versionId, target) => attempt(() => validate(versionId, target)),
  readRows: (versionId, rows) => attempt(() => readRows(versionId, rows)),
  inferSuite: (versionId, name) => attempt(() => inferSuite(versionId, name)),
  runSuite: (suiteId, versionId) => attempt(() => runSuite(suiteId, versionId)),

  async train(request, onProgress) {
    cancelledRuns.delete(request.runId);
    try {
      return await attempt(() =>
        trainRun(request, {
          onProgress,
          shouldStop: () => cancelledRuns.has(request.runId),
        }),
      );
    } finally {
      cancelledRuns.delete(request.runId);
    }
  },
  cancel: async (runId) => {
    cancelledRuns.add(runId);
  },

  sliceMetrics: (runId, column) => attempt(() => sliceRunMetrics(runId, column)),
  search: (request, onProgress) => attempt(() => runSearch(request, { onProgress })),
  cancelSearch: async (searchId) => cancelSearch(searchId),

  predict: (artifactId, modelVersionId, rows) =>
    attempt(() => predictRows(artifactId, modelVersionId, rows)),

  serve: (deploymentId, row, rowKey) => attempt(() => serve(deploymentId, row, rowKey)),
  serveBatch: (deploymentId, file, fileName) =>
    attempt(() => serveBatch(deploymentId, file, fileName)),
  replay: (request, onProgress) => attempt(() => replay(request, onProgress)),
  cancelReplay: async (replayId) => cancelReplay(replayId),
  attachLabels: (file, fileName, keyColumn, labelColumn) =>
    attempt(() => attachLabels(file, fileName, keyColumn, labelColumn)),
  exportModel: (modelVersionId) => attempt(() => exportModel(modelVersionId)),
  importModel: (name, file, fileName) => attempt(() => importModel(name, file, fileName)),

  tensorCount: async () => currentTensorCount(),

  // --- Monitoring (issue 6) below this line. ---
  runMonitor: (monitorId, options) => attempt(() => runMonitor(monitorId, options)),
  checkMonitorBatch: (monitorId, datasetVersionId) =>
    attempt(() => checkBatch(monitorId, datasetVersionId)),

  // --- A/B tests (issue 7) below this line. ---
  abResults: (experimentId) => attempt(() => abResults(experimentId)),
  peekingLab: (options) => attempt(() => peekingLab(options)),
};

Comlink.expose(api);
