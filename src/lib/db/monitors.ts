/**
 * The monitor repository (issue 6): monitors of deployments and their window reports.
 */
import type { Monitor, MonitorWindowReport } from '../contracts/monitoring';
import { checkMonitor } from '../monitor/check-monitor';
import { getDb } from './connection';
import { newestFirst } from './newest-first';
import { withStorageErrors } from './storage-errors';

/**
 * Stores (inserts or replaces, by `id`) a monitor after checking its settings.
 * @param monitor the monitor
 * @returns the stored monitor (name trimmed)
 * @throws {InvalidArgumentError} for invalid settings (see `checkMonitor`)
 * @throws {StorageFullError} when the browser has no space left
 * @example
 * await putMonitor({ id: 'm1', name: 'web drift', deploymentId: 'd1', createdAt: Date.now(),
 *   window: { kind: 'count', size: 500 }, columns: {}, driftShare: 0.5, rules: [],
 *   retrain: { auto: false, datasetId: null }, notify: false });
 */
export async function putMonitor(monitor: Monitor): Promise<Monitor> {
  const stored: Monitor = { ...checkMonitor(monitor), name: monitor.name.trim() };
  const db = await getDb();
  await withStorageErrors(`monitor "${stored.name}"`, () => db.monitors.put(stored));
  return stored;
}

/**
 * Gets one monitor.
 * @param id the monitor id
 * @returns the monitor, or `undefined`
 * @example
 * (await getMonitor('m1'))?.window // { kind: 'count', size: 500 }
 */
export async function getMonitor(id: string): Promise<Monitor | undefined> {
  const db = await getDb();
  return db.monitors.get(id);
}

/**
 * Lists monitors, newest first; optionally of one deployment.
 * @param filter `deploymentId`: only monitors of this deployment
 * @returns the monitors
 * @example
 * (await listMonitors({ deploymentId: 'd1' })).map((m) => m.name) // ['web drift']
 */
export async function listMonitors(filter: { deploymentId?: string } = {}): Promise<Monitor[]> {
  const db = await getDb();
  const found =
    filter.deploymentId === undefined
      ? await db.monitors.toArray()
      : await db.monitors.where('deploymentId').equals(filter.deploymentId).toArray();
  return found.sort(newestFirst);
}

/**
 * Deletes a monitor and its reports in one transaction (its alerts stay: they are part of the
 * audit history).
 * @param id the monitor id
 * @returns how many reports were deleted
 * @throws {StorageFullError} when the browser has no space left
 * @example
 * await deleteMonitor('m1') // { reports: 12 }
 */
export async function deleteMonitor(id: string): Promise<{ reports: number }> {
  const db = await getDb();
  return withStorageErrors(`monitor "${id}"`, () =>
    db.transaction('rw', [db.monitors, db.monitorReports], async () => {
      const reports = await db.monitorReports.where('monitorId').equals(id).delete();
      await db.monitors.delete(id);
      return { reports };
    }),
  );
}

/**
 * Stores window reports (inserts or replaces by `id`) in one transaction.
 * @param reports the reports
 * @returns how many were written
 * @throws {StorageFullError} when the browser has no space left
 * @example
 * await putMonitorReports([report]) // 1
 */
export async function putMonitorReports(reports: readonly MonitorWindowReport[]): Promise<number> {
  if (reports.length === 0) return 0;
  const db = await getDb();
  await withStorageErrors('monitor reports', () =>
    db.transaction('rw', db.monitorReports, () => db.monitorReports.bulkPut([...reports])),
  );
  return reports.length;
}

/**
 * Lists a monitor's reports: log windows by window index, then batch checks by time.
 * @param monitorId the monitor
 * @returns the reports
 * @example
 * (await listMonitorReports('m1')).map((r) => r.window.index) // [0, 1, 2, -1]
 */
export async function listMonitorReports(monitorId: string): Promise<MonitorWindowReport[]> {
  const db = await getDb();
  const found = await db.monitorReports.where('monitorId').equals(monitorId).toArray();
  const rank = (r: MonitorWindowReport) => (r.source === 'log' ? 0 : 1);
  return found.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.source === 'log' ? a.window.index - b.window.index : a.createdAt - b.createdAt),
  );
}
