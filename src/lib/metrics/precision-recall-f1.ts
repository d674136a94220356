import { confusionMatrix } from './confusion-matrix';

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
  /** Count of true rows per class. */
  support: number[];
  macro: AveragedScores;
  weighted: AveragedScores;
}

/**
 * Per-class precision, recall and F1 with macro and weighted averages, matching scikit-learn
 * `precision_recall_fscore_support(y_true, y_pred, labels=range(nClasses), zero_division=0)`:
 * a ratio with a zero denominator is 0, so a class never predicted has precision 0 and a class
 * absent from both arrays scores 0 everywhere and still counts in the macro average. F1 is
 * `2·tp / (2·tp + fp + fn)`.
 * @param yTrue true class indices
 * @param yPred predicted class indices
 * @param nClasses number of classes
 * @returns per-class arrays (index = class) and averages
 * @throws InvalidArgumentError for empty or unequal-length inputs or classes outside 0..n-1
 * @example
 * precisionRecallF1([0, 0, 1, 1], [0, 1, 1, 1], 2).f1 // [0.6667, 0.8]
 */
export function precisionRecallF1(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  nClasses: number,
): PrecisionRecallF1 {
  const m = confusionMatrix(yTrue, yPred, nClasses);
  const precision: number[] = [];
  const recall: number[] = [];
  const f1: number[] = [];
  const support: number[] = [];
  for (let c = 0; c < nClasses; c++) {
    const tp = m[c]![c]!;
    let predicted = 0;
    let actual = 0;
    for (let k = 0; k < nClasses; k++) {
      predicted += m[k]![c]!;
      actual += m[c]![k]!;
    }
    precision.push(ratio(tp, predicted));
    recall.push(ratio(tp, actual));
    f1.push(ratio(2 * tp, predicted + actual));
    support.push(actual);
  }
  const total = yTrue.length;
  const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
  const weigh = (xs: number[]): number => xs.reduce((a, x, c) => a + x * support[c]!, 0) / total;
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
