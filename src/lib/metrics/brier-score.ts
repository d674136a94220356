import { checkScores, checkWeights } from './check-inputs';
import { CLASSIFICATION_TASKS, defineMetric, weightedMean } from './metric-descriptor';

function rowErrors(yTrue: ArrayLike<number>, probs: ArrayLike<number>, k: number): Float64Array {
  const n = yTrue.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const y = yTrue[i]!;
    if (k <= 2) {
      // Binary: only the class-1 probability counts, as in brier_score_loss(y, p1).
      const d = (y === 1 ? 1 : 0) - probs[i * k + k - 1]!;
      out[i] = d * d;
      continue;
    }
    let sum = 0;
    for (let c = 0; c < k; c++) {
      const d = probs[i * k + c]! - (c === y ? 1 : 0);
      sum += d * d;
    }
    out[i] = sum;
  }
  return out;
}

/**
 * Brier score: mean squared error of predicted probabilities. Binary (width 1, or 2 with column
 * 1 = class 1): scikit-learn `brier_score_loss(y_true, p1, sample_weight=w)`, in [0, 1].
 * Multiclass (k ≥ 3): the multiclass generalisation (Brier 1950), the mean over rows of
 * `Σ_c (P_ic − 1[y_i = c])²`, in [0, 2]; scikit-learn 1.2 has no multiclass Brier score. For two
 * classes that form would be twice the binary score, hence the binary case is kept apart.
 * @param yTrue true class indices
 * @param probs n class-1 probabilities (binary) or n × k probabilities (row-major)
 * @param sampleWeight optional per-row weights (≥ 0)
 * @returns the Brier score (lower is better)
 * @throws InvalidArgumentError for empty input, a bad shape, class indices or probabilities
 *   outside [0, 1], or bad weights
 * @example
 * brierScore([0, 1, 1, 0], [0.1, 0.9, 0.8, 0.3]) // 0.0375
 */
export function brierScore(
  yTrue: ArrayLike<number>,
  probs: ArrayLike<number>,
  sampleWeight?: ArrayLike<number>,
): number {
  const k = checkScores(yTrue, probs, true);
  checkWeights(sampleWeight, yTrue.length);
  return weightedMean(rowErrors(yTrue, probs, k), sampleWeight);
}

/**
 * Descriptor of {@link brierScore} (id `brier`, lower is better).
 * @example
 * brierMetric.compute([1], [0.4, 0.6]) // 0.16
 */
export const brierMetric = defineMetric({
  id: 'brier',
  label: 'Brier score',
  tasks: CLASSIFICATION_TASKS,
  greaterIsBetter: false,
  prepare: (yTrue, probs) => {
    const errors = rowErrors(yTrue, probs, checkScores(yTrue, probs, true));
    return (w) => weightedMean(errors, w);
  },
});
