import type { CalibrationCurve } from '../contracts/entities';
import { InvalidArgumentError } from '../contracts/errors';

/**
 * Reliability diagram of a binary problem, as scikit-learn 1.2.1 `calibration_curve(y_true,
 * prob, n_bins=nBins, strategy='uniform')`: bins with edges `i / nBins` (computed as
 * `i * (1 / nBins)`, like `np.linspace`), a probability on an inner edge going to the lower bin
 * (`np.searchsorted(edges[1:-1], p)`), empty bins left out. Adds the row count of each bin,
 * which scikit-learn does not return, for the histogram under the diagram.
 * @param yTrue 1 (positive) or 0 (negative) per row
 * @param prob predicted probability of the positive class per row, in [0, 1]
 * @param nBins number of uniform bins (default 10)
 * @returns per non-empty bin: share of positives, mean predicted probability, row count
 * @throws InvalidArgumentError for empty or unequal-length inputs, labels other than 0/1,
 *   probabilities outside [0, 1] or a bin count that is not a positive integer
 * @example
 * calibrationCurve([0, 0, 1, 1], [0.1, 0.15, 0.85, 0.9], 5)
 * // { probTrue: [0, 1], probPred: [0.125, 0.875], count: [2, 2] }
 */
export function calibrationCurve(
  yTrue: ArrayLike<number>,
  prob: ArrayLike<number>,
  nBins = 10,
): CalibrationCurve {
  const n = yTrue.length;
  if (n === 0) throw new InvalidArgumentError('yTrue', [], 'needs at least one value');
  if (prob.length !== n) throw new InvalidArgumentError('prob.length', prob.length, `must be ${n}`);
  if (!Number.isInteger(nBins) || nBins < 1) {
    throw new InvalidArgumentError('nBins', nBins, 'must be a positive integer');
  }
  const step = 1 / nBins;
  const sumProb = new Float64Array(nBins);
  const sumTrue = new Float64Array(nBins);
  const count = new Float64Array(nBins);
  for (let i = 0; i < n; i++) {
    const y = yTrue[i]!;
    const p = prob[i]!;
    if (y !== 0 && y !== 1) throw new InvalidArgumentError(`yTrue[${i}]`, y, 'must be 0 or 1');
    if (!(p >= 0 && p <= 1)) {
      throw new InvalidArgumentError(`prob[${i}]`, p, 'must be a probability in [0, 1]');
    }
    // Bin = number of inner edges strictly below p; start from the arithmetic guess and step
    // past rounding in either direction.
    let b = Math.min(nBins - 1, Math.floor(p * nBins));
    while (b > 0 && b * step >= p) b--;
    while (b < nBins - 1 && (b + 1) * step < p) b++;
    sumProb[b]! += p;
    sumTrue[b]! += y;
    count[b]! += 1;
  }
  const out: CalibrationCurve = { probTrue: [], probPred: [], count: [] };
  for (let b = 0; b < nBins; b++) {
    const c = count[b]!;
    if (c === 0) continue;
    out.probTrue.push(sumTrue[b]! / c);
    out.probPred.push(sumProb[b]! / c);
    out.count.push(c);
  }
  return out;
}
