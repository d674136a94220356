import { InvalidArgumentError } from '../contracts/errors';

/**
 * Checks a pair of class-index arrays: same non-zero length, integers in 0..nClasses-1.
 * @param yTrue true class indices
 * @param yPred predicted class indices
 * @param nClasses number of classes, or undefined to skip the range check
 * @returns nothing
 * @throws InvalidArgumentError naming the first bad argument or value
 * @example
 * checkClasses([0, 1], [1, 1], 2) // ok
 */
export function checkClasses(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  nClasses?: number,
): void {
  checkLengths(yTrue, yPred);
  if (nClasses !== undefined && !(Number.isInteger(nClasses) && nClasses >= 1)) {
    throw new InvalidArgumentError('nClasses', nClasses, 'must be a positive integer');
  }
  for (const [name, y] of [
    ['yTrue', yTrue],
    ['yPred', yPred],
  ] as const) {
    const limit = nClasses ?? Infinity;
    for (let i = 0; i < y.length; i++) {
      const c = y[i]!;
      // (c | 0) === c: an integer in int32 range, cheaper than Number.isInteger in this hot loop
      if ((c | 0) !== c || c < 0 || c >= limit) {
        throw new InvalidArgumentError(
          `${name}[${i}]`,
          c,
          nClasses === undefined
            ? 'must be a class index ≥ 0'
            : `must be a class index in 0..${nClasses - 1}`,
        );
      }
    }
  }
}

/**
 * Checks a pair of real-valued arrays: same non-zero length, every value finite.
 * @param yTrue true values
 * @param yPred predicted values
 * @returns nothing
 * @throws InvalidArgumentError naming the first bad argument or value
 * @example
 * checkValues([1.5], [2]) // ok
 */
export function checkValues(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): void {
  checkLengths(yTrue, yPred);
  for (const [name, y] of [
    ['yTrue', yTrue],
    ['yPred', yPred],
  ] as const) {
    for (let i = 0; i < y.length; i++) {
      if (!Number.isFinite(y[i]!)) {
        throw new InvalidArgumentError(`${name}[${i}]`, y[i], 'must be a finite number');
      }
    }
  }
}

function checkLengths(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): void {
  if (yTrue.length === 0) throw new InvalidArgumentError('yTrue', [], 'needs at least one value');
  if (yTrue.length !== yPred.length) {
    throw new InvalidArgumentError(
      'yPred.length',
      yPred.length,
      `must equal yTrue.length (${yTrue.length})`,
    );
  }
}

/**
 * Checks optional per-row sample weights (scikit-learn `sample_weight`): `n` finite values ≥ 0
 * with a positive total. Bootstrap resamples are expressed as integer weights (how often each
 * row was drawn), so every weighted metric is also a resampled metric.
 * @param sampleWeight the weights, or undefined for all ones
 * @param n number of rows
 * @returns nothing
 * @throws InvalidArgumentError naming the first bad weight, a length mismatch or a zero total
 * @example
 * checkWeights([1, 0, 2], 3) // ok
 */
export function checkWeights(sampleWeight: ArrayLike<number> | undefined, n: number): void {
  if (sampleWeight === undefined) return;
  if (sampleWeight.length !== n) {
    throw new InvalidArgumentError(
      'sampleWeight.length',
      sampleWeight.length,
      `must equal yTrue.length (${n})`,
    );
  }
  let total = 0;
  for (let i = 0; i < n; i++) {
    const w = sampleWeight[i]!;
    if (!Number.isFinite(w) || w < 0) {
      throw new InvalidArgumentError(`sampleWeight[${i}]`, w, 'must be a finite number ≥ 0');
    }
    total += w;
  }
  if (total <= 0) throw new InvalidArgumentError('sampleWeight', 'all 0', 'needs a positive total');
}

/**
 * Checks class indices against a row-major score matrix and returns its width: `scores` holds
 * `n × k` values (k ≥ 2 columns, one per class) or `n` values (k = 1: the positive-class score of
 * a binary problem, classes 0 and 1). Scores must be finite; with `probabilities` they must also
 * lie in [0, 1].
 * @param yTrue true class indices
 * @param scores n × k scores, row-major, or n positive-class scores
 * @param probabilities whether the scores must be probabilities in [0, 1]
 * @returns the number of columns k (1 for a positive-class vector)
 * @throws InvalidArgumentError for empty input, a length that is not a multiple of n, a class
 *   index outside 0..max(k, 2)−1, or a bad score
 * @example
 * checkScores([0, 1], [0.8, 0.2, 0.3, 0.7], true) // 2
 */
export function checkScores(
  yTrue: ArrayLike<number>,
  scores: ArrayLike<number>,
  probabilities: boolean,
): number {
  const n = yTrue.length;
  if (n === 0) throw new InvalidArgumentError('yTrue', [], 'needs at least one value');
  const k = scores.length / n;
  if (!Number.isInteger(k) || k < 1) {
    throw new InvalidArgumentError(
      'scores.length',
      scores.length,
      `must be yTrue.length (${n}) times the number of classes`,
    );
  }
  const classes = Math.max(k, 2);
  for (let i = 0; i < n; i++) {
    const c = yTrue[i]!;
    if (!Number.isInteger(c) || c < 0 || c >= classes) {
      throw new InvalidArgumentError(
        `yTrue[${i}]`,
        c,
        `must be a class index in 0..${classes - 1}`,
      );
    }
  }
  for (let j = 0; j < scores.length; j++) {
    const s = scores[j]!;
    if (!Number.isFinite(s) || (probabilities && (s < 0 || s > 1))) {
      throw new InvalidArgumentError(
        `scores[${j}]`,
        s,
        probabilities ? 'must be a probability in [0, 1]' : 'must be a finite number',
      );
    }
  }
  return k;
}
