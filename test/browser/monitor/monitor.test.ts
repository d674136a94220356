/**
 * Monitoring in the worker (issue 6): the cached reference of a served version, incremental
 * window reports over the prediction log, batch checks, rules → alerts + audit events.
 */
import { describe, expect, it } from 'vitest';
import {
  acknowledgeAlert,
  getRun,
  listAlerts,
  listAudit,
  listMonitorReports,
  listPredictions,
  putMonitor,
} from '../../../src/lib/db';
import { columnDrift } from '../../../src/lib/stats';
import {
  checkBatch,
  clearReferenceCache,
  referenceFor,
  runMonitor,
} from '../../../workers/tasks/monitor';
import { replay } from '../../../workers/tasks/replay';
import { setUpDeployment, useServingDb } from '../serving/helpers';
import { monitorOf } from './helpers';

useServingDb();

describe('monitor task', () => {
  it('reports complete windows once, against the cached training reference, and raises alerts', async () => {
    clearReferenceCache();
    const { datasetVersionId, v2, deployment } = await setUpDeployment();
    await replay(
      {
        replayId: 'r',
        deploymentId: deployment.id,
        datasetVersionId,
        labelColumn: 'species',
        rate: 0,
        limit: 100,
      },
      () => undefined,
    );
    const monitor = await putMonitor(
      monitorOf(deployment.id, { columns: { bill_depth_mm: { test: 'psi', threshold: 0.3 } } }),
    );

    const first = await runMonitor(monitor.id);
    // 100 entries in windows of 40: two complete windows, one open.
    expect(first.reports.map((r) => r.window.index)).toEqual([0, 1]);
    expect(first).toMatchObject({ windows: 3, open: 1 });
    expect((await listMonitorReports(monitor.id)).map((r) => r.id)).toEqual(
      first.reports.map((r) => r.id),
    );
    // The always-true rule fired once on each window, with an audit event each.
    expect(first.alerts.map((a) => a.id).sort()).toEqual([
      `${monitor.id}:0:acc`,
      `${monitor.id}:1:acc`,
    ]);
    await acknowledgeAlert(first.alerts[0]!.id, 123, 'local user');
    // Incremental: nothing new until the open window fills.
    expect((await runMonitor(monitor.id)).reports).toEqual([]);
    // Recomputing still breaks the rule on both windows, but raises no second alert.
    const again = await runMonitor(monitor.id, { recompute: true });
    expect(again.reports).toHaveLength(2);
    expect(again.alerts).toEqual([]);

    // The reference: the training split rows of v2's run, cached per version.
    const reference = await referenceFor(v2.id);
    expect(await referenceFor(v2.id)).toBe(reference);
    const run = (await getRun(v2.runId))!;
    // 300 rows split 60/20/20 (stratified: within a row or two per class of 180).
    expect(run.split.train).toBe(0.6);
    expect(Math.abs(reference.rows - 180)).toBeLessThanOrEqual(3);
    expect(reference.columns.map((c) => c.name)).toEqual(v2.signature.inputs.map((f) => f.name));
    expect(reference.prediction?.kind).toBe('categorical');

    // The window's numbers are the stats library's on the same samples.
    const [r0] = first.reports;
    const log = (await listPredictions(deployment.id, { limit: 1000 })).reverse().slice(0, 40);
    const flipper = reference.columns.find((c) => c.name === 'flipper_length_mm')!;
    const refValues =
      flipper.profile!.kind === 'numeric' ? flipper.profile!.sorted : new Float64Array();
    const direct = columnDrift(
      refValues,
      log.map((e) => Number(e.inputs['flipper_length_mm'])),
      'numeric',
    );
    expect(r0!.columns.find((c) => c.column === 'flipper_length_mm')).toMatchObject({
      test: direct.test,
      value: direct.value,
    });
    expect(r0!.columns.find((c) => c.column === 'bill_depth_mm')).toMatchObject({
      test: 'psi',
      threshold: 0.3,
    });
    expect(r0!.performance!.n).toBe(40);
    expect(r0!.performance!.metrics['accuracy']!.lo).not.toBeNull();

    // Still one alert per (window, rule); the acknowledged one stays acknowledged.
    const alerts = await listAlerts({ monitorId: monitor.id });
    expect(alerts).toHaveLength(2);
    expect(alerts[0]!.message).toMatch(/^m, window [01]: accuracy/);
    expect(alerts.find((a) => a.id === first.alerts[0]!.id)!.acknowledgedAt).toBe(123);
    expect((await listAudit({ kind: 'alert.raised' })).length).toBe(2);

    // After a settings change the windows no longer break `acc` (its historical alerts are kept)
    // but break a new rule: recomputing raises that rule's alerts only.
    await putMonitor({
      ...monitor,
      rules: [
        { ...monitor.rules[0]!, threshold: -1 },
        { id: 'rej', metric: 'fallbackRate', op: '>=', threshold: 0, severity: 'warning' },
      ],
    });
    const changed = await runMonitor(monitor.id, { recompute: true });
    expect(changed.alerts.map((a) => a.id).sort()).toEqual([
      `${monitor.id}:0:rej`,
      `${monitor.id}:1:rej`,
    ]);
    expect((await listAlerts({ monitorId: monitor.id })).map((a) => a.id).sort()).toEqual([
      `${monitor.id}:0:acc`,
      `${monitor.id}:0:rej`,
      `${monitor.id}:1:acc`,
      `${monitor.id}:1:rej`,
    ]);
    await putMonitor(monitor);

    // A batch check of the stored version: drift, predictions and performance from its target.
    const batch = await checkBatch(monitor.id, datasetVersionId);
    expect(batch.report).toMatchObject({
      source: 'batch',
      datasetVersionId,
      modelVersionId: v2.id,
    });
    expect(batch.report.window.n).toBeGreaterThan(100);
    expect(batch.report.prediction).not.toBeNull();
    expect(batch.report.performance!.n).toBe(batch.report.window.n);
    expect(batch.alerts).toHaveLength(1);
  });

  it('checks a batch column by column with the same numbers as the log path on the same rows', async () => {
    clearReferenceCache();
    const { datasetVersionId, deployment } = await setUpDeployment();
    // Every row through serving (row objects, the serving encoder), as one window of the log.
    const replayed = await replay(
      {
        replayId: 'all',
        deploymentId: deployment.id,
        datasetVersionId,
        labelColumn: 'species',
        rate: 0,
        limit: 10_000,
      },
      () => undefined,
    );
    const n = replayed.logged;
    const monitor = await putMonitor(
      monitorOf(deployment.id, { window: { kind: 'count', size: n } }),
    );
    const [log] = (await runMonitor(monitor.id)).reports;
    const { report: batch } = await checkBatch(monitor.id, datasetVersionId);
    expect(log!.window.n).toBe(n);
    expect(batch.window.n).toBe(n);
    const numbers = (r: typeof batch) =>
      [...r.columns, r.prediction!].map((c) => [c.column, c.test, c.value, c.drift, c.missing]);
    expect(numbers(batch)).toEqual(numbers(log!));
    expect(batch.prediction!.distribution).toEqual(log!.prediction!.distribution);
    expect(batch.performance!.n).toBe(n);
    expect(batch.performance!.metrics['accuracy']!.value).toBe(
      log!.performance!.metrics['accuracy']!.value,
    );
  });
});
