import type { BootstrapSummary, MetricInterval } from '../contracts/entities';
import { InvalidArgumentError } from '../contracts/errors';
import type { WeightedMetric } from './metric-descriptor';
import {
  bootstrapSettings,
  drawResample,
  percentileInterval,
  type BootstrapOptions,
} from './resample';

/** Options of {@link bootstrapMetrics}. */
export interface BootstrapMetricsOptions extends BootstrapOptions {
  /** Keep every resample's values for paired comparisons (default true; ~1,000 numbers each). */
  keepReplicates?: boolean;
}

/** Intervals keyed by metric id, and how they were computed. */
export interface BootstrapMetricsResult {
  intervals: Record<string, MetricInterval>;
  bootstrap: BootstrapSummary;
}

/**
 * A finite number as itself, anything else (NaN, ±∞) as null: stored evaluations use null for
 * "undefined on this data", which JSON keeps and NaN would not.
 * @param x a number
 * @returns x or null
 * @throws never
 * @example
 * finiteOrNull(NaN) // null
 */
export function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

const FNV_PRIME = 16777619;
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

function mix(h: number, word: number): number {
  return Math.imul(h ^ word, FNV_PRIME) >>> 0;
}

function mixNumber(h: number, x: number): number {
  f64[0] = x;
  return mix(mix(h, u32[0]!), u32[1]!);
}

/**
 * Percentile bootstrap intervals of several metrics over the same resamples. Each resample is
 * drawn exactly as {@link bootstrapCi} draws it (same rng calls, so the same seed gives the same
 * rows), but instead of copying rows it counts how often each row was drawn and passes the counts
 * to each prepared metric as row weights: every metric here is a symmetric function of the rows,
 * so the weighted value equals the value on the copied resample, and a ranking metric reuses its
 * one sort. Non-finite values are skipped and counted per metric. The summary's fingerprint
 * hashes n, the iterations, the true values and every drawn index; evaluations with equal
 * fingerprints used identical resamples and can be compared pairwise.
 * @param metrics `{ id, fn }` with fn a prepared metric (`descriptor.prepare(yTrue, pred)`)
 * @param yTrue the true values the metrics were prepared with (for n and the fingerprint)
 * @param options seeded rng, iterations (default 1,000), level (default 0.95), keepReplicates
 * @returns intervals by id and the bootstrap summary
 * @throws InvalidArgumentError for empty input or bad options
 * @example
 * const fn = accuracyMetric.prepare(yTrue, probs);
 * bootstrapMetrics([{ id: 'accuracy', fn }], yTrue, { rng: createRng(1) }).intervals.accuracy
 * // { estimate: 0.82, low: 0.79, high: 0.85 }
 */
export function bootstrapMetrics(
  metrics: readonly { id: string; fn: WeightedMetric }[],
  yTrue: ArrayLike<number>,
  options: BootstrapMetricsOptions,
): BootstrapMetricsResult {
  const { iterations, level } = bootstrapSettings(options);
  const n = yTrue.length;
  if (n === 0) throw new InvalidArgumentError('yTrue', [], 'needs at least one value');
  let h = mix(mix(2166136261, n), iterations);
  for (let i = 0; i < n; i++) h = mixNumber(h, yTrue[i]!);
  const values = metrics.map(() => new Float64Array(iterations));
  const idx = new Int32Array(n);
  const counts = new Int32Array(n);
  for (let b = 0; b < iterations; b++) {
    drawResample(n, options.rng, idx);
    counts.fill(0);
    for (let j = 0; j < n; j++) {
      const i = idx[j]!;
      counts[i]!++;
      h = mix(h, i);
    }
    for (let m = 0; m < metrics.length; m++) values[m]![b] = metrics[m]!.fn(counts);
  }
  const intervals: Record<string, MetricInterval> = {};
  const skipped: Record<string, number> = {};
  const replicates: Record<string, (number | null)[]> = {};
  metrics.forEach(({ id, fn }, m) => {
    const v = values[m]!;
    const ci = percentileInterval(v, level);
    intervals[id] = {
      estimate: finiteOrNull(fn()),
      low: finiteOrNull(ci.low),
      high: finiteOrNull(ci.high),
    };
    skipped[id] = ci.skipped;
    replicates[id] = Array.from(v, finiteOrNull);
  });
  const bootstrap: BootstrapSummary = { iterations, level, skipped, fingerprint: h };
  if (options.keepReplicates ?? true) bootstrap.replicates = replicates;
  return { intervals, bootstrap };
}
