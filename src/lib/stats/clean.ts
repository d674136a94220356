/**
 * Input cleaning shared by every statistic: missing values are dropped first (STATS.md), and
 * a sample that has nothing left is rejected with an error that names it.
 */
import { InvalidArgumentError } from '../contracts/errors';

/** A numeric sample with its missing values removed. */
export interface CleanNumeric {
  /** The finite values, in input order (a fresh array the caller may sort in place). */
  values: Float64Array;
  /** How many values were dropped (NaN, ±Infinity). */
  missing: number;
}

/**
 * Copies the finite values of a numeric sample, dropping NaN and ±Infinity.
 *
 * Evidently replaces ±inf by NaN and drops NaN before every drift test, and STATS.md defines
 * numeric columns as finite numbers, so infinities count as missing too.
 * @param sample the raw values
 * @param name argument name used in the error message
 * @returns the finite values and the number dropped
 * @throws {InvalidArgumentError} when no finite value remains
 * @example
 * cleanNumeric([1, NaN, 3], 'ref') // { values: Float64Array [1, 3], missing: 1 }
 */
export function cleanNumeric(sample: ArrayLike<number>, name: string): CleanNumeric {
  const n = sample.length;
  const out = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const v = sample[i]!;
    // v - v is 0 for finite numbers and NaN for NaN and ±Infinity.
    if (v - v === 0) out[k++] = v;
  }
  if (k === 0) throw emptySample(sample, name);
  return { values: k === n ? out : out.slice(0, k), missing: n - k };
}

/** A categorical sample with its missing values removed. */
export interface CleanCategorical {
  values: string[];
  missing: number;
}

/**
 * Drops missing entries of a categorical sample: `null`, `undefined`, NaN and the empty string
 * (an empty CSV cell, which pandas reads as NaN). Booleans and numbers become their strings.
 * @param sample the raw values
 * @param name argument name used in the error message
 * @returns the present values and the number dropped
 * @throws {InvalidArgumentError} when nothing remains
 * @example
 * cleanCategorical(['a', '', 'b'], 'cur') // { values: ['a', 'b'], missing: 1 }
 */
export function cleanCategorical(
  sample: ArrayLike<string | number | boolean | null | undefined>,
  name: string,
): CleanCategorical {
  const values: string[] = [];
  const n = sample.length;
  for (let i = 0; i < n; i++) {
    const v = sample[i];
    if (v === null || v === undefined || v === '' || Number.isNaN(v)) continue;
    values.push(String(v));
  }
  if (values.length === 0) throw emptySample(sample, name);
  return { values, missing: n - values.length };
}

function emptySample(sample: ArrayLike<unknown>, name: string): InvalidArgumentError {
  const shown = sample.length <= 5 ? Array.from(sample) : `${sample.length} values`;
  const why =
    sample.length === 0
      ? 'the sample is empty; pass at least one value'
      : `all ${sample.length} values are missing (NaN, infinite or empty); pass at least one usable value`;
  return new InvalidArgumentError(name, shown, why);
}

/**
 * Checks that a count is a non-negative integer.
 * @param value the count
 * @param name argument name for the error
 * @returns the value
 * @throws {InvalidArgumentError} when it is negative, fractional or not finite
 * @example
 * requireCount(3, 'nA') // 3
 */
export function requireCount(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 0) {
    throw new InvalidArgumentError(name, value, 'must be a non-negative integer count');
  }
  return value;
}

/**
 * Checks a probability strictly between 0 and 1.
 * @param value the probability
 * @param name argument name for the error
 * @returns the value
 * @throws {InvalidArgumentError} when it is outside (0, 1) or NaN
 * @example
 * requireOpenUnit(0.5, 'splitA') // 0.5
 */
export function requireOpenUnit(value: number, name: string): number {
  if (!(value > 0 && value < 1)) {
    throw new InvalidArgumentError(name, value, 'must be strictly between 0 and 1');
  }
  return value;
}
