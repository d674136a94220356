import { checkScores, checkWeights } from './check-inputs';
import { CLASSIFICATION_TASKS, defineMetric } from './metric-descriptor';
import { macroOvr, rocAucRanked } from './ranking';

/**
 * Area under the ROC curve, as scikit-learn computes it. Binary (scores of width 1, or 2 with
 * column 1 = class 1): `roc_auc_score(y_true, p1, sample_weight=w)`. Multiclass (k ≥ 3
 * columns of probabilities): one-vs-rest macro average, `roc_auc_score(y_true, P,
 * multi_class='ovr', average='macro', labels=range(k))`. Ties in the scores count half (the
 * trapezoid). scikit-learn also requires multiclass rows to sum to 1; this function does not
 * check it.
 * @param yTrue true class indices
 * @param scores n positive-class scores, or n × k scores (row-major)
 * @param sampleWeight optional per-row weights (≥ 0)
 * @returns AUC in [0, 1]; NaN when a class has no positive or no negative rows (scikit-learn
 *   raises "Only one class present in y_true")
 * @throws InvalidArgumentError for empty input, a bad shape, class indices or scores, or bad
 *   weights
 * @example
 * rocAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) // 0.75
 */
export function rocAuc(
  yTrue: ArrayLike<number>,
  scores: ArrayLike<number>,
  sampleWeight?: ArrayLike<number>,
): number {
  const k = checkScores(yTrue, scores, false);
  checkWeights(sampleWeight, yTrue.length);
  return macroOvr(yTrue, scores, k, rocAucRanked)(sampleWeight);
}

/**
 * Descriptor of {@link rocAuc} (id `rocAuc`).
 * @example
 * rocAucMetric.compute([0, 1], [0.7, 0.3, 0.4, 0.6]) // 1
 */
export const rocAucMetric = defineMetric({
  id: 'rocAuc',
  label: 'ROC AUC',
  tasks: CLASSIFICATION_TASKS,
  greaterIsBetter: true,
  prepare: (yTrue, probs) => macroOvr(yTrue, probs, checkScores(yTrue, probs, false), rocAucRanked),
});
