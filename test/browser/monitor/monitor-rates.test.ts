/**
 * The serving-health rates of monitoring (issue 6): entries answered by a fallback for invalid
 * input carry `invalid`, rejected requests are recorded, and a window counts both. A file of its
 * own: serve.ts caches model versions by id for the worker's life, and every serving fixture
 * registers the same ids (`penguins@1`), so this test needs a fresh module instance.
 */
import { describe, expect, it } from 'vitest';
import { countRejects, listPredictions, putDeployment, putMonitor } from '../../../src/lib/db';
import { runMonitor } from '../../../workers/tasks/monitor';
import { flushPredictionLog, SERVING_FRESH_MS, serve } from '../../../workers/tasks/serve';
import { GOOD_ROW, setUpDeployment, sleep, useServingDb } from '../serving/helpers';
import { monitorOf } from './helpers';

useServingDb();

describe('monitor rates', () => {
  it('counts invalid inputs answered by the fallback and rejected ones in the rates', async () => {
    const { deployment } = await setUpDeployment();
    const bad = { ...GOOD_ROW, bill_length_mm: 'abc' };
    const t0 = Date.now();
    await serve(deployment.id, GOOD_ROW);
    await serve(deployment.id, bad);
    await flushPredictionLog();
    const log = await listPredictions(deployment.id, { limit: 10 });
    expect(log.map((e) => [e.responder, e.invalid ?? false]).sort()).toEqual([
      ['fallback', true],
      ['primary', false],
    ]);
    await putDeployment({ ...deployment, validation: 'reject' });
    await sleep(SERVING_FRESH_MS + 10);
    await serve(deployment.id, bad, 'k-1');
    // The reject record is written in the background.
    await expect.poll(() => countRejects(deployment.id, t0, Date.now())).toBe(1);
    await sleep(2);
    await serve(deployment.id, GOOD_ROW);
    await flushPredictionLog();

    // One window of the 3 logged entries; its span (first to last entry) holds the reject:
    // validation failures (1 invalid + 1 rejected) / (3 logged + 1 rejected), fallbacks 1 of 3.
    const monitor = await putMonitor(
      monitorOf(deployment.id, { window: { kind: 'count', size: 3 }, rules: [] }),
    );
    const { reports } = await runMonitor(monitor.id);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ rejected: 1, validationFailureRate: 0.5 });
    expect(reports[0]!.fallbackRate).toBeCloseTo(1 / 3, 12);
  });
});
