import type { ResidualSummary } from '../contracts/entities';
import { InvalidArgumentError } from '../contracts/errors';
import { checkValues } from './check-inputs';
import { thinIndices } from './thin-curve';

/**
 * Residuals of a regression: `yTrue − yPred` per row (positive = the model predicted too low).
 * @param yTrue true values
 * @param yPred predicted values
 * @returns one residual per row
 * @throws InvalidArgumentError for empty, unequal-length or non-finite inputs
 * @example
 * residuals([3, -0.5, 2, 7], [2.5, 0, 2, 8]) // Float64Array [0.5, -0.5, 0, -1]
 */
export function residuals(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): Float64Array {
  checkValues(yTrue, yPred);
  const out = new Float64Array(yTrue.length);
  for (let i = 0; i < yTrue.length; i++) out[i] = yTrue[i]! - yPred[i]!;
  return out;
}

/**
 * Points and statistics for a residual plot (residual against prediction). With at most
 * `maxPoints` rows every row is plotted. Otherwise the plot is thinned deterministically (no
 * randomness, so the same run always draws the same plot): the `maxPoints / 10` rows with the
 * largest |residual| are always kept, since outliers are what a residual plot is for, and the
 * rest are taken at evenly spaced ranks of the remaining rows ordered by prediction, first and
 * last included ({@link thinIndices}), which keeps the spread along the x axis. Statistics are
 * over all rows.
 * @param yTrue true values
 * @param yPred predicted values
 * @param maxPoints most points to return (default 2,000)
 * @returns plotted points ascending by prediction, their row indices, and summary statistics
 * @throws InvalidArgumentError for empty, unequal-length or non-finite inputs, or maxPoints < 2
 * @example
 * residualSummary([1, 2, 4], [1.5, 2, 3])
 * // { predicted: [1.5, 2, 3], residual: [-0.5, 0, 1], rows: [0, 1, 2], total: 3,
 * //   mean: 0.1667, std: 0.7638, min: -0.5, max: 1 }
 */
export function residualSummary(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  maxPoints = 2000,
): ResidualSummary {
  if (!Number.isInteger(maxPoints) || maxPoints < 2) {
    throw new InvalidArgumentError('maxPoints', maxPoints, 'must be an integer ≥ 2');
  }
  const r = residuals(yTrue, yPred);
  const n = r.length;
  const byPrediction = (a: number, b: number): number => yPred[a]! - yPred[b]! || a - b;
  let rows: number[];
  if (n <= maxPoints) {
    rows = Array.from({ length: n }, (_, i) => i);
  } else {
    const byError = Array.from({ length: n }, (_, i) => i).sort(
      (a, b) => Math.abs(r[b]!) - Math.abs(r[a]!) || a - b,
    );
    const extremes = byError.slice(0, Math.floor(maxPoints / 10));
    const rest = byError.slice(extremes.length).sort(byPrediction);
    const m = maxPoints - extremes.length;
    rows = [...extremes, ...thinIndices(rest.length, m).map((j) => rest[j]!)];
  }
  rows.sort(byPrediction);
  let mean = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    mean += r[i]!;
    min = Math.min(min, r[i]!);
    max = Math.max(max, r[i]!);
  }
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (r[i]! - mean) ** 2;
  return {
    predicted: rows.map((i) => yPred[i]!),
    residual: rows.map((i) => r[i]!),
    rows,
    total: n,
    mean,
    std: n > 1 ? Math.sqrt(ss / (n - 1)) : 0,
    min,
    max,
  };
}
