/**
 * Replay (issue 5): a stored dataset version sent through a deployment as traffic, filling its
 * prediction log.
 *
 * - Inputs: the columns the deployment's versions use (primary, fallbacks, shadow; every column
 *   but the label column when none is known); categories as their display text, numbers as
 *   numbers, datetimes as ISO text, missing values as null.
 * - Row key: the key column's display text, else (or when missing) the 1-based row number.
 * - Time (`at`): the time column's value (ms for datetimes, the number as it is otherwise), else
 *   (or when missing) `start + i × intervalMs` (defaults: now, 1000 ms).
 * - Label: the label column's value (text for categories, a number for numbers), when present.
 * - Pacing: row i is sent no earlier than `i / rate` s after the start (rate 0: as fast as
 *   possible, in batches of 512); rows that are due are scored together, as one batch.
 * - Progress about every 100 ms and once at the end; {@link cancelReplay} stops before the
 *   next batch, keeps every entry already logged, and the replay resolves with what was done.
 * - Rejected rows are not logged (`logged` < `rows` then); they are recorded as serving rejects
 *   (row number as key, synthetic time) for monitoring's validation-failure rate.
 */
import type { InputRow, ReplayProgress, ReplayRequest } from '../../src/lib/contracts/compute';
import type { ColumnSchema, PredictionLogEntry } from '../../src/lib/contracts/entities';
import { NotFoundError } from '../../src/lib/contracts/errors';
import { appendPredictions, getModelVersion, recordRejects } from '../../src/lib/db';
import { cellValue, loadTable } from './load-table';
import { growthbookHash, unitOf } from '../../src/lib/ab';
import { logEntryOf, rejectOf, resolveDeployment, scoreShadow, validateFor } from './serve';
import { answerWithArms, tagEntry } from './ab-routing';

const cancelled = new Set<string>();
const FAST_BATCH = 512;
const PROGRESS_MS = 100;

/** Stops a running replay after its current batch. */
export function cancelReplay(replayId: string): void {
  cancelled.add(replayId);
}

function columnIndexOf(schema: readonly ColumnSchema[], name: string, versionId: string): number {
  const j = schema.findIndex((c) => c.name === name);
  if (j < 0) throw new NotFoundError(`column of dataset version ${versionId}`, name);
  return j;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Replays a dataset version through a deployment.
 * @param request see {@link ReplayRequest}
 * @param onProgress progress about every 100 ms
 * @returns rows sent and entries logged
 * @throws NotFoundError for a missing deployment, dataset version or column
 */
export async function replay(
  request: ReplayRequest,
  onProgress: (p: ReplayProgress) => void,
): Promise<{ rows: number; logged: number }> {
  const { replayId, deploymentId } = request;
  cancelled.delete(replayId);
  try {
    const table = await loadTable(request.datasetVersionId);
    const { schema, rowCount } = table.version;
    const col = (name: string | undefined) =>
      name === undefined ? -1 : columnIndexOf(schema, name, request.datasetVersionId);
    const state = await resolveDeployment(deploymentId);
    // A/B (issue 7): the experiment's unit key and outcome columns, when the dataset has them.
    const exp = state.experiment;
    const has = (name: string | undefined) =>
      name !== undefined && schema.some((c) => c.name === name);
    const unitColumn = exp?.unitKey.kind === 'column' ? exp.unitKey.column : undefined;
    const outcomeColumn =
      request.outcomeColumn ??
      (exp?.primary.source.kind === 'column' ? exp.primary.source.column : undefined);
    const keyCol = col(request.keyColumn ?? (has(unitColumn) ? unitColumn : undefined));
    const labelCol = col(request.labelColumn);
    const timeCol = col(request.timeColumn);
    const outcomeCol = col(
      request.outcomeColumn ?? (has(outcomeColumn) ? outcomeColumn : undefined),
    );
    const fault = request.fault;
    const d = state.deployment;
    const ids = [state.primaryVersionId, ...d.fallbackChain, d.shadowVersionId];
    const used = new Set<string>();
    for (const id of ids) {
      const v = id ? await getModelVersion(id) : undefined;
      for (const f of v?.signature.inputs ?? []) used.add(f.name);
    }
    const inputCols = schema
      .map((c, j) => j)
      .filter((j) => (used.size > 0 ? used.has(schema[j]!.name) : j !== labelCol));
    const total = Math.max(0, Math.min(rowCount, request.limit ?? rowCount));
    const start = request.start ?? Date.now();
    const interval = request.intervalMs ?? 1000;
    const value = (j: number, r: number) => cellValue(schema[j]!, table.columns[j]![r]!);

    const t0 = performance.now();
    let done = 0;
    let logged = 0;
    let lastProgress = t0;
    const report = () =>
      onProgress({
        replayId,
        done,
        total,
        rowsPerSecond: done / Math.max((performance.now() - t0) / 1000, 1e-3),
      });
    while (done < total && !cancelled.has(replayId)) {
      let due: number;
      if (request.rate > 0) {
        const elapsed = performance.now() - t0;
        due = Math.min(total, Math.floor((elapsed * request.rate) / 1000) + 1);
        if (due <= done) {
          await sleep(Math.max(1, (done * 1000) / request.rate - elapsed));
          continue;
        }
        due = Math.min(due, done + FAST_BATCH * 8);
      } else {
        due = Math.min(total, done + FAST_BATCH);
      }
      const rows: InputRow[] = [];
      for (let r = done; r < due; r++) {
        const row: InputRow = {};
        for (const j of inputCols) {
          Object.defineProperty(row, schema[j]!.name, {
            value: value(j, r),
            enumerable: true,
            writable: true,
            configurable: true,
          });
        }
        rows.push(row);
      }
      const current = await resolveDeployment(deploymentId);
      const keys = rows.map((_, k) => {
        const key = keyCol >= 0 ? value(keyCol, done + k) : null;
        return `${request.keyPrefix ?? ''}${key === null ? String(done + k + 1) : String(key)}`;
      });
      const { answers, arms } = await answerWithArms(
        current,
        rows,
        rows.map((row) => validateFor(current, row)),
        keys,
      );
      const dropped = (k: number) => {
        // The workshop fault: a deterministic share of one arm's units never reaches the log.
        const arm = arms[k];
        if (!fault || !arm || arm.name !== fault.arm || !current.experiment) return false;
        const unit = unitOf(current.experiment.unitKey, rows[k], keys[k]!);
        return growthbookHash(`fault:${current.experiment.salt}`, unit)! < fault.dropShare;
      };
      const answered = answers.flatMap((a, k) => (a.prediction && !dropped(k) ? [k] : []));
      const shadows = await scoreShadow(
        current,
        answered.map((k) => answers[k]!.scored),
      );
      const entries: PredictionLogEntry[] = answered.map((k, n) => {
        const r = done + k;
        const time = timeCol >= 0 ? table.columns[timeCol]![r]! : NaN;
        const at =
          Number.isFinite(time) && schema[timeCol]?.encoding === 'f64'
            ? time
            : start + r * interval;
        const a = answers[k]!;
        const outcome = outcomeCol >= 0 ? value(outcomeCol, r) : null;
        const entry = tagEntry(
          logEntryOf(deploymentId, a, rows[k]!, keys[k]!, at, a.prediction!.latencyMs),
          current.experiment,
          arms[k] ?? null,
          typeof outcome === 'number' ? outcome : outcome === null ? null : Number(outcome),
        );
        const shadow = shadows[n];
        if (shadow) entry.shadow = shadow;
        const label = labelCol >= 0 ? value(labelCol, r) : null;
        if (label !== null) entry.label = label;
        return entry;
      });
      await appendPredictions(entries);
      // Rejected rows are not logged; monitoring counts them (issue 6).
      await recordRejects(
        answers.flatMap((a, k) =>
          a.prediction ? [] : [rejectOf(deploymentId, a, keys[k]!, start + (done + k) * interval)],
        ),
      );
      logged += entries.length;
      done = due;
      if (performance.now() - lastProgress >= PROGRESS_MS) {
        lastProgress = performance.now();
        report();
      }
    }
    report();
    return { rows: done, logged };
  } finally {
    cancelled.delete(replayId);
  }
}
