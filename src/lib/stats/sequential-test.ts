/**
 * Sequential A/B tests with always-valid p-values and confidence sequences: the normal-mixture
 * sequential probability ratio test (mSPRT; Robbins 1970, Johari et al. 2017 "Always valid
 * inference", as in Optimizely's stats engine), equivalently the normal-mixture confidence
 * sequence of Howard et al. (2021).
 *
 * For the difference estimate d̂ = B − A with (unpooled) variance v, mixing the alternative
 * θ ~ N(0, τ²) over the effect gives the likelihood ratio
 *   Λ = sqrt(v / (v + τ²)) · exp( τ² d̂² / (2 v (v + τ²)) ).
 * Under H0 (θ = 0) Λ is a martingale, so by Ville's inequality P(sup_n Λ_n >= 1/α) <= α: the
 * p-value min over looks of 1/Λ stays valid however often one looks, and
 *   d̂ ± sqrt( v (v + τ²)/τ² · (2 ln(1/α) + ln((v + τ²)/v)) )
 * is a (1 − α) confidence sequence. With estimated variances the guarantee is asymptotic.
 *
 * Mixing parameter: τ is the standard deviation of the mixing distribution of the
 * *standardised* effect δ = θ/σ, where σ² is the per-unit variance, i.e. v = σ²(1/n_A + 1/n_B)
 * and the mixture variance on the raw scale is τ²σ². Because of that scaling the test does not
 * depend on the units of the metric. The boundary is tightest when τ²/(1/n_A + 1/n_B) ≈ 8.2
 * (for α = 0.05), i.e. near n ≈ 16.4/τ² units per arm: the default τ = 0.05 tunes it for about
 * 6,600 units per arm. Larger τ favours large effects seen early; smaller τ favours small
 * effects at large n. Validity holds for any fixed τ; choose it before the experiment starts.
 */
import { InvalidArgumentError } from '../contracts/errors';
import { cleanNumeric, requireOpenUnit } from './clean';
import { meanVariance } from './moments';
import { checkArm } from './proportions-z-test';

/** Default standardised mixing standard deviation τ (see the module comment). */
export const DEFAULT_SEQUENTIAL_TAU = 0.05;

/** Options of the sequential tests. */
export interface SequentialOptions {
  /** Significance level, in (0, 1); default 0.05. */
  alpha?: number;
  /** Mixing standard deviation of the standardised effect, > 0; default 0.05. */
  tau?: number;
  /**
   * The result of the previous look at this experiment. The p-value is then the running
   * minimum and the interval the running intersection, as always-valid inference requires.
   */
  previous?: SequentialResult;
}

/** Result of one look. */
export interface SequentialResult {
  /** Estimated difference B − A. */
  diff: number;
  /** Always-valid p-value (running minimum over looks when `previous` is passed). */
  pValue: number;
  /** (1 − alpha) confidence sequence for B − A (running intersection with `previous`). */
  ci: [number, number];
  /** True when pValue <= alpha: stop and declare a difference. */
  reject: boolean;
  /** log Λ of this look. */
  logLikelihoodRatio: number;
}

/**
 * Sequential test of two conversion rates (difference p_B − p_A, unpooled variance).
 * Call it at every look with the cumulative counts and the previous result.
 * @param xA conversions in A so far
 * @param nA units in A so far
 * @param xB conversions in B so far
 * @param nB units in B so far
 * @param options `alpha` (0.05), `tau` (0.05), `previous`
 * @returns `{ diff, pValue, ci, reject, logLikelihoodRatio }`
 * @throws {InvalidArgumentError} for invalid counts, alpha outside (0, 1) or tau <= 0
 * @example
 * let look = sequentialProportionsTest(50, 1000, 80, 1000);
 * look = sequentialProportionsTest(110, 2000, 160, 2000, { previous: look });
 */
export function sequentialProportionsTest(
  xA: number,
  nA: number,
  xB: number,
  nB: number,
  options: SequentialOptions = {},
): SequentialResult {
  checkArm(xA, nA, 'A');
  checkArm(xB, nB, 'B');
  const pA = xA / nA;
  const pB = xB / nB;
  const v = (pA * (1 - pA)) / nA + (pB * (1 - pB)) / nB;
  // With no variation yet there is no evidence; the rate difference is known to lie in [−1, 1].
  return look(pB - pA, v, nA, nB, options, [-1, 1]);
}

/**
 * Sequential test of two means (difference mean(b) − mean(a), Welch variance).
 * Call it at every look with all data so far and the previous result.
 * @param a values of arm A so far (NaN and ±Infinity dropped)
 * @param b values of arm B so far
 * @param options `alpha` (0.05), `tau` (0.05), `previous`
 * @returns `{ diff, pValue, ci, reject, logLikelihoodRatio }`
 * @throws {InvalidArgumentError} when an arm has fewer than 2 values, both arms are constant,
 *   alpha is outside (0, 1) or tau <= 0
 * @example
 * sequentialMeansTest(controlRevenue, treatmentRevenue, { previous: lastLook })
 */
export function sequentialMeansTest(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  options: SequentialOptions = {},
): SequentialResult {
  const A = stats(a, 'a');
  const B = stats(b, 'b');
  const v = A.variance / A.n + B.variance / B.n;
  if (!(v > 0)) {
    throw new InvalidArgumentError('a, b', [A.mean, B.mean], 'both samples are constant');
  }
  return look(B.mean - A.mean, v, A.n, B.n, options, [-Infinity, Infinity]);
}

function look(
  diff: number,
  v: number,
  nA: number,
  nB: number,
  options: SequentialOptions,
  noInfo: [number, number],
): SequentialResult {
  const alpha = requireOpenUnit(options.alpha ?? 0.05, 'options.alpha');
  const tau = options.tau ?? DEFAULT_SEQUENTIAL_TAU;
  if (!(tau > 0 && Number.isFinite(tau))) {
    throw new InvalidArgumentError('options.tau', tau, 'must be a positive finite number');
  }
  // r = τ²σ² / v = τ² / (1/nA + 1/nB): the mixture-to-estimate variance ratio.
  const r = (tau * tau) / (1 / nA + 1 / nB);
  let logLR: number;
  let ci: [number, number];
  if (v > 0) {
    const z2 = (diff * diff) / v;
    logLR = -0.5 * Math.log1p(r) + (0.5 * z2 * r) / (1 + r);
    const half = Math.sqrt((v * (1 + r) * (2 * Math.log(1 / alpha) + Math.log1p(r))) / r);
    ci = [diff - half, diff + half];
  } else {
    logLR = -0.5 * Math.log1p(r);
    ci = [...noInfo];
  }
  let pValue = Math.min(1, Math.exp(-logLR));
  const prev = options.previous;
  if (prev) {
    pValue = Math.min(pValue, prev.pValue);
    ci = [Math.max(ci[0], prev.ci[0]), Math.min(ci[1], prev.ci[1])];
  }
  return { diff, pValue, ci, reject: pValue <= alpha, logLikelihoodRatio: logLR };
}

function stats(x: ArrayLike<number>, name: string): { mean: number; variance: number; n: number } {
  const { values } = cleanNumeric(x, name);
  if (values.length < 2) {
    throw new InvalidArgumentError(
      name,
      Array.from(values),
      'needs at least 2 values for a variance',
    );
  }
  return meanVariance(values);
}
