/**
 * One treatment arm against the control on one metric, in the three views of STATS.md:
 * - frequentist: pooled two-proportion z-test with the unpooled Wald 95% interval (conversion),
 *   or Welch's t-test with its Welch–Satterthwaite 95% interval (mean);
 * - Bayesian: Beta(1, 1) priors, exact P(B > A) and expected losses (conversion); for means a
 *   flat prior gives the normal posterior N(diff, se²) of the difference, so
 *   P(better) = Φ(diff/se) and E[max(D, 0)] = μΦ(μ/σ) + σφ(μ/σ) (GrowthBook's Gaussian model);
 * - sequential: the mixture SPRT's always-valid p-value and confidence sequence, chained over
 *   looks through `previous`.
 * "Better" follows the metric's direction (`higherIsBetter`).
 */
import type { AbArmStats, AbComparison, AbMetric } from '../contracts/ab';
import {
  expectedLoss,
  normalCdf,
  probabilityBBeatsA,
  proportionsZTest,
  sequentialMeansTest,
  sequentialProportionsTest,
  studentTPpf,
  welchFromStats,
  type SequentialResult,
} from '../stats';

/** Options of {@link compareArms}. */
export interface CompareOptions {
  alpha: number;
  tau?: number;
  /** The previous look's sequential result for this arm and metric. */
  previous?: SequentialResult;
  /** Compute the Bayesian view (only needed at the final look). */
  bayesian?: boolean;
  /** Raw values per arm (needed for the sequential means test); control then treatment. */
  values?: [ArrayLike<number>, ArrayLike<number>];
}

const phi = (x: number) => Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);

/** E[max(X, 0)] for X ~ N(mu, sd²). */
function positivePart(mu: number, sd: number): number {
  if (sd === 0) return Math.max(mu, 0);
  return mu * normalCdf(mu / sd) + sd * phi(mu / sd);
}

/**
 * Compares a treatment arm with the control.
 * @param metric the metric (kind and direction)
 * @param control the control's stats
 * @param treatment the treatment's stats
 * @param options alpha, tau, previous sequential look, whether to compute the Bayesian view,
 *   raw values (means)
 * @returns the comparison, with `sequential` to pass as `previous` at the next look; views
 *   that cannot be computed yet are null, with `note` saying why
 * @example
 * compareArms(accuracy, { arm: 'A', n: 1000, sum: 100, ... }, { arm: 'B', n: 1000, sum: 130, ... }, { alpha: 0.05, bayesian: true })
 * // { diff: 0.03, frequentist: { test: 'z', pValue: 0.0339..., ... }, bayesian: { probabilityBetter: 0.982... }, ... }
 */
export function compareArms(
  metric: AbMetric,
  control: AbArmStats,
  treatment: AbArmStats,
  options: CompareOptions,
): { comparison: AbComparison; sequentialRaw: SequentialResult | undefined } {
  const { alpha } = options;
  const diff = treatment.mean - control.mean;
  const base: AbComparison = {
    arm: treatment.arm,
    control: control.arm,
    diff: Number.isFinite(diff) ? diff : 0,
    lift: control.mean !== 0 && Number.isFinite(diff) ? diff / control.mean : null,
    frequentist: null,
    bayesian: null,
    sequential: null,
    note: null,
    verdict: 'inconclusive',
  };
  const sign = metric.higherIsBetter ? 1 : -1;
  const seqOptions = {
    alpha,
    ...(options.tau === undefined ? {} : { tau: options.tau }),
    ...(options.previous ? { previous: options.previous } : {}),
  };
  let seq: SequentialResult | undefined;
  if (metric.kind === 'conversion') {
    if (control.n < 1 || treatment.n < 1) {
      base.note = 'Waiting for units with a known outcome in both arms.';
      return { comparison: base, sequentialRaw: options.previous };
    }
    const xA = Math.round(control.sum);
    const xB = Math.round(treatment.sum);
    const z = proportionsZTest(xA, control.n, xB, treatment.n);
    base.frequentist = {
      test: 'z',
      statistic: z.z,
      pValue: z.pValue,
      ci95: z.ci95,
      significant: z.pValue < alpha,
    };
    if (options.bayesian) {
      const pB = probabilityBBeatsA(xA, control.n, xB, treatment.n);
      const loss = expectedLoss(xA, control.n, xB, treatment.n);
      base.bayesian = {
        probabilityBetter: metric.higherIsBetter ? pB : 1 - pB,
        lossTreatment: metric.higherIsBetter ? loss.b : loss.a,
        lossControl: metric.higherIsBetter ? loss.a : loss.b,
        model: 'beta-binomial',
      };
    }
    seq = sequentialProportionsTest(xA, control.n, xB, treatment.n, seqOptions);
  } else {
    const va = control.variance / control.n;
    const vb = treatment.variance / treatment.n;
    if (control.n < 2 || treatment.n < 2 || !(va + vb > 0)) {
      base.note =
        control.n < 2 || treatment.n < 2
          ? 'Waiting for at least 2 units with a value in each arm.'
          : 'Both arms are constant so far; no variance to test with.';
      return { comparison: base, sequentialRaw: options.previous };
    }
    const w = welchFromStats(control, treatment);
    const se = Math.sqrt(va + vb);
    const half = studentTPpf(0.975, w.df) * se;
    base.frequentist = {
      test: 'welch',
      statistic: w.t,
      pValue: w.pValue,
      ci95: [diff - half, diff + half],
      significant: w.pValue < alpha,
    };
    if (options.bayesian) {
      const better = sign * diff;
      base.bayesian = {
        probabilityBetter: normalCdf(better / se),
        lossTreatment: positivePart(-better, se),
        lossControl: positivePart(better, se),
        model: 'normal',
      };
    }
    if (options.values) {
      seq = sequentialMeansTest(options.values[0], options.values[1], seqOptions);
    }
  }
  if (seq) {
    base.sequential = { pValue: seq.pValue, ci: seq.ci, reject: seq.reject };
    if (seq.reject && (seq.ci[0] > 0 || seq.ci[1] < 0)) {
      // The confidence sequence excludes 0: the sign of the effect is known.
      base.verdict = sign * (seq.ci[0] > 0 ? 1 : -1) > 0 ? 'better' : 'worse';
    }
  }
  return { comparison: base, sequentialRaw: seq };
}
