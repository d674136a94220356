/**
 * The audit trail: an append-only list of {@link AuditEvent}s (alerts raised and acknowledged,
 * experiment decisions, retraining triggers, ...). Entries are only ever added; `seq` orders them.
 */
import type { AuditEvent } from '../contracts/entities';
import { InvalidArgumentError } from '../contracts/errors';
import { getDb } from './connection';
import { withStorageErrors } from './storage-errors';

/**
 * Appends one event.
 * @param event the event (without `seq`)
 * @returns the stored event with its `seq`
 * @throws {InvalidArgumentError} when kind, subject or message is empty
 * @throws {StorageFullError} when the browser has no space left
 * @example
 * await appendAudit({ at: Date.now(), kind: 'alert.raised', subject: 'a1', message: 'Drift share 0.6 > 0.5' })
 */
export async function appendAudit(event: Omit<AuditEvent, 'seq'>): Promise<AuditEvent> {
  for (const field of ['kind', 'subject', 'message'] as const) {
    if (typeof event[field] !== 'string' || event[field] === '') {
      throw new InvalidArgumentError(field, event[field], 'must be a non-empty string');
    }
  }
  const db = await getDb();
  const stored: AuditEvent = { ...event };
  delete stored.seq;
  const seq = await withStorageErrors('the audit trail', () => db.auditLog.add(stored));
  return { ...stored, seq };
}

/**
 * Lists audit events, newest first.
 * @param options at most `limit` events; only of `kind` (prefix match, e.g. `alert.`) or `subject`
 * @returns the events
 * @example
 * (await listAudit({ limit: 20, kind: 'alert.' })).map((e) => e.kind) // ['alert.acknowledged', 'alert.raised']
 */
export async function listAudit(
  options: { limit?: number; kind?: string; subject?: string } = {},
): Promise<AuditEvent[]> {
  const { limit = 200, kind, subject } = options;
  const db = await getDb();
  return db.auditLog
    .orderBy('seq')
    .reverse()
    .filter(
      (e) =>
        (kind === undefined || e.kind.startsWith(kind)) &&
        (subject === undefined || e.subject === subject),
    )
    .limit(limit)
    .toArray();
}
