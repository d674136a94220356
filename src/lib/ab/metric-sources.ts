/**
 * A metric's per-unit value from a prediction-log entry, one descriptor per source kind
 * (registry, not a switch). A value of null means "not known yet" (no label attached, no outcome
 * column): the unit counts for the sample ratio check but not for that metric.
 */
import type { AbMetric, AbMetricSource } from '../contracts/ab';
import type { PredictionLogEntry } from '../contracts/entities';
import { InvalidArgumentError } from '../contracts/errors';

/** A metric source: how to read a value, and which metric kinds it supports. */
export interface MetricSourceDescriptor {
  kind: AbMetricSource['kind'];
  label: string;
  kinds: readonly AbMetric['kind'][];
  value(metric: AbMetric, entry: PredictionLogEntry, isPrimary: boolean): number | null;
}

const toNumber = (v: unknown): number | null => {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v);
    return Number.isFinite(n) ? n : null;
  }
  return null;
};

const asConversion = (metric: AbMetric, v: number | null): number | null =>
  v === null || metric.kind === 'mean' ? v : v !== 0 ? 1 : 0;

const registry = new Map<AbMetricSource['kind'], MetricSourceDescriptor>();

/**
 * Registers a metric source.
 * @param descriptor the source
 * @example
 * registerMetricSource({ kind: 'latency', label: 'Latency', kinds: ['mean'], value: (m, e) => e.latencyMs })
 */
export function registerMetricSource(descriptor: MetricSourceDescriptor): void {
  registry.set(descriptor.kind, descriptor);
}

/**
 * Every registered source.
 * @returns the descriptors
 * @example
 * listMetricSources().map((s) => s.kind) // ['correct', 'label', 'column', 'latency']
 */
export function listMetricSources(): MetricSourceDescriptor[] {
  return [...registry.values()];
}

/** The registered source of a metric; throws naming the metric when there is none. */
function sourceOf(metric: AbMetric): MetricSourceDescriptor {
  const source = registry.get(metric.source.kind);
  if (!source) {
    throw new InvalidArgumentError(
      `metric "${metric.name}".source.kind`,
      metric.source.kind,
      'is not a known source',
    );
  }
  return source;
}

/**
 * Checks that a metric's source exists and supports its kind.
 * @param metric the metric
 * @returns the metric
 * @throws {InvalidArgumentError} naming the metric, source and kind
 * @example
 * checkMetric({ name: 'latency', kind: 'conversion', source: { kind: 'latency' }, higherIsBetter: false })
 * // throws: a latency metric must be a mean
 */
export function checkMetric(metric: AbMetric): AbMetric {
  const source = sourceOf(metric);
  if (!source.kinds.includes(metric.kind)) {
    throw new InvalidArgumentError(
      `metric "${metric.name}".kind`,
      metric.kind,
      `${source.label} supports ${source.kinds.join(' or ')} only`,
    );
  }
  if (metric.source.kind === 'column' && !metric.source.column) {
    throw new InvalidArgumentError(
      `metric "${metric.name}".source.column`,
      '',
      'name the outcome column',
    );
  }
  return metric;
}

/**
 * A metric's value for one log entry.
 * @param metric the metric
 * @param entry the log entry
 * @param isPrimary whether the metric is the experiment's primary (its column is `entry.outcome`)
 * @returns the value (0/1 for a conversion), or null when not known
 * @throws {InvalidArgumentError} for an unknown source
 * @example
 * metricValue({ name: 'accuracy', kind: 'conversion', source: { kind: 'correct' }, higherIsBetter: true },
 *   { ...entry, output: { label: 'yes', value: 1 }, label: 'yes' }, true) // 1
 */
export function metricValue(
  metric: AbMetric,
  entry: PredictionLogEntry,
  isPrimary: boolean,
): number | null {
  return sourceOf(metric).value(metric, entry, isPrimary);
}

registerMetricSource({
  kind: 'correct',
  label: 'Prediction correct (needs labels)',
  kinds: ['conversion'],
  value: (_m, e) => (e.label === undefined ? null : String(e.label) === e.output.label ? 1 : 0),
});

registerMetricSource({
  kind: 'label',
  label: 'Attached label',
  kinds: ['conversion', 'mean'],
  value: (m, e) => {
    if (e.label === undefined) return null;
    if (m.source.kind === 'label' && m.kind === 'conversion' && m.source.positive !== undefined) {
      return String(e.label) === String(m.source.positive) ? 1 : 0;
    }
    return asConversion(m, toNumber(e.label));
  },
});

registerMetricSource({
  kind: 'column',
  label: 'Outcome column',
  kinds: ['conversion', 'mean'],
  value: (m, e, isPrimary) => {
    if (m.source.kind !== 'column') return null;
    if (isPrimary) return asConversion(m, e.outcome ?? null);
    const raw = Object.hasOwn(e.inputs, m.source.column) ? e.inputs[m.source.column] : null;
    return asConversion(m, toNumber(raw));
  },
});

registerMetricSource({
  kind: 'latency',
  label: 'Latency (ms)',
  kinds: ['mean'],
  value: (_m, e) => (Number.isFinite(e.latencyMs) ? e.latencyMs : null),
});
