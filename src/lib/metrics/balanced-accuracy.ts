import { argmaxRows } from './argmax-rows';
import { checkClasses, checkScores, checkWeights } from './check-inputs';
import { CLASSIFICATION_TASKS, defineMetric } from './metric-descriptor';
import { weightedConfusion } from './weighted-confusion';

/**
 * Balanced accuracy: the mean recall over the classes present in `yTrue` (scikit-learn
 * `balanced_accuracy_score(y_true, y_pred, sample_weight=w)`, adjusted=False). Classes that only
 * occur in `yPred` are ignored, as scikit-learn does (it warns); so are classes in neither.
 * @param yTrue true class indices
 * @param yPred predicted class indices
 * @param sampleWeight optional per-row weights (≥ 0)
 * @returns balanced accuracy in [0, 1]
 * @throws InvalidArgumentError for empty or unequal-length inputs, non-integer classes or bad
 *   weights
 * @example
 * balancedAccuracy([0, 1, 0, 0, 1, 0], [0, 1, 0, 0, 0, 1]) // 0.625
 */
export function balancedAccuracy(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  sampleWeight?: ArrayLike<number>,
): number {
  checkClasses(yTrue, yPred);
  checkWeights(sampleWeight, yTrue.length);
  let k = 0;
  for (let i = 0; i < yTrue.length; i++) k = Math.max(k, yTrue[i]! + 1, yPred[i]! + 1);
  return fromConfusion(weightedConfusion(yTrue, yPred, k, sampleWeight), k);
}

/** Mean of the diagonal over row sums, skipping empty rows (scikit-learn drops their NaN). */
function fromConfusion(m: Float64Array, k: number): number {
  let sum = 0;
  let present = 0;
  for (let t = 0; t < k; t++) {
    let support = 0;
    for (let p = 0; p < k; p++) support += m[t * k + p]!;
    if (support > 0) {
      sum += m[t * k + t]! / support;
      present++;
    }
  }
  return present > 0 ? sum / present : NaN;
}

/**
 * Descriptor of the balanced accuracy of the argmax prediction (id `balancedAccuracy`).
 * @example
 * balancedAccuracyMetric.compute([0, 0, 1], [0.9, 0.1, 0.2, 0.8, 0.3, 0.7]) // 0.75
 */
export const balancedAccuracyMetric = defineMetric({
  id: 'balancedAccuracy',
  label: 'Balanced accuracy',
  tasks: CLASSIFICATION_TASKS,
  greaterIsBetter: true,
  prepare: (yTrue, probs) => {
    const k = checkScores(yTrue, probs, false);
    const yPred = argmaxRows(probs, k);
    const classes = Math.max(k, 2);
    return (w) => fromConfusion(weightedConfusion(yTrue, yPred, classes, w), classes);
  },
});
