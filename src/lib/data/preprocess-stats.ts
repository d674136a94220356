/**
 * The statistics preprocessing is fitted with, over the PRESENT (non-NaN) values of a training
 * sample: mean and population std, median, most frequent value, min and max; and the one rule
 * that turns an imputation strategy and a scaling method into `{ fill, center, scale }`.
 */
import type { ImputeStrategy, ScaleMethod } from '../contracts/entities';

/** What fitting an imputation and a scaling gives: output = `((x missing ? fill : x) - center) / scale`. */
export interface AffineFit {
  fill: number;
  center: number;
  scale: number;
}

/**
 * Mean and population standard deviation (ddof 0, like scikit-learn's StandardScaler) of the
 * present values, summed in index order. A std of 0 (or not finite) becomes 1; no present value
 * gives mean 0, std 1.
 * @param values a sample, NaN = missing
 * @returns `{ mean, std }`
 * @throws never
 * @example
 * presentMeanStd(Float64Array.from([1, 2, 3, NaN])) // { mean: 2, std: 0.816496580927726 }
 */
export function presentMeanStd(values: ArrayLike<number>): { mean: number; std: number } {
  let n = 0;
  let sum = 0;
  for (let k = 0; k < values.length; k++) {
    const x = values[k]!;
    if (!Number.isNaN(x)) {
      n++;
      sum += x;
    }
  }
  if (n === 0) return { mean: 0, std: 1 };
  const mean = sum / n;
  let ss = 0;
  for (let k = 0; k < values.length; k++) {
    const x = values[k]!;
    if (!Number.isNaN(x)) ss += (x - mean) * (x - mean);
  }
  const std = Math.sqrt(ss / n);
  // A constant (or numerically constant) column would divide by ~0; leave it centred instead.
  return { mean, std: std > 0 && Number.isFinite(std) ? std : 1 };
}

/**
 * The present values, sorted ascending.
 * @param values a sample, NaN = missing
 * @returns a new sorted Float64Array without NaN
 * @throws never
 * @example
 * sortedPresent([3, NaN, 1]) // Float64Array [1, 3]
 */
export function sortedPresent(values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(values.length);
  let n = 0;
  for (let k = 0; k < values.length; k++) {
    const x = values[k]!;
    if (!Number.isNaN(x)) out[n++] = x;
  }
  return out.subarray(0, n).sort();
}

/**
 * Median of sorted values, as `numpy.median`: the middle value, or for an even count the mean
 * `(a + b) / 2` of the two middle ones.
 * @param sorted ascending values without NaN
 * @returns the median; NaN when empty
 * @throws never
 * @example
 * medianOfSorted(Float64Array.from([1, 2, 10, 20])) // 6
 */
export function medianOfSorted(sorted: ArrayLike<number>): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = n >> 1;
  return n % 2 === 1 ? sorted[h]! : (sorted[h - 1]! + sorted[h]!) / 2;
}

/**
 * Most frequent of sorted values; ties go to the smallest value, as scikit-learn's
 * `SimpleImputer(strategy='most_frequent')` and `np.unique(x, return_counts=True)` + `argmax`.
 * `-0` and `0` count as one value.
 * @param sorted ascending values without NaN
 * @returns the mode; NaN when empty
 * @throws never
 * @example
 * modeOfSorted(Float64Array.from([1, 2, 2, 3, 3])) // 2
 */
export function modeOfSorted(sorted: ArrayLike<number>): number {
  let best = NaN;
  let bestCount = 0;
  for (let k = 0; k < sorted.length;) {
    const x = sorted[k]!;
    let end = k + 1;
    while (end < sorted.length && sorted[end] === x) end++;
    if (end - k > bestCount) {
      best = x;
      bestCount = end - k;
    }
    k = end;
  }
  return best;
}

/**
 * Fits an imputation and a scaling on a training sample. The scaling statistics come from the
 * present values only (as the original `standardize`), not from the filled ones.
 *
 * - fill: `mean`, `median` ({@link medianOfSorted}), `most-frequent` ({@link modeOfSorted}) of
 *   the present values, or `constant` = `fillValue`; with no present value, 0 (or `fillValue`).
 * - `standard`: center = mean, scale = population std ({@link presentMeanStd}: 0 → 1);
 *   `min-max`: center = min, scale = max − min (0 → 1), so train values map to [0, 1];
 *   `none`: center 0, scale 1. With no present value: center 0, scale 1.
 * @param values the training sample, NaN = missing
 * @param impute the imputation strategy
 * @param fillValue the constant for `constant`
 * @param method the scaling method
 * @returns `{ fill, center, scale }`
 * @throws never
 * @example
 * fitAffine(Float64Array.from([1, NaN, 3, 10]), 'median', 0, 'min-max')
 * // { fill: 3, center: 1, scale: 9 }
 */
export function fitAffine(
  values: ArrayLike<number>,
  impute: ImputeStrategy,
  fillValue: number,
  method: ScaleMethod,
): AffineFit {
  const sorted = sortedPresent(values);
  const { mean, std } = presentMeanStd(values);
  let fill: number;
  if (impute === 'constant') fill = fillValue;
  else if (sorted.length === 0) fill = 0;
  else if (impute === 'median') fill = medianOfSorted(sorted);
  else if (impute === 'most-frequent') fill = modeOfSorted(sorted);
  else fill = mean;
  if (sorted.length === 0 || method === 'none') return { fill, center: 0, scale: 1 };
  if (method === 'standard') return { fill, center: mean, scale: std };
  const min = sorted[0]!;
  const range = sorted[sorted.length - 1]! - min;
  return { fill, center: min, scale: range > 0 && Number.isFinite(range) ? range : 1 };
}
