import { argmaxRows } from './argmax-rows';
import { checkClasses, checkScores, checkWeights } from './check-inputs';
import { CLASSIFICATION_TASKS, defineMetric, weightedMean } from './metric-descriptor';

/**
 * Share of predictions equal to the true class (scikit-learn `accuracy_score`, with optional
 * `sample_weight`).
 * @param yTrue true class indices
 * @param yPred predicted class indices
 * @param sampleWeight optional per-row weights (≥ 0)
 * @returns accuracy in [0, 1]
 * @throws InvalidArgumentError for empty or unequal-length inputs, non-integer classes or bad
 *   weights
 * @example
 * accuracy([0, 1, 2, 2], [0, 2, 2, 2]) // 0.75
 */
export function accuracy(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  sampleWeight?: ArrayLike<number>,
): number {
  checkClasses(yTrue, yPred);
  checkWeights(sampleWeight, yTrue.length);
  if (sampleWeight !== undefined) return weightedMean(hits(yTrue, yPred), sampleWeight);
  let count = 0;
  for (let i = 0; i < yTrue.length; i++) if (yTrue[i] === yPred[i]) count++;
  return count / yTrue.length;
}

function hits(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(yTrue.length);
  for (let i = 0; i < yTrue.length; i++) out[i] = yTrue[i] === yPred[i] ? 1 : 0;
  return out;
}

/**
 * Descriptor of the accuracy of the argmax prediction (id `accuracy`).
 * @example
 * accuracyMetric.compute([0, 1], [0.9, 0.1, 0.6, 0.4]) // 0.5
 */
export const accuracyMetric = defineMetric({
  id: 'accuracy',
  label: 'Accuracy',
  tasks: CLASSIFICATION_TASKS,
  greaterIsBetter: true,
  prepare: (yTrue, probs) => {
    const h = hits(yTrue, argmaxRows(probs, checkScores(yTrue, probs, false)));
    return (w) => weightedMean(h, w);
  },
});
