/**
 * Serving through a deployment: primary / fallback / reject, shadow, alias moves, batch CSV,
 * replay with labels and cancel, late labels.
 */
import { describe, expect, it } from 'vitest';
import { countPredictions, listPredictions, moveAlias, putDeployment } from '../../../src/lib/db';
import { attachLabels } from '../../../workers/tasks/labels';
import { cancelReplay, replay } from '../../../workers/tasks/replay';
import { flushPredictionLog, SERVING_FRESH_MS, serve } from '../../../workers/tasks/serve';
import { serveBatch } from '../../../workers/tasks/serve-batch';
import { SPECIES } from '../tasks/helpers';
import { GOOD_ROW, setUpDeployment, sleep, useServingDb } from './helpers';

useServingDb();

describe('serve', () => {
  it('answers from the alias holder, logs it, falls back or rejects on invalid input, follows alias moves', async () => {
    const { v1, v2, deployment } = await setUpDeployment();
    const r = await serve(deployment.id, GOOD_ROW, 'unit-1');
    expect(r).toMatchObject({ ok: true, responder: 'primary', modelVersionId: v2.id });
    expect(SPECIES).toContain(r.prediction!.label);
    expect(r.prediction!.probabilities).toHaveLength(3);
    expect(r.reason).toContain(v2.id);
    expect(r.latencyMs).toBeGreaterThan(0);
    await flushPredictionLog();
    const [logged] = await listPredictions(deployment.id, { limit: 10 });
    expect(logged).toMatchObject({
      id: r.logId,
      rowKey: 'unit-1',
      responder: 'primary',
      modelVersionId: v2.id,
      output: { label: r.prediction!.label },
      inputs: GOOD_ROW,
    });

    // Invalid input, validation 'fallback': the fallback answers and the reason says why.
    const bad = { ...GOOD_ROW, bill_length_mm: 'abc' };
    const f = await serve(deployment.id, bad);
    expect(f).toMatchObject({ ok: true, responder: 'fallback', modelVersionId: v1.id });
    expect(f.reason).toMatch(/invalid.*bill_length_mm.*not a number/);
    expect(f.errors).toEqual([expect.objectContaining({ field: 'bill_length_mm', value: 'abc' })]);
    expect(f.logId).not.toBeNull();

    // validation 'reject': refused, not logged.
    await putDeployment({ ...deployment, validation: 'reject' });
    await sleep(SERVING_FRESH_MS + 10);
    const rej = await serve(deployment.id, bad);
    expect(rej).toMatchObject({ ok: false, responder: 'reject', prediction: null, logId: null });
    expect(rej.reason).toMatch(/rejected/);
    await flushPredictionLog();
    expect(await countPredictions(deployment.id)).toBe(2);

    // The alias moves: the next request (after the freshness window) answers from the new holder.
    await moveAlias({
      modelName: 'penguins',
      alias: 'champion',
      to: v1.id,
      reason: 'x',
      actor: 't',
    });
    await sleep(SERVING_FRESH_MS + 10);
    const moved = await serve(deployment.id, GOOD_ROW);
    expect(moved).toMatchObject({ responder: 'primary', modelVersionId: v1.id });

    // Warm latency stays small (Q2): median of 30 one-row requests.
    const times: number[] = [];
    for (let i = 0; i < 30; i++) times.push((await serve(deployment.id, GOOD_ROW)).latencyMs);
    times.sort((a, b) => a - b);
    expect(times[15]!).toBeLessThan(20);
  });

  it('scores the shadow and logs it without returning it; a missing primary version falls back', async () => {
    const { v1, v2, deployment } = await setUpDeployment();
    await putDeployment({ ...deployment, shadowVersionId: v1.id });
    await sleep(SERVING_FRESH_MS + 10);
    const r = await serve(deployment.id, GOOD_ROW);
    expect(r.modelVersionId).toBe(v2.id);
    expect(JSON.stringify(r)).not.toContain('shadow');
    await flushPredictionLog();
    const [entry] = await listPredictions(deployment.id, { limit: 1 });
    expect(entry!.shadow).toMatchObject({ modelVersionId: v1.id });
    expect(entry!.shadow!.probabilities).toHaveLength(3);

    // A deployment whose alias is not set: the fallback answers and says why.
    await putDeployment({ ...deployment, id: 'd2', alias: 'nobody' });
    const f = await serve('d2', GOOD_ROW);
    expect(f).toMatchObject({ responder: 'fallback', modelVersionId: v1.id });
    expect(f.reason).toMatch(/alias "nobody".*not set/);
  });

  it('serves a file: columns, escaped formula cells, rejected rows, latency', async () => {
    const { v2, deployment } = await setUpDeployment({ validation: 'reject' });
    const csv = [
      'island,bill_length_mm,bill_depth_mm,flipper_length_mm,note',
      'Dream,48.5,18.2,196,=HYPERLINK("http://x")',
      'Biscoe,47,15,217,-5',
      'Torgersen,abc,18,190,@SUM(A1)',
    ].join('\n');
    const out = await serveBatch(deployment.id, new Blob([csv]), 'batch.csv');
    expect(out.rows).toBe(3);
    expect(out.rejected).toBe(1);
    expect(out.latency.p50).toBeGreaterThanOrEqual(0);
    const lines = out.csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'island,bill_length_mm,bill_depth_mm,flipper_length_mm,note,prediction,' +
        SPECIES.map((s) => `probability_${s}`).join(',') +
        ',responder,model_version,reason',
    );
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(lines[1]).toContain(`,primary,${v2.id},`);
    expect(lines[2]!.split(',')[4]).toBe('-5');
    expect(lines[3]).toContain("'@SUM(A1)");
    expect(lines[3]).toContain(',reject,,');
    expect(await countPredictions(deployment.id)).toBe(2);
  });

  it('replays a dataset with labels and keys, and cancel keeps what was logged', async () => {
    const { datasetVersionId, deployment } = await setUpDeployment();
    const progress: number[] = [];
    const done = await replay(
      {
        replayId: 'r1',
        deploymentId: deployment.id,
        datasetVersionId,
        labelColumn: 'species',
        timeColumn: 'observed',
        rate: 0,
        limit: 120,
      },
      (p) => progress.push(p.done),
    );
    expect(done).toEqual({ rows: 120, logged: 120 });
    expect(progress.at(-1)).toBe(120);
    const log = await listPredictions(deployment.id, { limit: 200 });
    expect(log).toHaveLength(120);
    // Newest first: the row with the latest `observed` date; keys are row numbers.
    expect(log[0]!.rowKey).toBe('120');
    expect(log[0]!.at).toBe(Date.UTC(2020, 0, 1) + 119 * 86_400_000);
    expect(log.every((e) => SPECIES.includes(String(e.label)))).toBe(true);
    expect(Object.keys(log[0]!.inputs).sort()).toEqual(
      ['bill_depth_mm', 'bill_length_mm', 'flipper_length_mm', 'island'].sort(),
    );

    // Paced at 100 rows/s and cancelled after ~300 ms: some rows logged, not all, kept.
    const paced = replay(
      {
        replayId: 'r2',
        deploymentId: deployment.id,
        datasetVersionId,
        keyColumn: 'bill_length_mm',
        rate: 100,
        start: 1000,
        intervalMs: 10,
      },
      () => undefined,
    );
    await sleep(300);
    cancelReplay('r2');
    const partial = await paced;
    expect(partial.rows).toBeGreaterThan(5);
    expect(partial.rows).toBeLessThan(300);
    expect(await countPredictions(deployment.id)).toBe(120 + partial.logged);
  });

  it('attaches late labels by unit key and by prediction id', async () => {
    const { deployment } = await setUpDeployment();
    const a = await serve(deployment.id, GOOD_ROW, 'c1');
    await serve(deployment.id, GOOD_ROW, 'c2');
    await flushPredictionLog();
    const byKey = await attachLabels(
      new Blob(['customer,outcome\nc1,Adelie\nc2,Gentoo\nc9,Adelie\n']),
      'labels.csv',
      'customer',
      'outcome',
    );
    expect(byKey).toEqual({ matched: 2, unmatched: 1 });
    const byId = await attachLabels(
      new Blob([`prediction_id,truth\n${a.logId},Chinstrap\n`]),
      'ids.csv',
      'prediction_id',
      'truth',
    );
    expect(byId).toEqual({ matched: 1, unmatched: 0 });
    const labels = Object.fromEntries(
      (await listPredictions(deployment.id, { limit: 10 })).map((e) => [e.rowKey, e.label]),
    );
    expect(labels).toEqual({ c1: 'Chinstrap', c2: 'Gentoo' });
    await expect(attachLabels(new Blob(['a,b\n1,2\n']), 'x.csv', 'customer', 'b')).rejects.toThrow(
      /key column "customer" is not in the file/,
    );
  });
});
