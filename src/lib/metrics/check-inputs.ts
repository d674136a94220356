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
    for (let i = 0; i < y.length; i++) {
      const c = y[i]!;
      if (!Number.isInteger(c) || c < 0 || (nClasses !== undefined && c >= nClasses)) {
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
