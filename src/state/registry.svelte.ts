/**
 * The Registry view's model: versions of one model, its aliases and their hash-chained history,
 * promotion through a gate (with a recorded override), one-click rollback, model cards and
 * model export/import.
 */
import type {
  AliasEvent,
  GateResult,
  GateRule,
  ModelAlias,
  ModelVersion,
  Run,
} from '../lib/contracts/entities';
import * as db from '../lib/db';
import {
  buildModelCard,
  evaluateGate,
  holderAt,
  modelCardHtml,
  modelCardMarkdown,
  previousHolder,
} from '../lib/registry';
import { ACTOR } from './alerts.svelte';
import type { AppState } from './app.svelte';

export function defaultGate(run: Run | undefined): GateRule[] {
  return [
    run?.task === 'regression'
      ? { metric: 'rmse', minAbsoluteImprovement: 0.001 }
      : { metric: 'accuracy', minAbsoluteImprovement: 0.001 },
  ];
}

export class RegistryState {
  modelName = $state('');
  aliases = $state<ModelAlias[]>([]);
  events = $state<AliasEvent[]>([]);
  chain = $state<{ ok: boolean; brokenAt?: number; reason?: string } | null>(null);
  gate = $state<GateResult | null>(null);
  rules = $state<GateRule[]>([]);
  error = $state<string | null>(null);
  notice = $state<string | null>(null);

  constructor(private readonly app: AppState) {}

  get versions(): ModelVersion[] {
    return this.app.models.filter((m) => m.name === this.modelName);
  }

  async load(name: string): Promise<void> {
    // The last gate result stays visible after a move of the same model; another model clears it.
    if (name !== this.modelName) this.gate = null;
    this.modelName = name;
    const aliases = await db.listAliases(name);
    const events = (
      await Promise.all(
        ['champion', 'challenger', ...aliases.map((a) => a.alias)]
          .filter((a, i, all) => all.indexOf(a) === i)
          .map((a) => db.aliasHistory(name, a)),
      )
    ).flat();
    events.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
    if (name !== this.modelName) return;
    this.aliases = aliases;
    this.events = events;
    this.chain = await db.verifyAliasChain(name);
  }

  holder(alias: string): string | null {
    return this.aliases.find((a) => a.alias === alias)?.versionId ?? null;
  }

  /** Checks the gate for moving `alias` to `candidate` (only `champion` is gated). */
  async check(alias: string, candidate: ModelVersion): Promise<GateResult | null> {
    this.error = null;
    if (alias !== 'champion') return (this.gate = null);
    const current = this.holder('champion');
    const [candRun, champRun] = await Promise.all([
      db.getRun(candidate.runId),
      current
        ? db.getModelVersion(current).then((v) => (v ? db.getRun(v.runId) : undefined))
        : undefined,
    ]);
    if (!candRun?.evaluation) {
      this.error = `${candidate.id} has no stored evaluation to gate on; re-train it to get one.`;
      return null;
    }
    if (this.rules.length === 0) this.rules = defaultGate(candRun);
    try {
      this.gate = evaluateGate(
        $state.snapshot(this.rules) as GateRule[],
        candRun.evaluation,
        champRun?.evaluation ?? null,
      );
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
      this.gate = null;
    }
    return this.gate;
  }

  /** Moves an alias; a failed gate blocks the move unless an override reason is given. */
  async move(
    alias: string,
    to: string,
    reason: string,
    override: string | null = null,
  ): Promise<boolean> {
    this.error = null;
    const target = this.versions.find((v) => v.id === to);
    if (!target) {
      this.error = `version ${to} is not a version of ${this.modelName}`;
      return false;
    }
    if (alias === 'champion') {
      const gate = await this.check(alias, target);
      if (!gate) return false;
      if (!gate.passed && !override?.trim()) {
        this.error =
          'The promotion gate failed. Give a reason to override it, or keep the current champion.';
        return false;
      }
    }
    const why = [
      reason.trim() || `move ${alias} to ${to}`,
      override?.trim() ? `gate overridden: ${override.trim()}` : '',
      this.gate && alias === 'champion' ? `gate ${this.gate.passed ? 'passed' : 'failed'}` : '',
    ]
      .filter(Boolean)
      .join('; ');
    try {
      await db.moveAlias({ modelName: this.modelName, alias, to, reason: why, actor: ACTOR });
      this.notice = `${alias} → ${to}`;
      await this.load(this.modelName);
      return true;
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
      return false;
    }
  }

  /** One-click rollback: the alias goes back to the version that held it before. */
  async rollback(alias: string): Promise<void> {
    const prev = previousHolder($state.snapshot(this.events) as AliasEvent[], alias);
    if (!prev) {
      this.error = `${alias} has no earlier holder to roll back to.`;
      return;
    }
    try {
      await db.moveAlias({
        modelName: this.modelName,
        alias,
        to: prev,
        reason: `rollback to ${prev}`,
        actor: ACTOR,
      });
      this.notice = `${alias} rolled back to ${prev}`;
      await this.load(this.modelName);
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
    }
  }

  holderOn(alias: string, time: number): string | null {
    return holderAt($state.snapshot(this.events) as AliasEvent[], alias, time);
  }

  async card(version: ModelVersion, limitations: string, intendedUse: string) {
    const run = await db.getRun(version.runId);
    if (!run) throw new Error(`the run ${version.runId} behind ${version.id} is missing`);
    const card = buildModelCard({
      version,
      run,
      evaluation: run.evaluation ?? null,
      datasetName: this.app.datasetName(version.datasetVersionId),
      limitations,
      intendedUse,
    });
    return { card, markdown: modelCardMarkdown(card), html: modelCardHtml(card) };
  }

  async exportModel(version: ModelVersion): Promise<{ fileName: string; blob: Blob } | null> {
    const out = await this.app.compute.call((api) => api.exportModel(version.id));
    if (!out.ok) {
      this.error = out.error.message;
      return null;
    }
    const blob = new Blob([out.value.bytes as BlobPart], { type: 'application/json' });
    return { fileName: out.value.fileName, blob };
  }

  async importModel(name: string, file: File): Promise<void> {
    this.error = null;
    const out = await this.app.compute.call((api) => api.importModel(name, file, file.name));
    if (!out.ok) {
      this.error = out.error.message;
      return;
    }
    this.notice = `Imported ${out.value.id}`;
    await this.app.refresh();
  }
}
