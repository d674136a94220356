/**
 * The results of an experiment from its log entries: units per arm, the sample ratio mismatch
 * check (on every computation, against the configured split), every treatment arm against the
 * control (the first arm) on the primary metric and each guardrail in the frequentist, Bayesian
 * and sequential views, and the primary metric's estimate and intervals over time.
 *
 * Looks: the units in first-seen order are cut into at most {@link MAX_LOOKS} equal-count looks;
 * the sequential p-value and confidence sequence are chained over them (running minimum and
 * intersection). The mixture martingale is valid at every unit, so any set of looks keeps the
 * always-valid guarantee.
 */
import type { AbExperiment, AbLook, AbMetricResult, AbResults } from '../contracts/ab';
import type { PredictionLogEntry } from '../contracts/entities';
import type { SequentialResult } from '../stats';
import { armStats } from './arm-stats';
import { collectUnits, type UnitRecord } from './collect-units';
import { compareArms } from './compare-arms';
import { SRM_THRESHOLD, srmTest } from './srm';

/** Most looks in the over-time series. */
export const MAX_LOOKS = 30;

/** Options of {@link computeResults}. */
export interface ResultsOptions {
  /** Significance level of every view (default 0.05). */
  alpha?: number;
  /** Sequential mixing parameter (default the stats library's 0.05). */
  tau?: number;
  /** Time of the computation (default now). */
  now?: number;
}

function valuesOf(units: readonly UnitRecord[], arm: number, metric: number, upTo: number) {
  const out: number[] = [];
  for (let i = 0; i < upTo; i++) {
    const u = units[i]!;
    if (u.arm !== arm) continue;
    const v = u.values[metric];
    if (v !== null && v !== undefined) out.push(v);
  }
  return out;
}

/**
 * @param experiment the experiment
 * @param entries its prediction-log entries (any order)
 * @param options alpha, tau, now
 * @returns the results (see {@link AbResults})
 * @throws {InvalidArgumentError} for invalid arm weights or metric sources
 * @example
 * computeResults(experiment, entries).srm // { chi2: 0.41, pValue: 0.52, mismatch: false, ... }
 */
export function computeResults(
  experiment: AbExperiment,
  entries: readonly PredictionLogEntry[],
  options: ResultsOptions = {},
): AbResults {
  const alpha = options.alpha ?? 0.05;
  const tau = options.tau;
  const { units, counts } = collectUnits(experiment, entries);
  const names = experiment.arms.map((a) => a.name);
  const weights = experiment.arms.map((a) => a.weight);
  const total = units.length;
  const srm =
    total > 0
      ? {
          ...srmTest(counts, weights),
          counts: Object.fromEntries(names.map((n, i) => [n, counts[i]!])),
          expectedShares: Object.fromEntries(names.map((n, i) => [n, weights[i]!])),
          threshold: SRM_THRESHOLD,
        }
      : null;

  const metrics = [experiment.primary, ...experiment.guardrails];
  const looks = Math.min(MAX_LOOKS, total);
  const cuts = Array.from({ length: looks }, (_, k) => Math.round(((k + 1) * total) / looks));
  const series: AbLook[] = [];
  const results: AbMetricResult[] = metrics.map((metric, m) => {
    const previous = new Map<number, SequentialResult | undefined>();
    const final: AbMetricResult = { metric, arms: [], comparisons: [] };
    // Guardrails only need the final look; the primary metric is chained over every look.
    const lookCuts = m === 0 ? cuts : total > 0 ? [total] : [];
    for (const cut of lookCuts) {
      const last = cut === total;
      const values = names.map((_, a) => valuesOf(units, a, m, cut));
      const stats = names.map((name, a) => armStats(name, values[a]!));
      for (let a = 1; a < names.length; a++) {
        const prev = previous.get(a);
        const { comparison, sequentialRaw } = compareArms(metric, stats[0]!, stats[a]!, {
          alpha,
          ...(tau === undefined ? {} : { tau }),
          ...(prev ? { previous: prev } : {}),
          bayesian: last,
          values: [values[0]!, values[a]!],
        });
        previous.set(a, sequentialRaw);
        if (m === 0) {
          series.push({
            at: units[cut - 1]!.at,
            units: cut,
            arm: names[a]!,
            diff: comparison.diff,
            ci95: comparison.frequentist?.ci95 ?? null,
            sequentialCi: comparison.sequential?.ci ?? null,
          });
        }
        if (last) final.comparisons.push(comparison);
      }
      if (last) final.arms = stats;
    }
    if (total === 0) final.arms = names.map((name) => armStats(name, []));
    return final;
  });

  return {
    experimentId: experiment.id,
    computedAt: options.now ?? Date.now(),
    units: Object.fromEntries(names.map((n, i) => [n, counts[i]!])),
    totalUnits: total,
    srm,
    primary: results[0]!,
    guardrails: results.slice(1),
    series,
    alpha,
  };
}
