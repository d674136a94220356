/**
 * Serving through a deployment (issue 5): validation, who answers (primary = the holder of the
 * deployment's alias, then the fallback chain), scoring, the shadow and the prediction log.
 *
 * Hot path (PERFORMANCE.md Q2, p50 ≤ 5 ms click to result):
 * - models are loaded once per artifact (predict-rows' cache); model versions and suites are
 *   immutable, so they are cached for the worker's life;
 * - the deployment and its alias holder are re-read (one read-only transaction, two gets by key,
 *   well under a millisecond) only when the cached resolution is older than
 *   {@link SERVING_FRESH_MS} (50 ms). A person clicking Serve therefore always sees the latest
 *   alias and deployment (edits made in the page or another tab, which this worker cannot be
 *   told about through the fixed contract), while bursts (replay, scripted calls) cost at most
 *   one small read per 50 ms. {@link invalidateServing} drops the cache at once;
 * - log entries are buffered and written in one relaxed transaction every
 *   {@link LOG_FLUSH_MS} ms or {@link LOG_FLUSH_ROWS} entries; {@link flushPredictionLog}
 *   awaits everything buffered (tests, and before anything reads the log in this worker);
 * - the shadow is scored after the answer is returned (it never delays or changes it); its
 *   entry is logged once the shadow finished (or failed: then the entry has no `shadow`).
 *
 * Invalid input with `validation: 'fallback'`: the fallback scores the row with every field
 * that failed validation treated as missing (filled with the training default), and the reason
 * says so. A responder whose scoring throws (artifact missing or corrupt, model fails to load,
 * a value it cannot encode) counts as failed, and the next one in the chain is tried.
 * Deployments have no rule responder (the contract has no field for one), so `rule` never
 * answers here.
 */
import type { InputRow, ServeResponse } from '../../src/lib/contracts/compute';
import type {
  Deployment,
  ExpectationSuite,
  InputSignature,
  LoggedOutput,
  ModelVersion,
  Prediction,
  PredictionLogEntry,
  ServingReject,
} from '../../src/lib/contracts/entities';
import { DataError, NotFoundError } from '../../src/lib/contracts/errors';
import {
  decideResponder,
  validateServingInput,
  type ServingIssue,
  type ServingValidation,
} from '../../src/lib/registry';
import type { AbExperiment } from '../../src/lib/contracts/ab';
import {
  appendPredictions,
  getModelVersion,
  getSuite,
  readServingState,
  recordRejects,
  runningExperimentFor,
} from '../../src/lib/db';
import { predictRows } from './predict-rows';
import { answerWithArms, tagEntry } from './ab-routing';

/** How long a resolved deployment (deployment + alias holder) is used without re-reading. */
export const SERVING_FRESH_MS = 50;
/** Buffered log entries are written after at most this many ms … */
export const LOG_FLUSH_MS = 50;
/** … or as soon as this many are buffered. */
export const LOG_FLUSH_ROWS = 200;
/** Entries kept for a retry when a log write fails (the oldest beyond are dropped). */
const MAX_RETAINED = 10_000;

/** A deployment resolved for serving. */
export interface ServingState {
  deployment: Deployment;
  /** The alias holder, null when the alias is not set. */
  primaryVersionId: string | null;
  /** Why the primary cannot answer before trying (alias not set, version missing). */
  primaryProblem: string | undefined;
  /** The signature inputs are validated against (the primary's, else the first fallback's). */
  signature: InputSignature | null;
  suite: ExpectationSuite | undefined;
  shadow: ModelVersion | null;
  /** Labels of the versions that may answer, primary first (for batch output columns). */
  labels: string[];
  /** The deployment's running A/B experiment (issue 7): its arms answer instead of the alias. */
  experiment: AbExperiment | null;
  key: string;
  checkedAt: number;
}

/** The answer to one row. */
export interface RowAnswer {
  responder: ServeResponse['responder'];
  prediction: Prediction | null;
  modelVersionId: string | null;
  reason: string;
  errors: ServingIssue[];
  warnings: ServingIssue[];
  /** The row as scored (invalid fields blanked for a fallback). */
  scored: InputRow;
  /** Class labels of the answering version, in probability order. */
  labels: string[];
}

const states = new Map<string, ServingState>();
const versions = new Map<string, Promise<ModelVersion | undefined>>();
const suites = new Map<string, Promise<ExpectationSuite | undefined>>();

/**
 * Drops cached deployment resolutions (one deployment, or all), so the next request re-reads
 * the deployment and its alias holder.
 * @param deploymentId the deployment; all when omitted
 */
export function invalidateServing(deploymentId?: string): void {
  if (deploymentId === undefined) states.clear();
  else states.delete(deploymentId);
}

/**
 * `read(id)` through `cache`. Not cached when missing: the record may be written later (e.g. a
 * model import).
 */
function cachedRead<T>(
  cache: Map<string, Promise<T | undefined>>,
  id: string,
  read: (id: string) => Promise<T | undefined>,
): Promise<T | undefined> {
  let found = cache.get(id);
  if (!found) {
    found = read(id);
    void found.then(
      (v) => v || cache.delete(id),
      () => cache.delete(id),
    );
    cache.set(id, found);
  }
  return found;
}

const versionOf = (id: string) => cachedRead(versions, id, getModelVersion);
const suiteOf = (id: string) => cachedRead(suites, id, getSuite);

/**
 * The deployment resolved for serving, from the cache when fresh (see the module doc).
 * @param deploymentId the deployment
 * @returns the resolution
 * @throws NotFoundError when the deployment or its expectation suite does not exist
 */
export async function resolveDeployment(deploymentId: string): Promise<ServingState> {
  const cached = states.get(deploymentId);
  const now = performance.now();
  if (cached && now - cached.checkedAt < SERVING_FRESH_MS) return cached;
  const [{ deployment, primaryVersionId }, running] = await Promise.all([
    readServingState(deploymentId),
    runningExperimentFor(deploymentId),
  ]);
  if (!deployment) {
    states.delete(deploymentId);
    throw new NotFoundError('deployment', deploymentId);
  }
  const experiment = running ?? null;
  const key = `${JSON.stringify(deployment)}\u0000${primaryVersionId ?? ''}\u0000${JSON.stringify(experiment)}`;
  if (cached && cached.key === key) {
    cached.checkedAt = now;
    return cached;
  }
  const primary = primaryVersionId ? await versionOf(primaryVersionId) : undefined;
  const fallbacks = await Promise.all(deployment.fallbackChain.map(versionOf));
  const shadow = deployment.shadowVersionId
    ? ((await versionOf(deployment.shadowVersionId)) ?? null)
    : null;
  let suite: ExpectationSuite | undefined;
  if (deployment.suiteId) {
    suite = await suiteOf(deployment.suiteId);
    if (!suite) throw new NotFoundError('expectation suite', deployment.suiteId);
  }
  const primaryProblem = !primaryVersionId
    ? `the alias "${deployment.alias}" of "${deployment.modelName}" is not set`
    : !primary
      ? `version ${primaryVersionId} is not registered`
      : undefined;
  const answering = [primary, ...fallbacks].filter((v): v is ModelVersion => v !== undefined);
  const labels: string[] = [];
  for (const v of answering) {
    for (const l of v.signature.target.labels ?? []) if (!labels.includes(l)) labels.push(l);
  }
  const state: ServingState = {
    deployment,
    primaryVersionId,
    primaryProblem,
    signature: answering[0]?.signature ?? null,
    suite,
    shadow,
    labels,
    experiment,
    key,
    checkedAt: now,
  };
  states.set(deploymentId, state);
  return state;
}

/** Validates a row for a deployment (no signature: nothing to validate against). */
export function validateFor(state: ServingState, row: InputRow): ServingValidation {
  if (!state.signature) return { ok: true, errors: [], warnings: [] };
  return validateServingInput(state.signature, row, state.suite);
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The row with every field that failed validation set to null (missing). */
function blankInvalid(row: InputRow, validation: ServingValidation): InputRow {
  if (typeof row !== 'object' || row === null) return row;
  // fromEntries / defineProperty create own data properties, so `__proto__` stays a field.
  const out = Object.fromEntries(Object.entries(row)) as InputRow;
  for (const e of validation.errors) {
    if (e.field === '') continue;
    Object.defineProperty(out, e.field, {
      value: null,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

async function score(
  versionId: string,
  rows: InputRow[],
): Promise<{ predictions: Prediction[]; labels: string[] }> {
  const version = await versionOf(versionId);
  if (!version) throw new NotFoundError('model version', versionId);
  const predictions = await predictRows(version.artifactId, versionId, rows);
  return { predictions, labels: version.signature.target.labels ?? [] };
}

/**
 * Answers rows through a deployment: valid and invalid rows are decided as two groups, each
 * scored in one batch per responder; a responder that throws is recorded as failed and the next
 * is tried; a group whose batch fails on a value is answered row by row.
 * @param state the resolved deployment
 * @param rows the inputs
 * @param validations their validations ({@link validateFor})
 * @returns one answer per row, in order
 */
export async function answerRows(
  state: ServingState,
  rows: readonly InputRow[],
  validations: readonly ServingValidation[],
): Promise<RowAnswer[]> {
  const out = new Array<RowAnswer>(rows.length);
  const valid: number[] = [];
  const invalid: number[] = [];
  validations.forEach((v, i) => (v.ok ? valid : invalid).push(i));
  for (const group of [valid, invalid]) {
    if (group.length === 0) continue;
    const answers = await answerGroup(state, rows, validations, group);
    group.forEach((i, k) => (out[i] = answers[k]!));
  }
  return out;
}

async function answerGroup(
  state: ServingState,
  rows: readonly InputRow[],
  validations: readonly ServingValidation[],
  group: readonly number[],
): Promise<RowAnswer[]> {
  const { deployment } = state;
  const first = validations[group[0]!]!;
  const isValid = first.ok;
  const input = group.map((i) => (isValid ? rows[i]! : blankInvalid(rows[i]!, validations[i]!)));
  let primaryError = isValid ? state.primaryProblem : undefined;
  const failedFallbacks: { modelVersionId: string; error: string }[] = [];
  const decide = (validation: ServingValidation) =>
    decideResponder({
      validation,
      primaryVersionId: state.primaryVersionId,
      ...(primaryError === undefined ? {} : { primaryError }),
      fallbackChain: deployment.fallbackChain,
      failedFallbacks,
      rules: null,
      onInvalid: deployment.validation === 'reject' ? 'reject' : 'fallback',
    });
  const reasonOf = (i: number, base: string): string => {
    const reason = isValid ? base : decide(validations[i]!).reason;
    return isValid ? reason : `${reason}; the invalid fields were treated as missing`;
  };
  for (;;) {
    const decision = decide(first);
    if (decision.responder === 'reject' || decision.responder === 'rule') {
      return group.map((i, k) => ({
        responder: 'reject',
        prediction: null,
        modelVersionId: null,
        reason: isValid ? decision.reason : decide(validations[i]!).reason,
        errors: validations[i]!.errors,
        warnings: validations[i]!.warnings,
        scored: input[k]!,
        labels: [],
      }));
    }
    const versionId = decision.modelVersionId!;
    try {
      const { predictions, labels } = await score(versionId, input);
      return group.map((i, k) => ({
        responder: decision.responder as 'primary' | 'fallback',
        prediction: predictions[k]!,
        modelVersionId: versionId,
        reason: reasonOf(i, decision.reason),
        errors: validations[i]!.errors,
        warnings: validations[i]!.warnings,
        scored: input[k]!,
        labels,
      }));
    } catch (e) {
      if (group.length > 1 && e instanceof DataError) {
        // One row's value broke the batch: answer each row on its own.
        const answers: RowAnswer[] = [];
        for (const i of group) answers.push(...(await answerGroup(state, rows, validations, [i])));
        return answers;
      }
      if (decision.responder === 'primary') primaryError = messageOf(e);
      else failedFallbacks.push({ modelVersionId: versionId, error: messageOf(e) });
    }
  }
}

/**
 * Scores rows with the deployment's shadow version; never throws.
 * @returns one output per row, or null when there is no shadow or it failed
 */
export async function scoreShadow(
  state: ServingState,
  rows: InputRow[],
): Promise<((LoggedOutput & { modelVersionId: string }) | null)[]> {
  const shadow = state.shadow;
  if (!shadow || rows.length === 0) return rows.map(() => null);
  try {
    const predictions = await predictRows(shadow.artifactId, shadow.id, rows);
    return predictions.map((p) => ({ ...loggedOutput(p), modelVersionId: shadow.id }));
  } catch {
    try {
      // One bad row must not cost the others their shadow.
      const each = await Promise.all(rows.map((r) => scoreShadow(state, [r])));
      return rows.length > 1 ? each.map((x) => x[0] ?? null) : [null];
    } catch {
      return rows.map(() => null);
    }
  }
}

/** The logged form of a prediction. */
export function loggedOutput(p: Prediction): LoggedOutput {
  const out: LoggedOutput = { label: p.label, value: p.value };
  if (p.probabilities) out.probabilities = p.probabilities;
  return out;
}

/**
 * The log entry of an answered row (not for rejections).
 * @returns the entry
 */
export function logEntryOf(
  deploymentId: string,
  answer: RowAnswer,
  inputs: InputRow,
  rowKey: string,
  at: number,
  latencyMs: number,
): PredictionLogEntry {
  const entry: PredictionLogEntry = {
    id: crypto.randomUUID(),
    deploymentId,
    at,
    rowKey,
    inputs,
    output: loggedOutput(answer.prediction!),
    modelVersionId: answer.modelVersionId!,
    responder: answer.responder as PredictionLogEntry['responder'],
    reason: answer.reason,
    latencyMs,
  };
  // Monitoring's validation-failure rate (issue 6).
  if (answer.errors.length > 0) entry.invalid = true;
  return entry;
}

/**
 * The record of a rejected request (issue 6: rejects are not logged, but monitoring counts them).
 * @returns the record
 */
export function rejectOf(
  deploymentId: string,
  answer: RowAnswer,
  rowKey: string,
  at: number,
): ServingReject {
  const errors = answer.errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message));
  return { id: crypto.randomUUID(), deploymentId, at, rowKey, errors };
}

/* Log buffer ---------------------------------------------------------------------------------- */

const buffer: PredictionLogEntry[] = [];
const pending = new Set<Promise<void>>();
let timer: ReturnType<typeof setTimeout> | null = null;
let writing: Promise<void> = Promise.resolve();

function enqueue(entry: PredictionLogEntry): void {
  buffer.push(entry);
  if (buffer.length >= LOG_FLUSH_ROWS) void flushPredictionLog().catch(() => undefined);
  else if (!timer) {
    timer = setTimeout(() => {
      timer = null;
      void flushPredictionLog().catch(() => undefined);
    }, LOG_FLUSH_MS);
  }
}

/**
 * Writes every buffered log entry (after the shadows still being scored). A failed write keeps
 * the entries for the next flush and rejects with the storage error.
 * @returns when everything served so far is in the store
 */
export async function flushPredictionLog(): Promise<void> {
  if (timer) {
    clearTimeout(timer);
    timer = null;
  }
  await Promise.all([...pending]);
  const run = writing.then(async () => {
    if (buffer.length === 0) return;
    const part = buffer.splice(0);
    try {
      await appendPredictions(part);
    } catch (e) {
      buffer.unshift(...part.slice(-MAX_RETAINED));
      if (buffer.length > MAX_RETAINED) buffer.splice(0, buffer.length - MAX_RETAINED);
      throw e;
    }
  });
  writing = run.catch(() => undefined);
  return run;
}

/* serve --------------------------------------------------------------------------------------- */

/**
 * Serves one row through a deployment.
 * @param deploymentId the deployment
 * @param row field → value
 * @param rowKey the unit key logged with the prediction (default: a generated id)
 * @returns the response (a rejection is a response with `ok: false`, not a throw)
 * @throws NotFoundError when the deployment (or its suite) does not exist
 */
export async function serve(
  deploymentId: string,
  row: InputRow,
  rowKey?: string,
): Promise<ServeResponse> {
  const started = performance.now();
  const state = await resolveDeployment(deploymentId);
  const validation = validateFor(state, row);
  const key = rowKey ?? crypto.randomUUID();
  const routed = await answerWithArms(state, [row], [validation], [key]);
  const a = routed.answers[0]!;
  const latencyMs = performance.now() - started;
  const response: ServeResponse = {
    ok: a.responder !== 'reject',
    prediction: a.prediction ? { ...a.prediction, latencyMs } : null,
    responder: a.responder,
    modelVersionId: a.modelVersionId,
    reason: a.reason,
    errors: a.errors,
    warnings: a.warnings,
    logId: null,
    latencyMs,
  };
  if (a.responder === 'reject') {
    // Best effort: a failed write of the reject record must not change the response.
    void recordRejects([rejectOf(deploymentId, a, key, Date.now())]).catch(() => undefined);
    return response;
  }
  const entry = tagEntry(
    logEntryOf(deploymentId, a, row, key, Date.now(), latencyMs),
    state.experiment,
    routed.arms[0] ?? null,
  );
  response.logId = entry.id;
  if (state.shadow) {
    const work = (async () => {
      const [shadow] = await scoreShadow(state, [a.scored]);
      if (shadow) entry.shadow = shadow;
      enqueue(entry);
    })();
    pending.add(work);
    void work.finally(() => pending.delete(work));
  } else {
    enqueue(entry);
  }
  return response;
}
