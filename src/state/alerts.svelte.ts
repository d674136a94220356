/**
 * The alerts the header badge counts and the Monitor view lists, shared by both (one instance
 * per page), with browser notifications for newly raised alerts when the user allowed them.
 */
import type { Alert } from '../lib/contracts/monitoring';
import * as db from '../lib/db';

/** Who acts in this browser, as alias events and alert acknowledgements record it. */
export const ACTOR = 'local user';

export class AlertsState {
  alerts = $state<Alert[]>([]);
  unacknowledged = $derived(this.alerts.filter((a) => a.acknowledgedAt === null).length);
  error = $state<string | null>(null);

  async refresh(): Promise<void> {
    try {
      this.alerts = await db.listAlerts();
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
    }
  }

  async acknowledge(id: string): Promise<void> {
    try {
      await db.acknowledgeAlert(id, Date.now(), ACTOR);
      await this.refresh();
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
    }
  }

  /** Shows browser notifications for new alerts, when the page may (never asks by itself). */
  notify(alerts: readonly Alert[]): void {
    if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
    for (const a of alerts.slice(0, 5)) {
      try {
        new Notification(`Benchtop ${a.severity} alert`, { body: a.message, tag: a.id });
      } catch {
        // Some browsers only allow notifications from a service worker; the in-app list remains.
      }
    }
  }
}

let instance: AlertsState | null = null;

/** The one AlertsState of the page. */
export function alertsState(): AlertsState {
  instance ??= new AlertsState();
  return instance;
}
