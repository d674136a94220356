/**
 * The A/B tests view's model: experiments between versions of a deployment's model, their
 * traffic (replayed through the deployment, optionally with the workshop fault), results from
 * the worker (three views, SRM, series), the decision (promotion through the registry's gate
 * with the alias move recorded in the alias history, or stop and roll back) and the peeking lab.
 */
import type {
  AbDecision,
  AbExperiment,
  AbResults,
  AbTrafficFault,
  PeekingOptions,
  PeekingResult,
} from '../lib/contracts/ab';
import type { Deployment } from '../lib/contracts/entities';
import type { ReplayProgress } from '../lib/contracts/compute';
import * as db from '../lib/db';
import { checkExperiment } from '../lib/ab/check-experiment';
import { ACTOR } from './alerts.svelte';
import type { AppState } from './app.svelte';
import { ReplayRun } from './replay-run.svelte';
import { RegistryState } from './registry.svelte';

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

export class AbTestsState {
  experiments = $state<AbExperiment[]>([]);
  deployments = $state<Deployment[]>([]);
  selectedId = $state('');
  results = $state<AbResults | null>(null);
  computing = $state(false);
  readonly replays: ReplayRun;
  peeking = $state<PeekingResult | null>(null);
  peekingBusy = $state(false);
  error = $state<string | null>(null);
  notice = $state<string | null>(null);
  readonly registry: RegistryState;

  constructor(private readonly app: AppState) {
    this.registry = new RegistryState(app);
    this.replays = new ReplayRun(app.compute);
  }

  /** The running replay's progress and id (null when none runs). */
  get replay(): ReplayProgress | null {
    return this.replays.progress;
  }
  get replayId(): string | null {
    return this.replays.id;
  }

  get selected(): AbExperiment | undefined {
    return this.experiments.find((e) => e.id === this.selectedId) ?? this.experiments[0];
  }

  async load(): Promise<void> {
    const [experiments, deployments] = await Promise.all([
      db.listExperiments(),
      db.listDeployments(),
    ]);
    this.experiments = experiments;
    this.deployments = deployments;
  }

  /** The version a deployment's alias points to now (null when unset). */
  async holderOf(d: Deployment): Promise<string | null> {
    return (await db.getAlias(d.modelName, d.alias))?.versionId ?? null;
  }

  async select(id: string): Promise<void> {
    this.selectedId = id;
    this.results = null;
    await this.refreshResults();
  }

  /** Validates, stores and starts an experiment. */
  async create(experiment: AbExperiment): Promise<boolean> {
    this.error = null;
    try {
      checkExperiment(experiment);
      await db.putExperiment(experiment);
      await db.startExperiment(experiment.id);
      await db.appendAudit({
        at: Date.now(),
        kind: 'experiment.started',
        subject: experiment.id,
        message: `${experiment.name}: ${experiment.arms.map((a) => `${a.name} ${a.modelVersionId} ${Math.round(a.weight * 100)}%`).join(', ')}`,
      });
      this.notice = `Experiment “${experiment.name}” is running.`;
      await this.load();
      await this.select(experiment.id);
      return true;
    } catch (e) {
      this.error = messageOf(e);
      return false;
    }
  }

  async refreshResults(): Promise<void> {
    const exp = this.selected;
    if (!exp) return;
    this.computing = true;
    try {
      const out = await this.app.compute.call((api) => api.abResults(exp.id));
      if (out.ok) this.results = out.value;
      else this.error = out.error.message;
    } finally {
      this.computing = false;
    }
  }

  /** Replays a dataset version through the experiment's deployment, then recomputes results. */
  async replayTraffic(
    datasetVersionId: string,
    labelColumn: string,
    keyColumn: string,
    fault: AbTrafficFault | null,
    newUnits = false,
  ): Promise<void> {
    const exp = this.selected;
    if (!exp) return;
    this.error = null;
    try {
      const out = await this.replays.run((replayId) => ({
        deploymentId: exp.deploymentId,
        datasetVersionId,
        rate: 0,
        ...(labelColumn ? { labelColumn } : {}),
        ...(keyColumn ? { keyColumn } : {}),
        ...(fault ? { fault } : {}),
        // The same rows as new units (new visitors), so a replay adds to the experiment.
        ...(newUnits ? { keyPrefix: `${replayId.slice(0, 8)}:` } : {}),
      }));
      if (out.ok) {
        this.notice = `Replayed ${out.value.rows} rows; ${out.value.logged} logged${fault ? ` (fault: ${Math.round(fault.dropShare * 100)}% of ${fault.arm}'s units dropped)` : ''}.`;
      } else this.error = out.error.message;
    } finally {
      await this.refreshResults();
    }
  }

  private async record(exp: AbExperiment, decision: AbDecision): Promise<void> {
    await db.decideExperiment(exp.id, decision);
    await this.load();
  }

  /**
   * Promotes an arm's version: the deployment's alias moves through the promotion gate (a failed
   * gate needs `gateOverride`), with a reason naming the experiment, so the alias history records
   * it. While the sample ratio check fires, promotion needs `srmOverride`.
   */
  async promote(
    armName: string,
    reason: string,
    srmOverride: string,
    gateOverride: string,
  ): Promise<boolean> {
    this.error = null;
    const exp = this.selected;
    const arm = exp?.arms.find((a) => a.name === armName);
    const deployment = this.deployments.find((d) => d.id === exp?.deploymentId);
    if (!exp || !arm || !deployment) {
      this.error = 'Choose a running experiment and the arm to promote.';
      return false;
    }
    await this.refreshResults();
    const results = this.results;
    if (results?.srm?.mismatch && !srmOverride.trim()) {
      this.error =
        'The sample ratio check fires: the split is broken, so the results cannot be trusted. Fix the traffic, or give a reason to override.';
      return false;
    }
    const why = `A/B “${exp.name}”: promote arm ${arm.name}${reason.trim() ? ` — ${reason.trim()}` : ''}${srmOverride.trim() ? `; SRM overridden: ${srmOverride.trim()}` : ''}`;
    try {
      await this.registry.load(exp.modelName);
      const holder = this.registry.holder(deployment.alias);
      if (holder !== arm.modelVersionId) {
        const moved = await this.registry.move(
          deployment.alias,
          arm.modelVersionId,
          why,
          gateOverride || null,
        );
        if (!moved) {
          this.error = this.registry.error;
          return false;
        }
      }
      await this.record(exp, {
        at: Date.now(),
        action: 'promote',
        arm: arm.name,
        modelVersionId: arm.modelVersionId,
        reason: why,
        ...(srmOverride.trim() ? { srmOverride: srmOverride.trim() } : {}),
        stats: results ? ($state.snapshot(results) as AbResults) : null,
      });
      this.notice = `${deployment.alias} → ${arm.modelVersionId}; the experiment is decided.`;
      await this.app.refresh();
      return true;
    } catch (e) {
      this.error = messageOf(e);
      return false;
    }
  }

  /**
   * Stops the experiment; with `rollback` the alias goes back to the control arm's version
   * (recorded in the alias history) when it moved away from it.
   */
  async stop(reason: string, rollback: boolean): Promise<void> {
    this.error = null;
    const exp = this.selected;
    const deployment = this.deployments.find((d) => d.id === exp?.deploymentId);
    if (!exp || !deployment) return;
    if (!reason.trim()) {
      this.error = 'Say why the experiment stops.';
      return;
    }
    const control = exp.arms[0]!;
    const why = `A/B “${exp.name}”: ${rollback ? 'stopped and rolled back' : 'stopped'} — ${reason.trim()}`;
    try {
      await this.refreshResults();
      if (rollback) {
        const current = await db.getAlias(exp.modelName, deployment.alias);
        if (current?.versionId !== control.modelVersionId) {
          await db.moveAlias({
            modelName: exp.modelName,
            alias: deployment.alias,
            to: control.modelVersionId,
            reason: why,
            actor: ACTOR,
          });
        }
      }
      await this.record(exp, {
        at: Date.now(),
        action: rollback ? 'rollback' : 'stop',
        arm: rollback ? control.name : null,
        modelVersionId: rollback ? control.modelVersionId : null,
        reason: why,
        stats: this.results ? ($state.snapshot(this.results) as AbResults) : null,
      });
      this.notice = rollback
        ? `Stopped; ${deployment.alias} serves ${control.modelVersionId} (the control).`
        : 'Stopped; the alias holder answers all traffic again.';
    } catch (e) {
      this.error = messageOf(e);
    }
  }

  async runPeeking(options: PeekingOptions): Promise<void> {
    this.peekingBusy = true;
    this.error = null;
    try {
      const out = await this.app.compute.call((api) => api.peekingLab(options));
      if (out.ok) this.peeking = out.value;
      else this.error = out.error.message;
    } finally {
      this.peekingBusy = false;
    }
  }
}
