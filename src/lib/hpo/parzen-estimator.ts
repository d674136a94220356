/**
 * The Parzen estimator of Optuna's `TPESampler` (optuna 5.0 `samplers/_tpe/parzen_estimator.py`
 * and `probability_distributions.py`): a weighted mixture of one kernel per observed trial plus
 * a prior kernel. Over several parameters each kernel is the product of one kernel per
 * parameter (the multivariate form); over one parameter it is Optuna's independent form.
 *
 * Numeric parameters: the range is first widened by half a step on each side for ints and
 * stepped floats, then taken to log space for `log` parameters. Kernels are normals truncated
 * to that range, centred on the observations; each sigma is the larger gap to its sorted
 * neighbours (range ends included, except that the outermost observations only look inwards
 * when there are two or more: `consider_endpoints=False`), clipped to
 * `[range / min(100, observations + 2), range]` (`consider_magic_clip`). The prior kernel sits
 * mid-range with sigma = range. Ints and stepped floats get discrete kernels: the mass of the
 * cell `[x - step/2, x + step/2]` (in log space for log ints) over the mass of the range.
 *
 * Categorical parameters: kernel i puts `prior_weight / (observations + 1)` on every choice plus
 * 1 on its observed choice, renormalised; the prior kernel is uniform.
 *
 * Mixture weights: Optuna's `default_weights` (1 each below 25 observations, else a ramp from
 * 1/n for the oldest n - 25 and 1 for the newest 25), the prior weight appended, normalised.
 */
import type { ParamValue, Params, SearchParam, SearchSpace } from '../contracts/hpo';
import type { Rng } from '../stats/rng';
import { paramStep, snapToStep, type NumericParam } from './param-scale';
import { logGaussMass, truncnormLogPdf, truncnormPpf } from './truncnorm';

/** One parameter's kernels, index k matching the estimator's weight k (the prior last). */
export type ParamKernels =
  | {
      kind: 'numeric';
      param: NumericParam;
      mus: number[];
      sigmas: number[];
      /** The kernel-space range: widened by step / 2, log for log parameters. */
      low: number;
      high: number;
      /** The step in the parameter's own units, 0 for continuous kernels. */
      step: number;
    }
  | {
      kind: 'categorical';
      param: SearchParam & { kind: 'categorical' };
      probs: number[][];
    };

/** A fitted Parzen estimator over one or more parameters. */
export interface ParzenEstimator {
  /** Mixture weights, normalised; the last is the prior's. */
  weights: number[];
  params: ParamKernels[];
}

/**
 * Optuna's `default_weights(n)`: observation weights in trial-number order, oldest first.
 * @param n number of observations
 * @returns n weights
 * @example
 * defaultWeights(3) // [1, 1, 1]
 * defaultWeights(27) // [1/27, 1, 1, ..., 1] (np.linspace(1/27, 1, 2) then 25 ones)
 */
export function defaultWeights(n: number): number[] {
  if (n < 25) return new Array<number>(n).fill(1);
  const ramp = n - 25;
  const out: number[] = [];
  for (let i = 0; i < ramp; i++) {
    out.push(ramp === 1 ? 1 / n : 1 / n + ((1 - 1 / n) * i) / (ramp - 1));
  }
  for (let i = 0; i < 25; i++) out.push(1);
  return out;
}

function numericKernels(p: NumericParam, observed: readonly number[]): ParamKernels {
  const step = paramStep(p) ?? 0;
  let low = p.low - step / 2;
  let high = p.high + step / 2;
  let mus = [...observed];
  if (p.log) {
    low = Math.log(low);
    high = Math.log(high);
    mus = mus.map(Math.log);
  }
  const order = mus.map((_, i) => i).sort((i, j) => mus[i]! - mus[j]! || i - j);
  const sorted = [low, ...order.map((i) => mus[i]!), high];
  const m = mus.length;
  const sortedSigmas: number[] = [];
  for (let k = 1; k <= m; k++) {
    sortedSigmas.push(Math.max(sorted[k]! - sorted[k - 1]!, sorted[k + 1]! - sorted[k]!));
  }
  if (sorted.length >= 4) {
    sortedSigmas[0] = sorted[2]! - sorted[1]!;
    sortedSigmas[m - 1] = sorted[m]! - sorted[m - 1]!;
  }
  const minSigma = (high - low) / Math.min(100, 1 + (m + 1));
  const sigmas = new Array<number>(m);
  order.forEach((orig, k) => {
    sigmas[orig] = Math.min(high - low, Math.max(minSigma, sortedSigmas[k]!));
  });
  return {
    kind: 'numeric',
    param: p,
    mus: [...mus, 0.5 * (low + high)],
    sigmas: [...sigmas, high - low],
    low,
    high,
    step,
  };
}

function categoricalKernels(
  p: SearchParam & { kind: 'categorical' },
  observed: readonly ParamValue[],
  priorWeight: number,
): ParamKernels {
  const n = p.choices.length;
  if (observed.length === 0)
    return { kind: 'categorical', param: p, probs: [new Array<number>(n).fill(1 / n)] };
  const kernels = observed.length + 1;
  const probs = [...observed, undefined].map((obs) => {
    const row = new Array<number>(n).fill(priorWeight / kernels);
    if (obs !== undefined) row[p.choices.indexOf(obs)]! += 1;
    const total = row.reduce((s, x) => s + x, 0);
    return row.map((x) => x / total);
  });
  return { kind: 'categorical', param: p, probs };
}

/**
 * Fits the estimator of some parameters to observed configurations.
 * @param space the parameters to model (validated); one for Optuna's independent TPE
 * @param observations configurations of one group of trials, in trial-number order; each must
 *   have every parameter of `space`
 * @param priorWeight weight of the prior kernel (Optuna: 1.0)
 * @returns the estimator
 * @example
 * buildParzenEstimator([{ name: 'x', kind: 'float', low: 0, high: 1 }], [{ x: 0.2 }, { x: 0.3 }], 1).params[0].mus // [0.2, 0.3, 0.5]
 */
export function buildParzenEstimator(
  space: SearchSpace,
  observations: readonly Params[],
  priorWeight: number,
): ParzenEstimator {
  const raw =
    observations.length === 0 ? [1] : [...defaultWeights(observations.length), priorWeight];
  const total = raw.reduce((s, x) => s + x, 0);
  return {
    weights: raw.map((w) => w / total),
    params: space.map((p) => {
      const values = observations.map((o) => o[p.name]!);
      return p.kind === 'categorical'
        ? categoricalKernels(p, values, priorWeight)
        : numericKernels(p, values as number[]);
    }),
  };
}

function pick(probs: readonly number[], rng: Rng): number {
  const u = rng.next();
  let acc = 0;
  for (let k = 0; k < probs.length; k++) {
    acc += probs[k]!;
    if (u < acc) return k;
  }
  return probs.length - 1;
}

function sampleKernel(pk: ParamKernels, k: number, rng: Rng): ParamValue {
  if (pk.kind === 'categorical') return pk.param.choices[pick(pk.probs[k]!, rng)]!;
  const x = truncnormPpf(rng.next(), pk.mus[k]!, pk.sigmas[k]!, pk.low, pk.high);
  return snapToStep(pk.param, pk.param.log ? Math.exp(x) : x);
}

function kernelLogPdf(pk: ParamKernels, k: number, v: ParamValue): number {
  if (pk.kind === 'categorical') return Math.log(pk.probs[k]![pk.param.choices.indexOf(v)] ?? 0);
  const x = v as number;
  const mu = pk.mus[k]!;
  const sigma = pk.sigmas[k]!;
  const log = pk.param.log === true;
  if (pk.step === 0) return truncnormLogPdf(log ? Math.log(x) : x, mu, sigma, pk.low, pk.high);
  const left = log ? Math.log(x - pk.step / 2) : x - pk.step / 2;
  const right = log ? Math.log(x + pk.step / 2) : x + pk.step / 2;
  return (
    logGaussMass((left - mu) / sigma, (right - mu) / sigma) -
    logGaussMass((pk.low - mu) / sigma, (pk.high - mu) / sigma)
  );
}

/**
 * Draws configurations from the estimator: a kernel by weight, then every parameter from that
 * kernel.
 * @param est the estimator
 * @param rng the generator
 * @param n how many
 * @returns n configurations (values on the step grid, in range)
 * @example
 * sampleParzen(est, createRng(3), 24).length // 24
 */
export function sampleParzen(est: ParzenEstimator, rng: Rng, n: number): Params[] {
  const out: Params[] = [];
  for (let i = 0; i < n; i++) {
    const k = pick(est.weights, rng);
    const params: Params = {};
    for (const pk of est.params) params[pk.param.name] = sampleKernel(pk, k, rng);
    out.push(params);
  }
  return out;
}

/**
 * Log density of the estimator at a configuration (log mass for discrete kernels and
 * categoricals, density in log space for continuous log parameters, as Optuna computes it).
 * @param est the estimator
 * @param x a configuration with every modelled parameter
 * @returns log p(x)
 * @example
 * parzenLogPdf(buildParzenEstimator([{ name: 'c', kind: 'categorical', choices: ['a', 'b'] }], [], 1), { c: 'a' }) // -0.6931 (log 0.5)
 */
export function parzenLogPdf(est: ParzenEstimator, x: Params): number {
  const terms = est.weights.map((w, k) => {
    let s = Math.log(w);
    for (const pk of est.params) s += kernelLogPdf(pk, k, x[pk.param.name]!);
    return s;
  });
  const m = Math.max(...terms);
  if (m === -Infinity) return -Infinity;
  let sum = 0;
  for (const t of terms) sum += Math.exp(t - m);
  return m + Math.log(sum);
}
