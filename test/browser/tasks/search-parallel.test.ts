/**
 * Parallel trials (issue 4): a search spreads its trials over trial workers, with the same trials
 * and results as a serial search for random/grid, the median pruner still pruning, and cancel
 * stopping every worker's trial.
 */
import { describe, expect, it } from 'vitest';
import type { SearchRequest } from '../../../src/lib/contracts/compute';
import type { Run } from '../../../src/lib/contracts/entities';
import { getRun } from '../../../src/lib/db';
import { currentTensorCount } from '../../../workers/ml';
import { cancelSearch, runSearch } from '../../../workers/tasks/search';
import {
  config,
  searchRequest as request,
  slowTrialsRequest,
  trialRuns,
  useTaskDb,
  writePenguins,
} from './helpers';

useTaskDb();

/** Whether two of the runs were training at the same time. */
function overlapping(runs: Run[]): boolean {
  const spans = runs.map((r) => [r.createdAt, r.createdAt + (r.durationMs ?? 0)] as const);
  return spans.some(([a0, a1], i) => spans.some(([b0], j) => i !== j && b0 >= a0 && b0 < a1));
}

describe('runSearch with parallel trials', () => {
  it.each(['random', 'grid'] as const)(
    '%s: the same trials, values and best trial as a serial search, trained concurrently',
    async (sampler) => {
      const version = await writePenguins();
      const space: SearchRequest['space'] =
        sampler === 'grid'
          ? [
              { name: 'learningRate', kind: 'categorical', choices: [0.003, 0.01, 0.03, 0.1] },
              { name: 'hiddenUnits', kind: 'categorical', choices: ['8', '16,8'] },
            ]
          : request(version.id).space;
      const before = currentTensorCount();
      const serial = await runSearch(request(version.id, { sampler, space }), {
        onProgress: () => undefined,
        threads: 1,
      });
      const req = request(version.id, { sampler, space });
      const parallel = await runSearch(req, { onProgress: () => undefined, threads: 2 });
      expect(currentTensorCount()).toBe(before);

      expect(parallel.status).toBe('completed');
      const strip = (r: typeof serial) =>
        r.study.trials.map((t) => ({ params: t.params, state: t.state, value: t.value }));
      expect(strip(parallel)).toEqual(strip(serial));
      expect(parallel.best).toMatchObject({
        trial: serial.best!.trial,
        value: serial.best!.value,
      });
      const runs = await trialRuns(req.searchId);
      expect(runs).toHaveLength(6);
      expect(runs.every((r) => r.status === 'completed' && r.artifactId)).toBe(true);
      expect(overlapping(runs)).toBe(true);
      expect(overlapping(await trialRuns(serial.id))).toBe(false);
    },
  );

  it('the median pruner still prunes the slow trials', async () => {
    const version = await writePenguins();
    const req = slowTrialsRequest(version.id);
    const record = await runSearch(req, { onProgress: () => undefined, threads: 2 });
    expect(record.status).toBe('completed');
    const pruned = record.study.trials.filter((t) => t.state === 'pruned');
    // Which trials are pruned depends on which finished first (Optuna's semantics), but once two
    // trials are complete every slow one reporting after that is pruned: at least one is.
    expect(pruned.some((t) => (t.params.learningRate as number) < 1e-4)).toBe(true);
    for (const t of pruned) {
      const run = (await getRun(record.runIds[t.number]!))!;
      expect(run.status).toBe('cancelled');
      expect(run.tags).toEqual([`search:${req.searchId}`, 'pruned']);
      // Its history and the study's reports stop at the epoch the pruner judged (even when the
      // answer reached the trial worker an epoch later).
      const at = Number(/Pruned at epoch (\d+)/.exec(run.notes)?.[1]);
      expect(at).toBeGreaterThanOrEqual(1);
      expect(run.history).toHaveLength(at);
      expect(t.intermediate.at(-1)!.step).toBe(at);
    }
    expect(record.best!.params.learningRate).toBeGreaterThan(1e-4);
  });

  it('cancel stops the trials running in every worker and starts no more', async () => {
    const version = await writePenguins();
    const before = currentTensorCount();
    // Cancel as soon as the 4th trial is asked: the 3rd and 4th are then running (60 epochs,
    // far longer than the 50 ms it takes the cancel to reach a trial worker).
    const req = request(version.id, { budget: 8, baseConfig: config({ epochs: 60 }) });
    const record = await runSearch(req, {
      threads: 2,
      onProgress: (p) => {
        if (p.trials.length >= 4) cancelSearch(req.searchId);
      },
    });
    expect(currentTensorCount()).toBe(before);
    expect(record.status).toBe('cancelled');
    expect(record.study.trials).toHaveLength(4);
    expect(record.study.trials.some((t) => t.state === 'running')).toBe(false);
    expect(record.study.trials.filter((t) => t.state === 'failed').length).toBeGreaterThan(0);
    const runs = await trialRuns(req.searchId);
    expect(runs).toHaveLength(4);
    expect(runs.some((r) => r.status === 'running')).toBe(false);
    expect(runs.filter((r) => r.status === 'cancelled').length).toBeGreaterThan(0);
  });
});
