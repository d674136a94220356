/**
 * Model performance in a window, from the labelled log entries: the training issue's metrics
 * (`evaluateClassifier` / `evaluateRegressor`) with seeded percentile bootstrap 95% intervals.
 */
import type { PredictionLogEntry, Task } from '../contracts/entities';
import type { WindowPerformance } from '../contracts/monitoring';
import { evaluateClassifier } from '../metrics/evaluate-classifier';
import { evaluateRegressor } from '../metrics/evaluate-regressor';
import { createRng } from '../stats/rng';

/** Options of {@link windowPerformance}. */
export interface WindowPerformanceOptions {
  /** Seed of the bootstrap (the same window and seed give the same intervals). */
  seed: number;
  /** Bootstrap resamples (default 1,000). */
  iterations?: number;
}

/** The fields of a log entry that performance reads. */
export type LabelledEntry = Pick<PredictionLogEntry, 'output' | 'label' | 'modelVersionId'>;

/**
 * Performance of a window's labelled entries. Classifiers: each entry's probabilities are placed
 * by label name (so entries answered by a fallback with other labels still count); an entry
 * without probabilities counts as probability 1 for its predicted label; a true label the models
 * do not know becomes an extra class with probability 0 (always wrong), and is listed.
 * @param entries the window's entries (unlabelled ones are ignored)
 * @param task the served model's task
 * @param labelsOf model version id → its class labels in probability order
 * @param options seed and iterations
 * @returns `{ n, metrics, unknownLabels }`, or null when no entry is labelled
 * @throws {InvalidArgumentError} from the metrics for non-finite regression values
 * @example
 * windowPerformance(entries, 'binary', (id) => ['no', 'yes'], { seed: 7 })?.metrics.accuracy
 * // { value: 0.82, lo: 0.74, hi: 0.89 }
 */
export function windowPerformance(
  entries: readonly LabelledEntry[],
  task: Task,
  labelsOf: (modelVersionId: string) => readonly string[],
  options: WindowPerformanceOptions,
): WindowPerformance | null {
  const labelled = entries.filter(
    (e) => e.label !== undefined && e.label !== null && e.label !== '',
  );
  if (labelled.length === 0) return null;
  const settings = {
    rng: createRng(options.seed),
    keepReplicates: false,
    iterations: options.iterations ?? 1000,
  };
  if (task === 'regression') {
    const kept = labelled.filter(
      (e) => Number.isFinite(Number(e.label)) && Number.isFinite(e.output.value),
    );
    if (kept.length === 0) return null;
    const ev = evaluateRegressor(
      Float64Array.from(kept, (e) => Number(e.label)),
      Float64Array.from(kept, (e) => e.output.value),
      settings,
    );
    return { n: kept.length, metrics: intervals(ev.metrics), unknownLabels: [] };
  }
  const known: string[] = [];
  for (const e of labelled) {
    for (const l of labelsOf(e.modelVersionId)) if (!known.includes(l)) known.push(l);
    if (!known.includes(e.output.label)) known.push(e.output.label);
  }
  const unknownLabels: string[] = [];
  for (const e of labelled) {
    const l = String(e.label);
    if (!known.includes(l) && !unknownLabels.includes(l)) unknownLabels.push(l);
  }
  const all = [...known, ...unknownLabels];
  const k = Math.max(all.length, 2);
  if (all.length < 2) all.push('(other)');
  const index = new Map(all.map((l, i) => [l, i]));
  const yTrue = new Int32Array(labelled.length);
  const probs = new Float64Array(labelled.length * k);
  labelled.forEach((e, r) => {
    yTrue[r] = index.get(String(e.label))!;
    const p = e.output.probabilities;
    const labels = labelsOf(e.modelVersionId);
    if (p && p.length === labels.length) {
      labels.forEach((l, j) => (probs[r * k + index.get(l)!] = p[j]!));
    } else {
      probs[r * k + index.get(e.output.label)!] = 1;
    }
  });
  const ev = evaluateClassifier(yTrue, probs, all, { ...settings, maxCurvePoints: 2 });
  return { n: labelled.length, metrics: intervals(ev.metrics), unknownLabels };
}

function intervals(
  metrics: Record<string, { estimate: number | null; low: number | null; high: number | null }>,
): WindowPerformance['metrics'] {
  const out: WindowPerformance['metrics'] = {};
  for (const [id, m] of Object.entries(metrics))
    out[id] = { value: m.estimate, lo: m.low, hi: m.high };
  return out;
}
