/**
 * The A/B experiment repository (issue 7): experiments (setup, status, decision) and reads of
 * their assignment log (prediction-log entries with `experimentId`, by the `[experimentId+at]`
 * index). At most one experiment per deployment runs at a time: starting checks it inside the
 * write transaction. A decision is stored with the experiment and appended to the audit trail.
 */
import type { AbDecision, AbExperiment } from '../contracts/ab';
import type { AuditEvent, PredictionLogEntry } from '../contracts/entities';
import { InvalidArgumentError, NotFoundError } from '../contracts/errors';
import { checkExperiment } from '../ab/check-experiment';
import { getDb } from './connection';
import { withStorageErrors } from './storage-errors';

/**
 * Stores (inserts or replaces, by `id`) an experiment after validating it.
 * @param experiment the experiment
 * @returns the stored experiment
 * @throws {InvalidArgumentError} naming the first invalid field ({@link checkExperiment})
 * @throws {StorageFullError} when the browser has no space left
 * @example
 * await putExperiment({ id: 'e1', name: 'v1 vs v2', status: 'draft', ... })
 */
export async function putExperiment(experiment: AbExperiment): Promise<AbExperiment> {
  checkExperiment(experiment);
  const db = await getDb();
  const stored = structuredClone(experiment);
  await withStorageErrors(`experiment "${experiment.name}"`, () => db.experiments.put(stored));
  return stored;
}

/**
 * Gets one experiment.
 * @param id the experiment id
 * @returns the experiment, or `undefined`
 * @example
 * (await getExperiment('e1'))?.status // 'running'
 */
export async function getExperiment(id: string): Promise<AbExperiment | undefined> {
  const db = await getDb();
  return db.experiments.get(id);
}

/**
 * Lists experiments, newest first.
 * @returns the experiments
 * @example
 * (await listExperiments()).map((e) => e.name) // ['v2 vs v3', 'v1 vs v2']
 */
export async function listExperiments(): Promise<AbExperiment[]> {
  const db = await getDb();
  return db.experiments.orderBy('createdAt').reverse().toArray();
}

/**
 * The running experiment of a deployment, if any (the serving path routes by it).
 * @param deploymentId the deployment
 * @returns the experiment, or `undefined`
 * @example
 * (await runningExperimentFor('d1'))?.arms.map((a) => a.name) // ['A', 'B']
 */
export async function runningExperimentFor(
  deploymentId: string,
): Promise<AbExperiment | undefined> {
  const db = await getDb();
  return db.experiments
    .where('deploymentId')
    .equals(deploymentId)
    .filter((e) => e.status === 'running')
    .first();
}

/**
 * Starts a draft (or stopped) experiment: status `running`, `startedAt` set.
 * @param id the experiment
 * @param at start time (default now)
 * @returns the started experiment
 * @throws {NotFoundError} when it does not exist
 * @throws {InvalidArgumentError} when it was decided, or another experiment already runs on
 *   the same deployment
 * @example
 * (await startExperiment('e1')).status // 'running'
 */
export async function startExperiment(id: string, at = Date.now()): Promise<AbExperiment> {
  const db = await getDb();
  return withStorageErrors('the experiments', () =>
    db.transaction('rw', db.experiments, async () => {
      const exp = await db.experiments.get(id);
      if (!exp) throw new NotFoundError('experiment', id);
      if (exp.status === 'running') return exp;
      if (exp.status === 'decided') {
        throw new InvalidArgumentError(
          `experiment "${exp.name}"`,
          exp.status,
          'was decided; create a new experiment',
        );
      }
      const other = await db.experiments
        .where('deploymentId')
        .equals(exp.deploymentId)
        .filter((e) => e.status === 'running' && e.id !== id)
        .first();
      if (other) {
        throw new InvalidArgumentError(
          'deployment',
          exp.deploymentId,
          `already runs experiment "${other.name}"; stop it first`,
        );
      }
      const started: AbExperiment = { ...exp, status: 'running', startedAt: exp.startedAt ?? at };
      await db.experiments.put(started);
      return started;
    }),
  );
}

/**
 * Records a decision: the experiment stops routing (status `decided`, or `stopped` for a plain
 * stop) and keeps the decision with its statistics; the audit trail gets an
 * `experiment.decided` event.
 * @param id the experiment
 * @param decision the decision
 * @returns the updated experiment and the audit event
 * @throws {NotFoundError} when it does not exist
 * @throws {InvalidArgumentError} when it was already decided or the reason is empty
 * @example
 * await decideExperiment('e1', { at: Date.now(), action: 'promote', arm: 'B', modelVersionId: 'm@2', reason: 'B wins', stats })
 */
export async function decideExperiment(
  id: string,
  decision: AbDecision,
): Promise<{ experiment: AbExperiment; audit: AuditEvent }> {
  if (!decision.reason.trim()) {
    throw new InvalidArgumentError('reason', decision.reason, 'say why the experiment ends');
  }
  const db = await getDb();
  return withStorageErrors('the experiments', () =>
    db.transaction('rw', [db.experiments, db.auditLog], async () => {
      const exp = await db.experiments.get(id);
      if (!exp) throw new NotFoundError('experiment', id);
      if (exp.decision) {
        throw new InvalidArgumentError(
          `experiment "${exp.name}"`,
          exp.decision.action,
          'already has a decision',
        );
      }
      const stored: AbExperiment = {
        ...exp,
        status: decision.action === 'stop' ? 'stopped' : 'decided',
        decision: structuredClone(decision),
      };
      await db.experiments.put(stored);
      const audit: AuditEvent = {
        at: decision.at,
        kind: 'experiment.decided',
        subject: id,
        message: `${exp.name}: ${decision.action}${decision.arm ? ` ${decision.arm} (${decision.modelVersionId})` : ''} — ${decision.reason}`,
        detail: {
          action: decision.action,
          arm: decision.arm,
          modelVersionId: decision.modelVersionId,
        },
      };
      const seq = await db.auditLog.add(audit);
      return { experiment: stored, audit: { ...audit, seq } };
    }),
  );
}

/**
 * Every log entry of an experiment, oldest first.
 * @param experimentId the experiment
 * @returns the entries
 * @example
 * (await listExperimentEntries('e1')).length // 2000
 */
export async function listExperimentEntries(experimentId: string): Promise<PredictionLogEntry[]> {
  const db = await getDb();
  return db.predictionLog
    .where('[experimentId+at]')
    .between([experimentId, -Infinity], [experimentId, Infinity], true, true)
    .toArray();
}
