/**
 * The search task in real Chromium (WASM): every trial a Run on data prepared once, the study
 * stored with the runs, pruning, failed trials, cancel (M2) and a flat tensor count (M6).
 */
import { describe, expect, it } from 'vitest';
import type { SearchProgress } from '../../../src/lib/contracts/compute';
import { getRun, getSearch, listSearches } from '../../../src/lib/db';
import { currentTensorCount } from '../../../workers/ml';
import { cancelSearch, runSearch, trialRunId } from '../../../workers/tasks/search';
import {
  config,
  searchRequest as request,
  slowTrialsRequest,
  SPLIT,
  trialRuns,
  useTaskDb,
  writePenguins,
} from './helpers';

useTaskDb();

describe('runSearch', () => {
  it.each(['random', 'tpe'] as const)(
    '%s: 6 trials complete, each a stored Run, with the record and the best trial',
    async (sampler) => {
      const version = await writePenguins();
      const before = currentTensorCount();
      const progress: SearchProgress[] = [];
      const req = request(version.id, { sampler });
      const record = await runSearch(req, { onProgress: (p) => progress.push(p) });
      expect(currentTensorCount()).toBe(before);

      expect(record.status).toBe('completed');
      expect(await getSearch(req.searchId)).toEqual(record);
      expect((await listSearches()).map((s) => s.id)).toEqual([req.searchId]);
      expect(record.study.trials.map((t) => t.state)).toEqual(Array(6).fill('complete'));
      expect(Object.keys(record.runIds)).toHaveLength(6);
      const runs = await trialRuns(req.searchId);
      expect(runs).toHaveLength(6);
      for (const [n, runId] of Object.entries(record.runIds)) {
        const run = (await getRun(runId))!;
        expect(run).toMatchObject({ status: 'completed', search: { id: req.searchId, trial: +n } });
        const trial = record.study.trials[+n]!;
        expect(run.config.learningRate).toBe(trial.params.learningRate);
        expect(run.history).toHaveLength(5);
        expect(trial.value).toBe(Math.min(...run.history.map((h) => h.valLoss!)));
        expect(run.evaluation?.n).toBeGreaterThan(0);
      }
      const values = record.study.trials.map((t) => t.value as number);
      expect(record.best).toMatchObject({ value: Math.min(...values) });
      expect(record.best!.runId).toBe(record.runIds[record.best!.trial]);
      // Progress after every epoch and trial, ending with all trials done.
      expect(progress.length).toBeGreaterThanOrEqual(6 * 5);
      expect(progress.at(-1)!.trials.every((t) => t.state === 'complete')).toBe(true);
    },
  );

  it('the median pruner prunes a trial that learns far slower than the others', async () => {
    const version = await writePenguins();
    const req = slowTrialsRequest(version.id);
    // Serial (threads: 1): which trials are pruned is then exact; search-parallel.test.ts
    // covers the pruner with parallel trials.
    const record = await runSearch(req, { onProgress: () => undefined, threads: 1 });
    expect(record.status).toBe('completed');
    const pruned = record.study.trials.filter((t) => t.state === 'pruned');
    // Grid order is seeded: with this seed the two startup trials learn fast, so every slow one
    // after them is pruned (a fast one may be too, being merely worse than the median).
    const slow = record.study.trials.filter((t) => (t.params.learningRate as number) < 1e-4);
    expect(slow.filter((t) => t.number >= 2).every((t) => t.state === 'pruned')).toBe(true);
    expect(pruned.some((t) => (t.params.learningRate as number) < 1e-4)).toBe(true);
    for (const t of pruned) {
      const run = (await getRun(record.runIds[t.number]!))!;
      expect(run.status).toBe('cancelled');
      expect(run.tags).toEqual([`search:${req.searchId}`, 'pruned']);
      expect(run.notes).toMatch(/Pruned at epoch \d/);
      expect(run.history.length).toBeLessThan(5);
      expect(run.artifactId).toBeUndefined();
    }
    expect(record.best!.params.learningRate).toBeGreaterThan(1e-4);
  });

  it('a failing trial is stored as failed and the search goes on', async () => {
    const version = await writePenguins();
    const req = request(version.id, {
      sampler: 'grid',
      budget: 2,
      baseConfig: config({ epochs: 3, optimizer: 'sgd' }),
      space: [{ name: 'learningRate', kind: 'categorical', choices: [0.05, 1e12] }],
    });
    const record = await runSearch(req, { onProgress: () => undefined });
    expect(record.status).toBe('completed');
    const states = Object.fromEntries(
      record.study.trials.map((t) => [t.params.learningRate, t.state]),
    );
    expect(states).toEqual({ 0.05: 'complete', 1e12: 'failed' });
    const failed = record.study.trials.find((t) => t.state === 'failed')!;
    expect((await getRun(record.runIds[failed.number]!))!.status).toBe('failed');
    expect(record.best!.params.learningRate).toBe(0.05);
  });

  it('cancel stops the running trial and keeps the finished ones (M2)', async () => {
    const version = await writePenguins();
    const before = currentTensorCount();
    const req = request(version.id);
    // Serial (threads: 1), so the trial states at the cancel are exact; search-parallel.test.ts
    // covers cancel with parallel trials.
    const record = await runSearch(req, {
      threads: 1,
      onProgress: (p) => {
        if (p.trials.length === 3 && p.epoch === 2) cancelSearch(req.searchId);
      },
    });
    expect(currentTensorCount()).toBe(before);
    expect(record.status).toBe('cancelled');
    expect(record.study.trials.map((t) => t.state)).toEqual(['complete', 'complete', 'failed']);
    expect((await getRun(trialRunId(req.searchId, 0)))!.status).toBe('completed');
    expect((await getRun(trialRunId(req.searchId, 2)))!.status).toBe('cancelled');
    expect(await getRun(trialRunId(req.searchId, 3))).toBeUndefined();
    expect(await getSearch(req.searchId)).toEqual(record);
  });

  it('refuses a space with an unknown setting and a split without validation rows', async () => {
    const version = await writePenguins();
    await expect(
      runSearch(
        request(version.id, { space: [{ name: 'lr', kind: 'float', low: 0.1, high: 1 }] }),
        {
          onProgress: () => undefined,
        },
      ),
    ).rejects.toThrow(/lr.*not a model setting/);
    await expect(
      runSearch(request(version.id, { split: { ...SPLIT, validation: 0 } }), {
        onProgress: () => undefined,
      }),
    ).rejects.toThrow(/validation/);
    expect(await listSearches()).toEqual([]);
  });
});
