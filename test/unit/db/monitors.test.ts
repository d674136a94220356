import { useFreshDb } from './helpers';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, NotFoundError } from '../../../src/lib/contracts/errors';
import type { Alert, Monitor, MonitorWindowReport } from '../../../src/lib/contracts/monitoring';
import {
  acknowledgeAlert,
  countRejects,
  countUnacknowledgedAlerts,
  deleteMonitor,
  getMonitor,
  listAlerts,
  listAudit,
  listMonitorReports,
  listMonitors,
  monitorAlertId,
  putMonitor,
  putMonitorReports,
  raiseAlerts,
  recordRejects,
} from '../../../src/lib/db';

const monitor = (id: string, deploymentId: string, createdAt: number): Monitor => ({
  id,
  name: ` ${id} `,
  deploymentId,
  createdAt,
  window: { kind: 'count', size: 50 },
  columns: { age: { test: 'psi', threshold: 0.2 } },
  driftShare: 0.5,
  rules: [{ id: 'r', metric: 'driftShare', op: '>=', threshold: 0.5, severity: 'critical' }],
  retrain: { auto: false, datasetId: null },
  notify: false,
});

const report = (
  id: string,
  index: number,
  source: 'log' | 'batch' = 'log',
): MonitorWindowReport => ({
  id,
  monitorId: 'm1',
  createdAt: 100 - index,
  source,
  modelVersionId: 'v',
  window: { index, from: 0, to: 0, n: 1 },
  columns: [],
  prediction: null,
  driftShare: 0,
  datasetDrift: false,
  performance: null,
  validationFailureRate: 0,
  fallbackRate: 0,
  rejected: 0,
  durationMs: 1,
});

const alert = (id: string, createdAt: number, monitorId = 'm1'): Alert => ({
  id,
  createdAt,
  source: { kind: 'monitor', monitorId, reportId: 'r', ruleId: 'x' },
  severity: 'warning',
  message: `alert ${id}`,
  value: 1,
  threshold: 0.5,
  acknowledgedAt: null,
});

describe('monitor repository', () => {
  useFreshDb();

  it('stores, lists by deployment newest first, and deletes a monitor with its reports', async () => {
    await putMonitor(monitor('m1', 'd1', 1));
    await putMonitor(monitor('m2', 'd1', 2));
    await putMonitor(monitor('m3', 'd2', 3));
    expect((await getMonitor('m1'))?.name).toBe('m1');
    expect((await getMonitor('m1'))?.columns).toEqual({ age: { test: 'psi', threshold: 0.2 } });
    expect((await listMonitors({ deploymentId: 'd1' })).map((m) => m.id)).toEqual(['m2', 'm1']);
    expect((await listMonitors()).map((m) => m.id)).toEqual(['m3', 'm2', 'm1']);
    await putMonitorReports([
      report('a', 2),
      report('b', 0),
      report('c', -1, 'batch'),
      report('d', 1),
    ]);
    expect((await listMonitorReports('m1')).map((r) => r.id)).toEqual(['b', 'd', 'a', 'c']);
    expect(await deleteMonitor('m1')).toEqual({ reports: 4 });
    expect(await getMonitor('m1')).toBeUndefined();
    expect(await listMonitorReports('m1')).toEqual([]);
  });

  it('refuses invalid settings and keeps what was stored', async () => {
    await putMonitor(monitor('m1', 'd1', 1));
    await expect(putMonitor({ ...monitor('m1', 'd1', 1), driftShare: 0 })).rejects.toThrow(
      InvalidArgumentError,
    );
    await expect(
      putMonitor({ ...monitor('m1', 'd1', 1), window: { kind: 'count', size: 0 } }),
    ).rejects.toThrow(/window.size/);
    expect((await getMonitor('m1'))?.driftShare).toBe(0.5);
  });
});

describe('alert repository', () => {
  useFreshDb();

  it('raises alerts with audit events, lists, counts and acknowledges once', async () => {
    await raiseAlerts([alert('a1', 1), alert('a2', 2), alert('a3', 3, 'm2')]);
    expect((await listAlerts()).map((a) => a.id)).toEqual(['a3', 'a2', 'a1']);
    expect((await listAlerts({ monitorId: 'm1' })).map((a) => a.id)).toEqual(['a2', 'a1']);
    expect(await countUnacknowledgedAlerts()).toBe(3);
    const acked = await acknowledgeAlert('a2', 50, 'local user');
    expect(acked.acknowledgedAt).toBe(50);
    expect((await acknowledgeAlert('a2', 60, 'local user')).acknowledgedAt).toBe(50);
    expect(await countUnacknowledgedAlerts()).toBe(2);
    expect((await listAlerts({ unacknowledged: true })).map((a) => a.id)).toEqual(['a3', 'a1']);
    const audit = await listAudit({ kind: 'alert.' });
    expect(audit.map((e) => [e.kind, e.subject])).toEqual([
      ['alert.acknowledged', 'a2'],
      ['alert.raised', 'a3'],
      ['alert.raised', 'a2'],
      ['alert.raised', 'a1'],
    ]);
    expect(audit[0]!.message).toBe('local user acknowledged: alert a2');
    await expect(acknowledgeAlert('nope', 1, 'x')).rejects.toThrow(NotFoundError);
  });

  it('raises an alert id once: raising it again adds nothing and keeps its acknowledgement', async () => {
    const id = monitorAlertId('m1:3', 'drift');
    expect(id).toBe('m1:3:drift');
    expect(await raiseAlerts([alert(id, 1)])).toHaveLength(1);
    await acknowledgeAlert(id, 5, 'local user');
    // A recomputed window raises the same alert (new time and value) and another one.
    const again = await raiseAlerts([
      { ...alert(id, 9), value: 2 },
      alert('m1:3:other', 9),
      alert('m1:3:other', 9),
    ]);
    expect(again.map((a) => a.id)).toEqual(['m1:3:other']);
    expect(await listAlerts()).toEqual([
      alert('m1:3:other', 9),
      { ...alert(id, 1), acknowledgedAt: 5 },
    ]);
    expect(await countUnacknowledgedAlerts()).toBe(1);
    expect((await listAudit({ kind: 'alert.raised' })).map((e) => e.subject)).toEqual([
      'm1:3:other',
      id,
    ]);
    expect(await raiseAlerts([alert(id, 10), alert('m1:3:other', 10)])).toEqual([]);
    expect(await listAudit({ kind: 'alert.' })).toHaveLength(3);
  });
});

describe('serving rejects', () => {
  useFreshDb();

  it('counts rejects of a deployment within a time span, inclusive', async () => {
    await recordRejects([
      { id: '1', deploymentId: 'd1', at: 10, rowKey: 'a', errors: ['x'] },
      { id: '2', deploymentId: 'd1', at: 20, rowKey: 'b', errors: ['x'] },
      { id: '3', deploymentId: 'd2', at: 15, rowKey: 'c', errors: ['x'] },
    ]);
    expect(await countRejects('d1', 10, 20)).toBe(2);
    expect(await countRejects('d1', 11, 20)).toBe(1);
    expect(await countRejects('d2', 0, 100)).toBe(1);
    expect(await countRejects('d1', 30, 20)).toBe(0);
  });
});
