import { InvalidArgumentError } from '../contracts/errors';
import { checkWeights } from './check-inputs';

/** Cumulative positive and negative weight at each distinct threshold, by descending score. */
export interface ClfCurve {
  fps: number[];
  tps: number[];
  thresholds: number[];
}

/**
 * scikit-learn's `_binary_clf_curve`: rows with weight 0 are dropped, the rest sorted by
 * descending score; at each distinct score (threshold) the cumulative weight of negatives (fps)
 * and positives (tps) with a score ≥ that threshold.
 * @param yTrue 1 (positive) or 0 (negative) per row
 * @param scores one score per row
 * @param sampleWeight optional per-row weights (≥ 0)
 * @returns fps, tps and thresholds, one per distinct score, thresholds decreasing
 * @throws InvalidArgumentError for empty or unequal-length inputs, labels other than 0/1,
 *   non-finite scores or bad weights
 * @example
 * binaryClfCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
 * // { fps: [0, 1, 1, 2], tps: [1, 1, 2, 2], thresholds: [0.8, 0.4, 0.35, 0.1] }
 */
export function binaryClfCurve(
  yTrue: ArrayLike<number>,
  scores: ArrayLike<number>,
  sampleWeight?: ArrayLike<number>,
): ClfCurve {
  const n = yTrue.length;
  if (n === 0) throw new InvalidArgumentError('yTrue', [], 'needs at least one value');
  if (scores.length !== n) {
    throw new InvalidArgumentError('scores.length', scores.length, `must equal ${n}`);
  }
  checkWeights(sampleWeight, n);
  const rows: number[] = [];
  for (let i = 0; i < n; i++) {
    if (yTrue[i] !== 0 && yTrue[i] !== 1) {
      throw new InvalidArgumentError(`yTrue[${i}]`, yTrue[i], 'must be 0 or 1');
    }
    if (!Number.isFinite(scores[i]!)) {
      throw new InvalidArgumentError(`scores[${i}]`, scores[i], 'must be a finite number');
    }
    if (sampleWeight === undefined || sampleWeight[i]! !== 0) rows.push(i);
  }
  rows.sort((a, b) => scores[b]! - scores[a]! || a - b);
  const fps: number[] = [];
  const tps: number[] = [];
  const thresholds: number[] = [];
  let tp = 0;
  let fp = 0;
  for (let j = 0; j < rows.length; j++) {
    const i = rows[j]!;
    const w = sampleWeight === undefined ? 1 : sampleWeight[i]!;
    if (yTrue[i] === 1) tp += w;
    else fp += w;
    const next = rows[j + 1];
    if (next === undefined || scores[next]! !== scores[i]!) {
      fps.push(fp);
      tps.push(tp);
      thresholds.push(scores[i]!);
    }
  }
  return { fps, tps, thresholds };
}
