import { InvalidArgumentError } from '../contracts/errors';
import { checkScores, checkWeights } from './check-inputs';
import { CLASSIFICATION_TASKS, defineMetric, weightedMean } from './metric-descriptor';

/** Options of {@link logLoss}. */
export interface LogLossOptions {
  /**
   * Probabilities are clipped to [eps, 1 − eps]. Default `Number.EPSILON` (2.22e-16), which is
   * what scikit-learn 1.2's `eps='auto'` picks for float64 input (`np.finfo(float64).eps`).
   * Before 1.2 the default was 1e-15; scikit-learn 1.2 given a float32 array would use 1.19e-7.
   */
  eps?: number;
  sampleWeight?: ArrayLike<number>;
}

/**
 * Per-row negative log-likelihood of the true class, computed as scikit-learn 1.2.1's
 * `log_loss(y_true, P.astype(float64), labels=range(k))` does: clip every probability to
 * [eps, 1 − eps], renormalise each row to sum 1, then `−log p_true`. A width-1 input holds the
 * class-1 probability p of a binary problem and becomes the row [1 − p, p] after clipping.
 */
function rowLosses(yTrue: ArrayLike<number>, probs: ArrayLike<number>, k: number, eps: number) {
  const n = yTrue.length;
  const out = new Float64Array(n);
  const clip = (p: number): number => Math.min(Math.max(p, eps), 1 - eps);
  for (let i = 0; i < n; i++) {
    const y = yTrue[i]!;
    if (k === 1) {
      const p = clip(probs[i]!);
      const q = 1 - p;
      out[i] = -Math.log((y === 1 ? p : q) / (q + p));
      continue;
    }
    let sum = 0;
    for (let c = 0; c < k; c++) sum += clip(probs[i * k + c]!);
    out[i] = -Math.log(clip(probs[i * k + y]!) / sum);
  }
  return out;
}

/**
 * Mean log loss (cross-entropy) of predicted probabilities, matching scikit-learn 1.2.1
 * `log_loss(y_true, P, labels=range(k), sample_weight=w)` on float64 probabilities: clip to
 * [eps, 1 − eps] with eps = float64 machine epsilon, renormalise rows, average −log p_true.
 * @param yTrue true class indices
 * @param probs n class-1 probabilities (binary) or n × k probabilities (row-major)
 * @param options eps and sample weights
 * @returns the mean loss (≥ 0, natural log)
 * @throws InvalidArgumentError for empty input, a bad shape, class indices or probabilities
 *   outside [0, 1], eps outside [0, 0.5), or bad weights
 * @example
 * logLoss([1, 0, 0, 1], [0.1, 0.9, 0.9, 0.1, 0.8, 0.2, 0.35, 0.65]) // 0.2162
 */
export function logLoss(
  yTrue: ArrayLike<number>,
  probs: ArrayLike<number>,
  options: LogLossOptions = {},
): number {
  const eps = options.eps ?? Number.EPSILON;
  if (!(eps >= 0 && eps < 0.5)) throw new InvalidArgumentError('eps', eps, 'must be in [0, 0.5)');
  const k = checkScores(yTrue, probs, true);
  checkWeights(options.sampleWeight, yTrue.length);
  return weightedMean(rowLosses(yTrue, probs, k, eps), options.sampleWeight);
}

/**
 * Descriptor of {@link logLoss} with the default eps (id `logLoss`, lower is better).
 * @example
 * logLossMetric.compute([1], [0.5, 0.5]) // 0.6931
 */
export const logLossMetric = defineMetric({
  id: 'logLoss',
  label: 'Log loss',
  tasks: CLASSIFICATION_TASKS,
  greaterIsBetter: false,
  prepare: (yTrue, probs) => {
    const losses = rowLosses(yTrue, probs, checkScores(yTrue, probs, true), Number.EPSILON);
    return (w) => weightedMean(losses, w);
  },
});
