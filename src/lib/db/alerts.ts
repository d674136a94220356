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

function auditOf(a: Alert): AuditEvent {
  return {
    at: a.createdAt,
    kind: 'alert.raised',
    subject: a.id,
    message: `${a.severity} alert: ${a.message}`,
    detail: { source: a.source, value: a.value, threshold: a.threshold },
  };
}

/**
 * Stores new alerts and one `alert.raised` audit event per alert, atomically. Idempotent by id:
 * an alert whose id is already stored is skipped (no second alert, no second audit event, and the
 * stored one keeps its acknowledgement, time, value and message), so a caller that derives ids
 * from what the alert is about (a monitor's window and rule, see {@link monitorAlertId}) can
 * raise the same alert again without duplicating it.
 * @param alerts the alerts (unacknowledged)
 * @returns the alerts stored by this call (those whose ids were new)
 * @throws {StorageFullError} when the browser has no space left
 * @example
 * await raiseAlerts([{ id: 'a1', createdAt: Date.now(), source: { kind: 'monitor', monitorId: 'm1',
 *   reportId: 'r1', ruleId: 'x' }, severity: 'critical', message: 'window 3: drift share 0.8 ≥ 0.5',
 *   value: 0.8, threshold: 0.5, acknowledgedAt: null }])
 */
export async function raiseAlerts(alerts: readonly Alert[]): Promise<Alert[]> {
  if (alerts.length === 0) return [];
  const db = await getDb();
  return withStorageErrors('alerts', () =>
    db.transaction('rw', [db.alerts, db.auditLog], async () => {
      const stored = await db.alerts.bulkGet(alerts.map((a) => a.id));
      const seen = new Set<string>();
      const fresh = alerts.filter((a, i) => {
        if (stored[i] !== undefined || seen.has(a.id)) return false;
        seen.add(a.id);
        return true;
      });
      if (fresh.length === 0) return [];
      await db.alerts.bulkAdd(fresh);
      await db.auditLog.bulkAdd(fresh.map(auditOf));
      return fresh;
    }),
  );
}

/**
 * The id of the alert a monitor rule raises on a window report: one alert per (monitor, window,
 * rule). Log window reports have stable ids (`monitorId:windowIndex`), so recomputing a window
 * raises the same id; each batch check's report has its own id, so each check alerts anew.
 * @param reportId the window report's id
 * @param ruleId the rule's id
 * @returns the alert id
 * @example
 * monitorAlertId('m1:3', 'drift') // 'm1:3:drift'
 */
export function monitorAlertId(reportId: string, ruleId: string): string {
  return `${reportId}:${ruleId}`;
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
