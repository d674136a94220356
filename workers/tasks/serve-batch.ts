/**
 * Batch serving (issue 5): every row of an uploaded delimited file through a deployment's
 * decision path (vectorised per responder group), logged, and returned as CSV: the input
 * columns, then `prediction`, `probability_<label>` per class label of the versions that may
 * answer (primary first), `responder`, `model_version` and `reason`. A name that collides with
 * an input column gets a `_2` (`_3`, …) suffix. Every cell is guarded against spreadsheet
 * formula injection (RELIABILITY.md X4, see `serve-file.ts`). Rejected rows keep their inputs,
 * with empty outputs, responder `reject` and the reason.
 */
import type { InputRow } from '../../src/lib/contracts/compute';
import type { PredictionLogEntry } from '../../src/lib/contracts/entities';
import { appendPredictions } from '../../src/lib/db';
import { latencySummary } from '../../src/lib/registry';
import { readDelimitedFile, toCsv } from './serve-file';
import { logEntryOf, resolveDeployment, scoreShadow, validateFor } from './serve';
import { answerWithArms, tagEntry } from './ab-routing';

/** Result of {@link serveBatch} (ComputeApi.serveBatch). */
export interface BatchResult {
  csv: string;
  rows: number;
  rejected: number;
  latency: { p50: number | null; p95: number | null };
}

function uniqueNames(taken: readonly string[], wanted: readonly string[]): string[] {
  const used = new Set(taken);
  return wanted.map((name) => {
    let out = name;
    for (let k = 2; used.has(out); k++) out = `${name}_${k}`;
    used.add(out);
    return out;
  });
}

/**
 * Scores a file through a deployment.
 * @param deploymentId the deployment
 * @param file the file (CSV, TSV, `;` or `|` separated, with a header)
 * @param fileName for messages
 * @returns the CSV, row and rejection counts and per-row latency percentiles (answered rows)
 * @throws DataError when the file is malformed; NotFoundError for a missing deployment
 */
export async function serveBatch(
  deploymentId: string,
  file: Blob,
  fileName: string,
): Promise<BatchResult> {
  const table = await readDelimitedFile(file, fileName);
  const { header, columns, rowCount } = table;
  const rows: InputRow[] = [];
  for (let i = 0; i < rowCount; i++) {
    const row: InputRow = {};
    header.forEach((name, j) =>
      Object.defineProperty(row, name, {
        value: columns[j]![i]!,
        enumerable: true,
        writable: true,
        configurable: true,
      }),
    );
    rows.push(row);
  }
  const state = await resolveDeployment(deploymentId);
  const keys = rows.map(() => crypto.randomUUID());
  const { answers, arms } = await answerWithArms(
    state,
    rows,
    rows.map((r) => validateFor(state, r)),
    keys,
  );
  // A/B (issue 7): the running experiment's primary outcome column, when the file has it.
  const source = state.experiment?.primary.source;
  const outcomeCol = source?.kind === 'column' ? header.indexOf(source.column) : -1;
  const answered = answers.flatMap((a, i) => (a.prediction ? [i] : []));
  const shadows = await scoreShadow(
    state,
    answered.map((i) => answers[i]!.scored),
  );
  const at = Date.now();
  const entries: PredictionLogEntry[] = answered.map((i, k) => {
    const a = answers[i]!;
    const raw = outcomeCol >= 0 ? columns[outcomeCol]![i] : null;
    const entry = tagEntry(
      logEntryOf(deploymentId, a, rows[i]!, keys[i]!, at, a.prediction!.latencyMs),
      state.experiment,
      arms[i] ?? null,
      raw === null || raw === undefined || raw === '' ? null : Number(raw),
    );
    const shadow = shadows[k];
    if (shadow) entry.shadow = shadow;
    return entry;
  });
  await appendPredictions(entries);

  const labels = state.labels;
  const outputs = uniqueNames(header, [
    'prediction',
    ...labels.map((l) => `probability_${l}`),
    'responder',
    'model_version',
    'reason',
  ]);
  const body = answers.map((a, i) => {
    const cells: (string | number | null)[] = header.map((_, j) => columns[j]![i]!);
    const p = a.prediction;
    cells.push(p ? p.label : null);
    for (const label of labels) {
      const k = a.labels.indexOf(label);
      cells.push(p?.probabilities && k >= 0 ? (p.probabilities[k] ?? null) : null);
    }
    cells.push(a.responder, a.modelVersionId, a.reason);
    return cells;
  });
  const { p50, p95 } = latencySummary(entries.map((e) => e.latencyMs));
  return {
    csv: toCsv([...header, ...outputs], body),
    rows: rowCount,
    rejected: rowCount - answered.length,
    latency: { p50, p95 },
  };
}
