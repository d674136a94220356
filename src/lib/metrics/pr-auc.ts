import { checkScores, checkWeights } from './check-inputs';
import { CLASSIFICATION_TASKS, defineMetric } from './metric-descriptor';
import { averagePrecisionRanked, macroOvr } from './ranking';

/**
 * Area under the precision-recall curve as average precision (the step integral, no
 * interpolation), as scikit-learn computes it. Binary (scores of width 1, or 2 with column 1 =
 * class 1): `average_precision_score(y_true, p1, sample_weight=w)`. Multiclass (k ≥ 3 columns):
 * one-vs-rest macro average, `average_precision_score(label_binarize(y_true,
 * classes=range(k)), P, average='macro')`.
 *
 * Deliberate difference: when a class has no positive rows, scikit-learn warns and counts its AP
 * as 0; here the result is NaN (undefined), so a bootstrap resample or a slice without positives
 * is skipped instead of dragging the average to 0.
 * @param yTrue true class indices
 * @param scores n positive-class scores, or n × k scores (row-major)
 * @param sampleWeight optional per-row weights (≥ 0)
 * @returns average precision in [0, 1]; NaN when a class has no positive rows
 * @throws InvalidArgumentError for empty input, a bad shape, class indices or scores, or bad
 *   weights
 * @example
 * prAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) // 0.8333
 */
export function prAuc(
  yTrue: ArrayLike<number>,
  scores: ArrayLike<number>,
  sampleWeight?: ArrayLike<number>,
): number {
  const k = checkScores(yTrue, scores, false);
  checkWeights(sampleWeight, yTrue.length);
  return macroOvr(yTrue, scores, k, averagePrecisionRanked)(sampleWeight);
}

/**
 * Descriptor of {@link prAuc} (id `prAuc`).
 * @example
 * prAucMetric.compute([0, 1], [0.7, 0.3, 0.4, 0.6]) // 1
 */
export const prAucMetric = defineMetric({
  id: 'prAuc',
  label: 'PR AUC (average precision)',
  tasks: CLASSIFICATION_TASKS,
  greaterIsBetter: true,
  prepare: (yTrue, probs) =>
    macroOvr(yTrue, probs, checkScores(yTrue, probs, false), averagePrecisionRanked),
});
