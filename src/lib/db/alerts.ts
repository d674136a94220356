/**
 * The alert repository (issue 6): alerts raised by monitor rules (and other sources), listed in
 * the app and acknowledged there. Raising and acknowledging also append to the audit trail, in
 * the same transaction, so an alert never exists without its audit event.
 */
import type { AuditEvent } from '../contracts/entities';
import { NotFoundError } from '../contracts/errors';
import type { Alert } from '../contracts/monitoring';
import { getDb } from './connection';
import { withStorageErrors } from './storage-errors';

/**
 * Stores new alerts and one `alert.raised` audit event per alert, atomically.
 * @param alerts the alerts (unacknowledged)
 * @returns the stored alerts
 * @throws {StorageFullError} when the browser has no space left
 * @example
 * await raiseAlerts([{ id: 'a1', createdAt: Date.now(), source: { kind: 'monitor', monitorId: 'm1',
 *   reportId: 'r1', ruleId: 'x' }, severity: 'critical', message: 'window 3: drift share 0.8 ≥ 0.5',
 *   value: 0.8, threshold: 0.5, acknowledgedAt: null }])
 */
export async function raiseAlerts(alerts: readonly Alert[]): Promise<Alert[]> {
  if (alerts.length === 0) return [];
  const db = await getDb();
  const events: AuditEvent[] = alerts.map((a) => ({
    at: a.createdAt,
    kind: 'alert.raised',
    subject: a.id,
    message: `${a.severity} alert: ${a.message}`,
    detail: { source: a.source, value: a.value, threshold: a.threshold },
  }));
  await withStorageErrors('alerts', () =>
    db.transaction('rw', [db.alerts, db.auditLog], async () => {
      await db.alerts.bulkPut([...alerts]);
      await db.auditLog.bulkAdd(events);
    }),
  );
  return [...alerts];
}

/**
 * Lists alerts, newest first.
 * @param filter `unacknowledged`: only those not acknowledged yet; `monitorId`: only of one monitor
 * @returns the alerts
 * @example
 * (await listAlerts({ unacknowledged: true })).length // 2
 */
export async function listAlerts(
  filter: { unacknowledged?: boolean; monitorId?: string } = {},
): Promise<Alert[]> {
  const db = await getDb();
  const all = await db.alerts.orderBy('createdAt').reverse().toArray();
  return all.filter(
    (a) =>
      (!filter.unacknowledged || a.acknowledgedAt === null) &&
      (filter.monitorId === undefined ||
        (a.source.kind === 'monitor' && a.source.monitorId === filter.monitorId)),
  );
}

/**
 * Counts alerts not acknowledged yet (the header badge).
 * @returns the count
 * @example
 * await countUnacknowledgedAlerts() // 2
 */
export async function countUnacknowledgedAlerts(): Promise<number> {
  const db = await getDb();
  return db.alerts.filter((a) => a.acknowledgedAt === null).count();
}

/**
 * Acknowledges an alert (once: acknowledging again keeps the first time) and records an
 * `alert.acknowledged` audit event, atomically.
 * @param id the alert id
 * @param at when (ms)
 * @param actor who acknowledged it
 * @returns the updated alert
 * @throws {NotFoundError} when no alert has this id
 * @throws {StorageFullError} when the browser has no space left
 * @example
 * (await acknowledgeAlert('a1', Date.now(), 'local user')).acknowledgedAt // 1732300000000
 */
export async function acknowledgeAlert(id: string, at: number, actor: string): Promise<Alert> {
  const db = await getDb();
  return withStorageErrors('alerts', () =>
    db.transaction('rw', [db.alerts, db.auditLog], async () => {
      const alert = await db.alerts.get(id);
      if (!alert) throw new NotFoundError('alert', id);
      if (alert.acknowledgedAt !== null) return alert;
      const updated: Alert = { ...alert, acknowledgedAt: at };
      await db.alerts.put(updated);
      await db.auditLog.add({
        at,
        kind: 'alert.acknowledged',
        subject: id,
        message: `${actor} acknowledged: ${alert.message}`,
      });
      return updated;
    }),
  );
}
