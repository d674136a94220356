/**
 * The training task in real Chromium (WASM), called directly in the page with a fresh database:
 * evaluation with intervals next to the paired baseline, reproducibility (M5), time-ordered
 * splits, per-epoch validation metrics, leaks (M6) and the device-lost fallback (M4, simulated).
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { TrainRequest } from '../../../src/lib/contracts/compute';
import type { Evaluation, Run } from '../../../src/lib/contracts/entities';
import { getArtifact, getRun } from '../../../src/lib/db';
import { compareToBaseline } from '../../../src/lib/metrics';
import { currentTensorCount } from '../../../workers/ml';
import { chooseBackend } from '../../../workers/tasks/backend-state';
import { prepareData } from '../../../workers/tasks/prepare-data';
import { trainRun } from '../../../workers/tasks/train-run';
import { config, noHooks, SPLIT, uid, useTaskDb, writePenguins } from './helpers';

useTaskDb();
afterAll(async () => {
  await chooseBackend('wasm');
});

function request(datasetVersionId: string, overrides: Partial<TrainRequest> = {}): TrainRequest {
  return {
    runId: uid('run'),
    datasetVersionId,
    target: 'species',
    config: config(),
    split: SPLIT,
    seed: 11,
    bootstrapIterations: 300,
    ...overrides,
  };
}

/** Every interval that exists contains its estimate. */
function intervalsContainEstimates(e: Evaluation): void {
  for (const [id, m] of Object.entries(e.metrics)) {
    if (m.estimate === null || m.low === null || m.high === null) continue;
    expect(m.low, id).toBeLessThanOrEqual(m.estimate + 1e-12);
    expect(m.high, id).toBeGreaterThanOrEqual(m.estimate - 1e-12);
  }
}

describe('trainRun', () => {
  it('stores a completed run with evaluation, paired baseline, valMetric and no leaked tensors', async () => {
    const version = await writePenguins();
    const before = currentTensorCount();
    const req = request(version.id, {
      tags: ['first'],
      preprocessing: { defaults: { impute: 'median' } },
    });
    const run = await trainRun(req, noHooks);
    expect(currentTensorCount()).toBe(before);

    expect(run.status).toBe('completed');
    expect(await getRun(run.id)).toEqual(run);
    expect(run).toMatchObject({ seed: 11, tags: ['first'], task: 'multiclass' });
    expect(run.preprocessingOptions).toEqual({ defaults: { impute: 'median' } });
    expect(run.notes).toMatch(/left out|^$/);
    expect(run.history).toHaveLength(8);
    for (const h of run.history) {
      expect(h.valMetric).toBeGreaterThanOrEqual(0);
      expect(h.valMetric).toBeLessThanOrEqual(1);
    }
    expect(run.history.at(-1)!.valMetric).toBeGreaterThan(0.8);

    const ev = run.evaluation!;
    expect(ev.task).toBe('multiclass');
    expect(ev.n).toBe(run.metrics!.n);
    expect(ev.bootstrap.iterations).toBe(300);
    expect(ev.metrics.accuracy!.estimate).toBeCloseTo(
      (run.metrics as { accuracy: number }).accuracy,
      12,
    );
    expect(ev.metrics.accuracy!.estimate).toBeGreaterThan(0.8);
    intervalsContainEstimates(ev);
    const base = run.baselineEvaluation!;
    intervalsContainEstimates(base);
    expect(base.n).toBe(ev.n);
    expect(base.bootstrap.fingerprint).toBe(ev.bootstrap.fingerprint);
    const cmp = compareToBaseline(ev, base);
    expect(cmp.paired).toBe(true);
    expect(cmp.metrics.find((m) => m.id === 'accuracy')?.verdict).toBe('better');
  });

  it('gives identical metrics, history and weights for the same request (M5)', async () => {
    const version = await writePenguins();
    const a = await trainRun(request(version.id), noHooks);
    const b = await trainRun(request(version.id), noHooks);
    expect(b.history).toEqual(a.history);
    expect(b.metrics).toEqual(a.metrics);
    expect(b.evaluation).toEqual(a.evaluation);
    expect(b.baselineEvaluation).toEqual(a.baselineEvaluation);
    const [wa, wb] = await Promise.all([getArtifact(a.artifactId!), getArtifact(b.artifactId!)]);
    expect(wa!.weightsHash).toBe(wb!.weightsHash);
  });

  it('a time split trains on the past and tests on the future', async () => {
    const version = await writePenguins();
    const split = { ...SPLIT, method: 'time' as const, timeColumn: 'observed' };
    const p = await prepareData({ datasetVersionId: version.id, target: 'species', split });
    const maxOf = (rows: Int32Array) => Math.max(...rows);
    const minOf = (rows: Int32Array) => Math.min(...rows);
    // `observed` increases with the row index, so time order is row order.
    expect(maxOf(p.train.rows)).toBeLessThan(minOf(p.validation.rows));
    expect(maxOf(p.validation.rows)).toBeLessThan(minOf(p.test.rows));
    expect(p.train.n + p.validation.n + p.test.n).toBe(600);
    const run = await trainRun(request(version.id, { split }), noHooks);
    expect(run.status).toBe('completed');
    expect(run.split).toEqual(split);
    expect(run.evaluation!.n).toBe(p.test.n);
  });

  it('evaluates a regressor against the mean baseline with RMSE per epoch', async () => {
    const version = await writePenguins();
    const run = await trainRun(
      request(version.id, {
        target: 'flipper_length_mm',
        config: config({ kind: 'linear', hiddenUnits: [], learningRate: 0.05 }),
        bootstrapIterations: 0,
      }),
      noHooks,
    );
    expect(run.task).toBe('regression');
    expect(run.evaluation!.task).toBe('regression');
    expect(run.evaluation!.bootstrap.iterations).toBe(0);
    expect(run.evaluation!.metrics.rmse).toMatchObject({ low: null, high: null });
    const rmse = run.evaluation!.metrics.rmse!.estimate!;
    const baseRmse = run.baselineEvaluation!.metrics.rmse!.estimate!;
    expect(rmse).toBeLessThan(baseRmse);
    expect(run.history.at(-1)!.valMetric).toBeGreaterThan(0);
    expect(run.history.at(-1)!.valMetric).toBeLessThan(baseRmse * 1.5);
  });

  it('falls back to the next backend when the device is lost mid-run (M4, simulated)', async () => {
    const version = await writePenguins();
    const before = currentTensorCount();
    let failures = 0;
    const run: Run = await trainRun(request(version.id, { bootstrapIterations: 50 }), {
      ...noHooks,
      injectFault: ({ backend, epoch }) => {
        if (backend === 'wasm' && epoch === 3) {
          failures++;
          throw new Error('GPUDevice was lost: device lost (simulated)');
        }
      },
    });
    expect(failures).toBe(1);
    expect(run.status).toBe('completed');
    expect(run.backend.name).toBe('cpu');
    expect(run.backendFallbacks).toEqual([
      {
        from: 'wasm',
        to: 'cpu',
        epoch: 3,
        reason: 'GPUDevice was lost: device lost (simulated)',
      },
    ]);
    expect(run.notes).toMatch(/WASM backend failed during epoch 3.*retrained from scratch on CPU/);
    expect(run.history.map((h) => h.epoch)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(await getRun(run.id)).toEqual(run);
    expect(currentTensorCount()).toBe(before);
    expect((await chooseBackend('wasm')).name).toBe('wasm');
  });

  it('a failure that is not a lost device fails the run without fallback', async () => {
    const version = await writePenguins();
    const req = request(version.id);
    await expect(
      trainRun(req, {
        ...noHooks,
        injectFault: () => {
          throw new Error('out of memory');
        },
      }),
    ).rejects.toThrow('out of memory');
    expect(await getRun(req.runId)).toMatchObject({ status: 'failed', error: 'out of memory' });
  });
});
