import { argmaxRows } from './argmax-rows';
import { checkClasses, checkScores, checkWeights } from './check-inputs';
import { CLASSIFICATION_TASKS, defineMetric, type MetricDescriptor } from './metric-descriptor';
import { weightedConfusion } from './weighted-confusion';

/** Precision, recall and F1 averaged over classes. */
export interface AveragedScores {
  precision: number;
  recall: number;
  f1: number;
}

/** Per-class scores and their macro and support-weighted averages. */
export interface PrecisionRecallF1 {
  precision: number[];
  recall: number[];
  f1: number[];
  /** Count (or total weight) of true rows per class. */
  support: number[];
  macro: AveragedScores;
  weighted: AveragedScores;
}

/**
 * Per-class precision, recall and F1 with macro and weighted averages, matching scikit-learn
 * `precision_recall_fscore_support(y_true, y_pred, labels=range(nClasses), zero_division=0,
 * sample_weight=w)`: a ratio with a zero denominator is 0, so a class never predicted has
 * precision 0 and a class absent from both arrays scores 0 everywhere and still counts in the
 * macro average. F1 is `2·tp / (2·tp + fp + fn)`.
 * @param yTrue true class indices
 * @param yPred predicted class indices
 * @param nClasses number of classes
 * @param sampleWeight optional per-row weights (≥ 0)
 * @returns per-class arrays (index = class) and averages
 * @throws InvalidArgumentError for empty or unequal-length inputs, classes outside 0..n-1 or bad
 *   weights
 * @example
 * precisionRecallF1([0, 0, 1, 1], [0, 1, 1, 1], 2).f1 // [0.6667, 0.8]
 */
export function precisionRecallF1(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  nClasses: number,
  sampleWeight?: ArrayLike<number>,
): PrecisionRecallF1 {
  checkClasses(yTrue, yPred, nClasses);
  checkWeights(sampleWeight, yTrue.length);
  return scoresFromConfusion(weightedConfusion(yTrue, yPred, nClasses, sampleWeight), nClasses);
}

/**
 * Precision, recall and F1 (zero_division=0) from a flat row-major confusion matrix, as
 * {@link precisionRecallF1} computes them.
 * @param m flat k × k confusion counts or weights (`m[t·k + p]`)
 * @param k number of classes
 * @returns per-class arrays and averages
 * @throws never
 * @example
 * scoresFromConfusion(Float64Array.of(1, 1, 0, 2), 2).recall // [0.5, 1]
 */
export function scoresFromConfusion(m: ArrayLike<number>, k: number): PrecisionRecallF1 {
  const precision: number[] = [];
  const recall: number[] = [];
  const f1: number[] = [];
  const support: number[] = [];
  for (let c = 0; c < k; c++) {
    const tp = m[c * k + c]!;
    let predicted = 0;
    let actual = 0;
    for (let j = 0; j < k; j++) {
      predicted += m[j * k + c]!;
      actual += m[c * k + j]!;
    }
    precision.push(ratio(tp, predicted));
    recall.push(ratio(tp, actual));
    f1.push(ratio(2 * tp, predicted + actual));
    support.push(actual);
  }
  const total = support.reduce((a, b) => a + b, 0);
  const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
  const weigh = (xs: number[]): number =>
    ratio(
      xs.reduce((a, x, c) => a + x * support[c]!, 0),
      total,
    );
  return {
    precision,
    recall,
    f1,
    support,
    macro: { precision: mean(precision), recall: mean(recall), f1: mean(f1) },
    weighted: { precision: weigh(precision), recall: weigh(recall), f1: weigh(f1) },
  };
}

/** zero_division=0: a ratio with nothing to divide by is 0. */
function ratio(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}

const averages = [
  ['macro', 'Macro'],
  ['weighted', 'Weighted'],
] as const;
const scores = [
  ['F1', 'f1', 'F1'],
  ['Precision', 'precision', 'precision'],
  ['Recall', 'recall', 'recall'],
] as const;

/**
 * Descriptors of the macro and support-weighted precision, recall and F1 of the argmax
 * prediction: ids `macroF1`, `weightedF1`, `macroPrecision`, `weightedPrecision`,
 * `macroRecall`, `weightedRecall`.
 * @example
 * averagedScoreMetrics.map((m) => m.id) // ['macroF1', 'weightedF1', 'macroPrecision', ...]
 */
export const averagedScoreMetrics: readonly MetricDescriptor[] = scores.flatMap(
  ([suffix, key, name]) =>
    averages.map(([average, averageLabel]) =>
      defineMetric({
        id: `${average}${suffix}`,
        label: `${averageLabel} ${name}`,
        tasks: CLASSIFICATION_TASKS,
        greaterIsBetter: true,
        prepare: (yTrue, probs) => {
          const k = checkScores(yTrue, probs, false);
          const yPred = argmaxRows(probs, k);
          const classes = Math.max(k, 2);
          return (w) =>
            scoresFromConfusion(weightedConfusion(yTrue, yPred, classes, w), classes)[average][key];
        },
      }),
    ),
);
