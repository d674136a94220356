/**
 * One score column sorted once, so that ROC AUC and average precision of any weighting of the
 * rows (a bootstrap resample) take one pass.
 */
export interface RankedColumn {
  /** Row indices by descending score (order within ties is irrelevant: ties are one group). */
  order: Int32Array;
  /** 1 where `order[j]` is the last row of a group of equal scores. */
  groupEnd: Uint8Array;
  /** The score of each row, in row order. */
  scores: Float64Array;
}

/**
 * Sorts column `c` of a row-major n × k score matrix by descending score and marks groups of
 * equal scores (the distinct thresholds of scikit-learn's `_binary_clf_curve`).
 * @param scores n × k scores, row-major
 * @param k number of columns
 * @param c the column
 * @returns the order, group ends and the column's scores
 * @throws never (callers check shapes)
 * @example
 * rankColumn([0.2, 0.8, 0.8], 1, 0).order // Int32Array [1, 2, 0]
 */
export function rankColumn(scores: ArrayLike<number>, k: number, c: number): RankedColumn {
  const n = scores.length / k;
  const column = new Float64Array(n);
  for (let i = 0; i < n; i++) column[i] = scores[i * k + c]!;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => column[b]! - column[a]! || a - b);
  const groupEnd = new Uint8Array(n);
  for (let j = 0; j < n; j++) {
    groupEnd[j] = j === n - 1 || column[order[j]!]! !== column[order[j + 1]!]! ? 1 : 0;
  }
  return { order, groupEnd, scores: column };
}

/**
 * Area under the ROC curve of "class `positive` vs the rest" for one ranked column, optionally
 * weighted: the trapezoidal area under (false-positive weight, true-positive weight) at each
 * distinct threshold, divided by (total positive × total negative weight). Equals scikit-learn
 * `roc_auc_score(y_true == positive, column, sample_weight=w)`.
 * @param ranked the column, ranked by {@link rankColumn}
 * @param yTrue true class indices
 * @param positive the class counted as positive
 * @param sampleWeight per-row weights, or undefined for all ones
 * @returns the AUC in [0, 1]; NaN when the positive or the negative weight is 0
 * @throws never
 * @example
 * rocAucRanked(rankColumn([0.1, 0.4, 0.35, 0.8], 1, 0), [0, 0, 1, 1], 1) // 0.75
 */
export function rocAucRanked(
  ranked: RankedColumn,
  yTrue: ArrayLike<number>,
  positive: number,
  sampleWeight?: ArrayLike<number>,
): number {
  const { order, groupEnd } = ranked;
  let tp = 0;
  let fp = 0;
  let prevTp = 0;
  let prevFp = 0;
  let twiceArea = 0;
  for (let j = 0; j < order.length; j++) {
    const i = order[j]!;
    const w = sampleWeight === undefined ? 1 : sampleWeight[i]!;
    if (yTrue[i] === positive) tp += w;
    else fp += w;
    if (groupEnd[j] === 1) {
      twiceArea += (fp - prevFp) * (tp + prevTp);
      prevTp = tp;
      prevFp = fp;
    }
  }
  if (tp <= 0 || fp <= 0) return NaN;
  return twiceArea / (2 * tp * fp);
}

/**
 * Average precision of "class `positive` vs the rest" for one ranked column, optionally
 * weighted: `Σ (R_t − R_{t−1}) · P_t` over distinct thresholds t by descending score (the step
 * integral without interpolation), as scikit-learn `average_precision_score`.
 * @param ranked the column, ranked by {@link rankColumn}
 * @param yTrue true class indices
 * @param positive the class counted as positive
 * @param sampleWeight per-row weights, or undefined for all ones
 * @returns AP in [0, 1]; NaN when the positive weight is 0 (scikit-learn warns and returns 0)
 * @throws never
 * @example
 * averagePrecisionRanked(rankColumn([0.1, 0.4, 0.35, 0.8], 1, 0), [0, 0, 1, 1], 1) // 0.8333
 */
export function averagePrecisionRanked(
  ranked: RankedColumn,
  yTrue: ArrayLike<number>,
  positive: number,
  sampleWeight?: ArrayLike<number>,
): number {
  const { order, groupEnd } = ranked;
  let tp = 0;
  let fp = 0;
  let prevTp = 0;
  let sum = 0;
  for (let j = 0; j < order.length; j++) {
    const i = order[j]!;
    const w = sampleWeight === undefined ? 1 : sampleWeight[i]!;
    if (yTrue[i] === positive) tp += w;
    else fp += w;
    if (groupEnd[j] === 1) {
      if (tp > prevTp) sum += (tp - prevTp) * (tp / (tp + fp));
      prevTp = tp;
    }
  }
  return tp > 0 ? sum / tp : NaN;
}

/**
 * The one-vs-rest problems a score matrix defines, as scikit-learn's averaged scores read it:
 * k = 1 (positive-class scores) and k = 2 are binary (column of class 1 vs class 0); k ≥ 3 is
 * one problem per class.
 * @param k number of score columns
 * @returns `{ column, positive }` pairs
 * @throws never
 * @example
 * ovrProblems(2) // [{ column: 1, positive: 1 }]
 */
export function ovrProblems(k: number): { column: number; positive: number }[] {
  if (k === 1) return [{ column: 0, positive: 1 }];
  if (k === 2) return [{ column: 1, positive: 1 }];
  return Array.from({ length: k }, (_, c) => ({ column: c, positive: c }));
}

/**
 * Macro mean of a ranked one-vs-rest score over {@link ovrProblems}; NaN if any class's score is
 * undefined (scikit-learn raises for ROC AUC in that case).
 * @param yTrue true class indices
 * @param scores n × k scores
 * @param k number of columns
 * @param score {@link rocAucRanked} or {@link averagePrecisionRanked}
 * @returns a function of the row weights
 * @throws never (callers check shapes)
 * @example
 * macroOvr([0, 1], [0.3, 0.7], 1, rocAucRanked)() // 1
 */
export function macroOvr(
  yTrue: ArrayLike<number>,
  scores: ArrayLike<number>,
  k: number,
  score: typeof rocAucRanked,
): (sampleWeight?: ArrayLike<number>) => number {
  const problems = ovrProblems(k).map((p) => ({ ...p, ranked: rankColumn(scores, k, p.column) }));
  return (w) => {
    let sum = 0;
    for (const p of problems) sum += score(p.ranked, yTrue, p.positive, w);
    return sum / problems.length;
  };
}
