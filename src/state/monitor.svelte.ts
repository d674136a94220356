/**
 * The Monitor view's model: monitors of deployments (window, per-column tests and thresholds,
 * drift share, alert rules, notifications, retraining policy), running them in the worker, their
 * window reports, and the retraining trigger (champion's configuration on a newer dataset
 * version → `challenger` → comparison).
 */
import type { Deployment, ModelVersion, Run } from '../lib/contracts/entities';
import type { Alert, AlertRule, Monitor, MonitorWindowReport } from '../lib/contracts/monitoring';
import * as db from '../lib/db';
// Direct imports, not the lib/monitor index: the index reaches the drift tests' numerics, which
// belong in the worker, not in the app shell.
import {
  featureColumns,
  predictionColumn,
  type MonitoredColumn,
} from '../lib/monitor/monitored-columns';
import { ACTOR, alertsState } from './alerts.svelte';
import type { AppState } from './app.svelte';
import { openComparison } from './experiments.svelte';
import { retrainRequest } from './retrain';
import { TrainingSession } from './training.svelte';

/** Rules a new monitor starts with (editable). */
export function defaultRules(task: string | undefined): AlertRule[] {
  return [
    {
      id: crypto.randomUUID(),
      metric: 'driftShare',
      op: '>=',
      threshold: 0.5,
      severity: 'warning',
    },
    task === 'regression'
      ? {
          id: crypto.randomUUID(),
          metric: 'performance',
          performanceMetric: 'rmse',
          op: '>',
          threshold: 1,
          severity: 'critical',
        }
      : {
          id: crypto.randomUUID(),
          metric: 'performance',
          performanceMetric: 'accuracy',
          op: '<',
          threshold: 0.7,
          severity: 'critical',
        },
  ];
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The workshop example: real place drift in the Palmer penguins (public/examples/LICENSES.md). */
export const DRIFT_WORKSHOP = {
  name: 'Penguins drift workshop',
  description:
    'Palmer penguins (CC0) split by island: v1 = Dream and Torgersen (train on it); v2 = the same rows followed by Biscoe, where Gentoo penguins appear (replay it as traffic, retrain on it).',
  train: { fileName: 'penguins-drift-train.csv', url: '/examples/penguins-drift-train.csv' },
  biscoe: { fileName: 'penguins-drift-biscoe.csv', url: '/examples/penguins-drift-biscoe.csv' },
} as const;

export class MonitorState {
  deployments = $state<Deployment[]>([]);
  monitors = $state<Monitor[]>([]);
  selectedId = $state('');
  reports = $state<MonitorWindowReport[]>([]);
  /** The report shown in the drift table (default: the newest). */
  reportId = $state<string | null>(null);
  /** Columns of the selected monitor's deployment (its primary's signature + predictions). */
  columns = $state<MonitoredColumn[]>([]);
  primary = $state<ModelVersion | null>(null);
  running = $state(false);
  retraining = $state(false);
  error = $state<string | null>(null);
  notice = $state<string | null>(null);
  readonly alerts = alertsState();
  readonly session: TrainingSession;

  constructor(private readonly app: AppState) {
    this.session = new TrainingSession(app);
  }

  get selected(): Monitor | undefined {
    return this.monitors.find((m) => m.id === this.selectedId) ?? this.monitors[0];
  }

  get report(): MonitorWindowReport | undefined {
    return this.reports.find((r) => r.id === this.reportId) ?? this.reports.at(-1);
  }

  async load(): Promise<void> {
    try {
      [this.deployments, this.monitors] = await Promise.all([
        db.listDeployments(),
        db.listMonitors(),
      ]);
      await Promise.all([this.loadSelected(), this.alerts.refresh()]);
    } catch (e) {
      this.error = message(e);
    }
  }

  async select(id: string): Promise<void> {
    this.selectedId = id;
    this.reportId = null;
    await this.loadSelected();
  }

  async loadSelected(): Promise<void> {
    const m = this.selected;
    if (!m) {
      this.reports = [];
      this.columns = [];
      return;
    }
    this.reports = await db.listMonitorReports(m.id);
    this.primary = await this.primaryOf(m.deploymentId);
    this.columns = this.primary
      ? [...featureColumns(this.primary.signature), predictionColumn(this.primary.signature)]
      : [];
  }

  async primaryOf(deploymentId: string): Promise<ModelVersion | null> {
    const { primaryVersionId } = await db.readServingState(deploymentId);
    return primaryVersionId ? ((await db.getModelVersion(primaryVersionId)) ?? null) : null;
  }

  /** Imports the drift workshop: v1 = the home islands, v2 = v1 with Biscoe appended. */
  async loadWorkshop(): Promise<void> {
    this.error = null;
    const { name, description, train, biscoe } = DRIFT_WORKSHOP;
    const v1 = await this.app.import({ name, description, ...train });
    const v2 = v1 ? await this.app.import({ name, ...biscoe, appendTo: v1.datasetId }) : null;
    if (!v1 || !v2) {
      this.error = this.app.error ?? 'the workshop example could not be imported';
      return;
    }
    this.notice =
      `Imported “${name}”: v1 ${v1.rowCount} rows (train a Species model on it, register it as ` +
      `champion and deploy it), v2 ${v2.rowCount} rows (replay it on the Serve page with Species ` +
      `as the label column, then run a monitor with windows of 44 entries).`;
  }

  /** Creates a monitor of a deployment with defaults (STATS.md tests, rules on drift and quality). */
  async create(name: string, deploymentId: string, window: Monitor['window']): Promise<void> {
    this.error = null;
    try {
      const primary = await this.primaryOf(deploymentId);
      const monitor = await db.putMonitor({
        id: crypto.randomUUID(),
        name,
        deploymentId,
        createdAt: Date.now(),
        window,
        columns: {},
        driftShare: 0.5,
        rules: defaultRules(primary?.signature.target.task),
        retrain: { auto: false, datasetId: null },
        notify: false,
      });
      this.monitors = await db.listMonitors();
      await this.select(monitor.id);
      this.notice = `Monitor “${monitor.name}” created.`;
    } catch (e) {
      this.error = message(e);
    }
  }

  /** Saves edited settings of the selected monitor. */
  async save(monitor: Monitor): Promise<boolean> {
    this.error = null;
    try {
      await db.putMonitor(monitor);
      this.monitors = await db.listMonitors();
      this.notice = `Saved “${monitor.name}”.`;
      return true;
    } catch (e) {
      this.error = message(e);
      return false;
    }
  }

  async remove(id: string): Promise<void> {
    try {
      await db.deleteMonitor(id);
      this.monitors = await db.listMonitors();
      this.selectedId = '';
      await this.loadSelected();
    } catch (e) {
      this.error = message(e);
    }
  }

  /** Runs the selected monitor over the log (only new windows unless `recompute`). */
  async run(recompute = false): Promise<void> {
    const m = this.selected;
    if (!m) return;
    this.running = true;
    this.error = null;
    this.notice = null;
    try {
      const out = await this.app.compute.call((api) => api.runMonitor(m.id, { recompute }));
      if (!out.ok) {
        this.error = out.error.message;
        return;
      }
      const { reports, alerts, windows, open } = out.value;
      this.notice =
        `${reports.length} new window report${reports.length === 1 ? '' : 's'} ` +
        `(${windows} window${windows === 1 ? '' : 's'} in the log, ${open} still open); ` +
        `${alerts.length} alert${alerts.length === 1 ? '' : 's'} raised.`;
      this.reportId = null;
      await this.afterAlerts(m, alerts);
    } catch (e) {
      this.error = message(e);
    } finally {
      this.running = false;
    }
  }

  /** Checks a stored dataset version as one batch. */
  async checkBatch(datasetVersionId: string): Promise<void> {
    const m = this.selected;
    if (!m || !datasetVersionId) return;
    this.running = true;
    this.error = null;
    try {
      const out = await this.app.compute.call((api) =>
        api.checkMonitorBatch(m.id, datasetVersionId),
      );
      if (!out.ok) {
        this.error = out.error.message;
        return;
      }
      this.notice = `Batch checked: ${out.value.report.window.n} rows; ${out.value.alerts.length} alert${out.value.alerts.length === 1 ? '' : 's'} raised.`;
      this.reportId = out.value.report.id;
      await this.afterAlerts(m, out.value.alerts);
    } catch (e) {
      this.error = message(e);
    } finally {
      this.running = false;
    }
  }

  private async afterAlerts(m: Monitor, alerts: Alert[]): Promise<void> {
    await Promise.all([this.loadSelected(), this.alerts.refresh()]);
    if (m.notify) this.alerts.notify(alerts);
    // The automatic retraining policy: runs here, after a run or batch check started on this
    // page (monitors only run on request), on alerts raised for the first time (alerts are
    // idempotent per window and rule, so recomputing windows does not retrain again).
    if (alerts.length > 0 && m.retrain.auto && m.retrain.datasetId) {
      // The newest version from the store, not the page's dataset list (which may be stale).
      const newest = (await db.listVersions(m.retrain.datasetId))[0];
      if (!newest) {
        this.error =
          `The retraining policy of “${m.name}” found no version of its dataset ` +
          `${m.retrain.datasetId}; choose another retraining dataset in its settings.`;
        return;
      }
      await db.appendAudit({
        at: Date.now(),
        kind: 'retrain.triggered',
        subject: m.id,
        message: `Automatic retraining policy of “${m.name}”: ${alerts[0]!.message}`,
      });
      await this.retrain(m, newest.id, alerts[0]!);
    }
  }

  /**
   * The retraining trigger: retrains the champion's configuration (of the monitored deployment's
   * model) on a dataset version, registers the result as the next version, points `challenger`
   * at it and opens the comparison of the two runs in Experiments.
   */
  async retrain(m: Monitor, datasetVersionId: string, alert: Alert | null): Promise<boolean> {
    this.error = null;
    this.retraining = true;
    try {
      const deployment = await db.getDeployment(m.deploymentId);
      if (!deployment) throw new Error(`the deployment of “${m.name}” no longer exists`);
      const holder =
        (await db.getAlias(deployment.modelName, 'champion'))?.versionId ??
        (await db.readServingState(deployment.id)).primaryVersionId;
      const champion = holder ? await db.getModelVersion(holder) : undefined;
      if (!champion) {
        throw new Error(
          `${deployment.modelName} has no champion to retrain; set it in the Registry`,
        );
      }
      const championRun: Run | undefined = await db.getRun(champion.runId);
      if (!championRun) throw new Error(`the run of ${champion.id} is missing`);
      const run = await this.session.start(retrainRequest(championRun, datasetVersionId));
      if (!run || run.status !== 'completed') {
        throw new Error(this.session.error ?? 'the retraining run did not complete');
      }
      const why = alert ? `retrained after alert: ${alert.message}` : 'retrained from Monitor';
      const version = await this.app.register(run, champion.name, why);
      await db.moveAlias({
        modelName: champion.name,
        alias: 'challenger',
        to: version.id,
        reason: `${why} (configuration of ${champion.id}, data ${this.app.datasetName(datasetVersionId)})`,
        actor: ACTOR,
      });
      await db.appendAudit({
        at: Date.now(),
        kind: 'retrain.registered',
        subject: alert?.id ?? m.id,
        message: `${version.id} registered as challenger (retrained ${champion.id}'s configuration)`,
        detail: { monitorId: m.id, championRun: championRun.id, run: run.id, datasetVersionId },
      });
      this.notice = `${version.id} is the challenger.`;
      openComparison([championRun.id, run.id]);
      location.hash = '#/experiments';
      return true;
    } catch (e) {
      this.error = message(e);
      return false;
    } finally {
      this.retraining = false;
    }
  }
}
