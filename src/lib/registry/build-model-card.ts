/**
 * The model card of a registered version (Mitchell et al., "Model Cards for Model Reporting",
 * 2019: details, intended use, data, evaluation, caveats), as plain data: sections of plain-text
 * paragraphs, label/value facts and at most one table each. Renderers
 * ({@link modelCardMarkdown}, {@link modelCardHtml}) escape every string, because names, notes,
 * column names and labels are user text and may be hostile.
 *
 * Deterministic: the same inputs give the same card (no clock, no locale; dates in ISO 8601 UTC).
 */
import type {
  Evaluation,
  ModelCard,
  ModelCardFact,
  ModelCardSection,
  ModelVersion,
  Run,
} from '../contracts/entities';
import { findMetric, metricsForTask } from '../metrics/metric-registry';
import { formatFigure, formatPercent } from './format-number';

/** Inputs of {@link buildModelCard}. */
export interface ModelCardInput {
  version: ModelVersion;
  run: Run;
  /** The held-out evaluation (usually `run.evaluation`); null when there is none. */
  evaluation: Evaluation | null;
  /** The dataset's display name. */
  datasetName: string;
  /** What the model should not be used for, known weaknesses; blank lines separate paragraphs. */
  limitations: string;
  /** Who should use it for what; blank lines separate paragraphs. */
  intendedUse: string;
}

const TASK_NAMES = {
  binary: 'binary classification',
  multiclass: 'multiclass classification',
  regression: 'regression',
} as const;

const KIND_NAMES = {
  baseline: 'baseline (majority class or mean)',
  logistic: 'logistic regression',
  linear: 'linear regression',
  mlp: 'multilayer perceptron',
} as const;

/**
 * Builds a version's model card from its registry record, its run and its evaluation.
 * @param input version, run, evaluation, dataset name and the author's limitations and
 *   intended use
 * @returns the card: sections `details`, `intended-use`, `training-data`, `evaluation`,
 *   `per-class` (classification with an evaluation), `training`, `limitations`, `notes` (when
 *   the run has notes)
 * @throws never
 * @example
 * buildModelCard({ version, run, evaluation: run.evaluation ?? null, datasetName: 'Penguins',
 *   limitations: 'Trained on three islands only.', intendedUse: 'Teaching.' }).sections[0]
 * // { id: 'details', heading: 'Model details', paragraphs: [], facts: [{ label: 'Name',
 * //   value: 'penguins' }, { label: 'Version', value: '3' }, ...] }
 */
export function buildModelCard(input: ModelCardInput): ModelCard {
  const { version, run, evaluation } = input;
  const sections: ModelCardSection[] = [
    details(version, run),
    textSection('intended-use', 'Intended use', input.intendedUse, 'Not stated.'),
    trainingData(input),
    evaluationSection(evaluation),
  ];
  if (evaluation && evaluation.task !== 'regression') sections.push(perClass(evaluation));
  sections.push(training(run));
  sections.push(
    textSection('limitations', 'Limitations and caveats', input.limitations, 'None stated.'),
  );
  if (run.notes.trim() !== '') sections.push(textSection('notes', 'Notes', run.notes, ''));
  return {
    title: `Model card: ${version.name} v${version.version}`,
    modelVersionId: version.id,
    createdAt: version.createdAt,
    sections,
  };
}

function section(
  id: string,
  heading: string,
  parts: { paragraphs?: string[]; facts?: ModelCardFact[]; table?: ModelCardSection['table'] },
): ModelCardSection {
  const s: ModelCardSection = {
    id,
    heading,
    paragraphs: parts.paragraphs ?? [],
    facts: parts.facts ?? [],
  };
  if (parts.table) s.table = parts.table;
  return s;
}

/** Paragraphs of free text: split on blank lines, trimmed, empty ones dropped. */
function paragraphsOf(text: string): string[] {
  return text
    .split(/\r?\n[ \t]*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

function textSection(id: string, heading: string, text: string, none: string): ModelCardSection {
  const paragraphs = paragraphsOf(text);
  return section(id, heading, { paragraphs: paragraphs.length > 0 ? paragraphs : [none] });
}

function isoDate(ms: number): string {
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : 'unknown';
}

function architecture(run: Run): string {
  const c = run.config;
  const kind = KIND_NAMES[c.kind] ?? c.kind;
  if (c.kind !== 'mlp') return kind;
  return `${kind}, hidden layers (${c.hiddenUnits.join(', ')}), ${c.activation} activation`;
}

function details(version: ModelVersion, run: Run): ModelCardSection {
  const facts: ModelCardFact[] = [
    { label: 'Name', value: version.name },
    { label: 'Version', value: String(version.version) },
    { label: 'Version id', value: version.id },
    { label: 'Registered', value: isoDate(version.createdAt) },
    { label: 'Task', value: TASK_NAMES[run.task] ?? run.task },
    { label: 'Model', value: architecture(run) },
    { label: 'Target', value: version.signature.target.name },
  ];
  const labels = version.signature.target.labels;
  if (labels && labels.length > 0) facts.push({ label: 'Classes', value: labels.join(', ') });
  if (version.tags.length > 0) facts.push({ label: 'Tags', value: version.tags.join(', ') });
  return section('details', 'Model details', {
    paragraphs: paragraphsOf(version.description),
    facts,
  });
}

function trainingData(input: ModelCardInput): ModelCardSection {
  const { run, version } = input;
  const s = run.split;
  const method = s.method ?? (s.stratify ? 'stratified' : 'random');
  const how =
    method === 'time'
      ? `by time on ${s.timeColumn ?? 'a datetime column'}`
      : `${method}, seed ${s.seed}`;
  const features = version.signature.inputs;
  return section('training-data', 'Training data', {
    facts: [
      { label: 'Dataset', value: input.datasetName },
      { label: 'Dataset version', value: version.datasetVersionId },
      { label: 'Target', value: run.target },
      {
        label: `Features (${features.length})`,
        value: features.map((f) => `${f.name} (${f.type})`).join(', '),
      },
      {
        label: 'Split',
        value:
          `train ${formatPercent(s.train)}, validation ${formatPercent(s.validation)}, ` +
          `test ${formatPercent(s.test)} (${how})`,
      },
    ],
  });
}

function evaluationSection(evaluation: Evaluation | null): ModelCardSection {
  if (!evaluation) {
    return section('evaluation', 'Evaluation', {
      paragraphs: ['No held-out evaluation was recorded for this version.'],
    });
  }
  const b = evaluation.bootstrap;
  const level = formatPercent(b.level);
  // Registry order first, then any metric a later version added (kept, labelled by id).
  const known = metricsForTask(evaluation.task).map((d) => d.id);
  const ids = [
    ...known.filter((id) => Object.hasOwn(evaluation.metrics, id)),
    ...Object.keys(evaluation.metrics).filter((id) => !known.includes(id)),
  ];
  const rows = ids.map((id) => {
    const m = evaluation.metrics[id]!;
    const d = findMetric(id);
    const name = d ? `${d.label} (${d.greaterIsBetter ? 'higher' : 'lower'} is better)` : id;
    const interval =
      m.low === null || m.high === null
        ? 'n/a'
        : `${formatFigure(m.low)} to ${formatFigure(m.high)}`;
    return [name, formatFigure(m.estimate), interval];
  });
  return section('evaluation', 'Evaluation', {
    paragraphs: [
      `Held-out test set of ${evaluation.n} rows. Intervals are ${level} percentile-bootstrap ` +
        `intervals over ${b.iterations} resamples.`,
    ],
    table: { columns: ['Metric', 'Estimate', `${level} interval`], rows },
  });
}

function perClass(evaluation: Extract<Evaluation, { labels: string[] }>): ModelCardSection {
  return section('per-class', 'Per-class results', {
    table: {
      columns: ['Class', 'Support', 'Precision', 'Recall', 'F1'],
      rows: evaluation.perClass.map((c) => [
        c.label,
        String(c.support),
        formatFigure(c.precision),
        formatFigure(c.recall),
        formatFigure(c.f1),
      ]),
    },
  });
}

function training(run: Run): ModelCardSection {
  const c = run.config;
  const facts: ModelCardFact[] = [
    { label: 'Run', value: run.id },
    { label: 'Optimizer', value: `${c.optimizer}, learning rate ${formatFigure(c.learningRate)}` },
    {
      label: 'Epochs',
      value: `${run.history.length} of at most ${c.epochs} (early stopping patience ${c.earlyStoppingPatience})`,
    },
    { label: 'Batch size', value: String(c.batchSize) },
    {
      label: 'Regularisation',
      value: `dropout ${formatFigure(c.dropout)}, L1 ${formatFigure(c.l1)}, L2 ${formatFigure(c.l2)}`,
    },
    { label: 'Backend', value: `${run.backend.name}: ${run.backend.reason}` },
    { label: 'TensorFlow.js', value: run.env.tfjsVersion },
  ];
  if (run.seed !== undefined) facts.push({ label: 'Seed', value: String(run.seed) });
  if (run.durationMs !== undefined) {
    facts.push({ label: 'Training time', value: `${formatFigure(run.durationMs / 1000, 3)} s` });
  }
  return section('training', 'Training', { facts });
}
