/**
 * The compute worker: import, training and scoring, behind the {@link ComputeApi} contract.
 * It reads and writes IndexedDB itself so that large arrays never cross into the page; only
 * summaries, progress and small results are posted back.
 */
import * as Comlink from 'comlink';
import type { ComputeApi } from '../src/lib/contracts/compute';
import { toErrorInfo } from '../src/lib/contracts/errors';
import { importDataset } from './tasks/import-dataset';
import { trainRun } from './tasks/train-run';
import { predictRows } from './tasks/predict-rows';
import { currentTensorCount } from './ml';
import { chooseBackend } from './tasks/backend-state';

const cancelled = new Set<string>();

const api: ComputeApi = {
  selectBackend: (preference) => chooseBackend(preference),

  async importDataset(request) {
    try {
      return { ok: true, value: await importDataset(request) };
    } catch (e) {
      return { ok: false, error: toErrorInfo(e) };
    }
  },

  async train(request, onProgress) {
    cancelled.delete(request.runId);
    try {
      const run = await trainRun(request, {
        onProgress,
        shouldStop: () => cancelled.has(request.runId),
      });
      return { ok: true, value: run };
    } catch (e) {
      return { ok: false, error: toErrorInfo(e) };
    } finally {
      cancelled.delete(request.runId);
    }
  },

  async cancel(runId) {
    cancelled.add(runId);
  },

  async predict(artifactId, modelVersionId, rows) {
    try {
      return { ok: true, value: await predictRows(artifactId, modelVersionId, rows) };
    } catch (e) {
      return { ok: false, error: toErrorInfo(e) };
    }
  },

  tensorCount: async () => currentTensorCount(),
};

Comlink.expose(api);
