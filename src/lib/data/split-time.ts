/**
 * Time-ordered split (issue 3 item 7): train on the past, validate and test on the future, so a
 * model is judged on rows later than everything it learned from.
 */
import type { SplitSpec } from '../contracts/entities';
import { DataError, InvalidArgumentError } from '../contracts/errors';
import { splitSizes, type RowSplit } from './split';

/** Result of {@link timeOrderedSplit}: the parts and the rows left out for lack of a time. */
export interface TimeSplit extends RowSplit {
  /** Rows without a time (NaN), ascending; empty unless `missing: 'exclude'`. */
  excluded: Int32Array;
}

/** Options of {@link timeOrderedSplit}. */
export interface TimeSplitOptions {
  /**
   * Rows whose time is missing (NaN or not finite): `'error'` (default) refuses the split with
   * a message naming how many; `'exclude'` leaves them out of every part and lists them in
   * `excluded`, for the caller to report.
   */
  missing?: 'error' | 'exclude';
}

/**
 * Splits rows by time: sorted by time (ties by row index, so the result is deterministic), the
 * earliest go to train, the next to validation, the latest to test. Part sizes follow
 * {@link splitSizes} (the {@link splitRows} rule). Rows with equal times can fall on both sides
 * of a boundary. `spec.seed` and `spec.stratify` are not used.
 * @param times time per row of the table (ms since epoch, e.g. a datetime column; NaN = missing)
 * @param spec the fractions; `spec.timeColumn` names the column in messages
 * @param rows optional row indices to split (e.g. rows whose target is present); all when omitted
 * @param options what to do with rows without a time
 * @returns disjoint ascending index arrays covering `rows` (minus `excluded`), with every train
 *   time ≤ every validation time ≤ every test time
 * @throws DataError when rows lack a time and `missing` is `'error'` (naming the count and the
 *   column); InvalidArgumentError for bad fractions or row indices outside the table
 * @example
 * timeOrderedSplit(Float64Array.from([5, 1, 4, 2, 3]),
 *   { seed: 0, train: 0.6, validation: 0.2, test: 0.2, stratify: false })
 * // { train: Int32Array [1, 3, 4], validation: Int32Array [2], test: Int32Array [0],
 * //   excluded: Int32Array [] }
 */
export function timeOrderedSplit(
  times: Float64Array,
  spec: SplitSpec,
  rows?: ArrayLike<number>,
  options: TimeSplitOptions = {},
): TimeSplit {
  const n = times.length;
  const use = rows ? Int32Array.from(rows) : Int32Array.from({ length: n }, (_, i) => i);
  const timed: number[] = [];
  const excluded: number[] = [];
  for (const r of use) {
    if (r < 0 || r >= n) throw new InvalidArgumentError('rows', r, `must be in 0..${n - 1}`);
    if (Number.isFinite(times[r]!)) timed.push(r);
    else excluded.push(r);
  }
  if (excluded.length > 0 && (options.missing ?? 'error') === 'error') {
    const column = spec.timeColumn === undefined ? 'the time column' : `\`${spec.timeColumn}\``;
    throw new DataError(
      `${excluded.length} of ${use.length} rows have no value in ${column}, so they cannot be ` +
        `ordered in time; fill or drop them, or leave them out of the split`,
      spec.timeColumn === undefined ? undefined : { column: spec.timeColumn },
    );
  }
  const [nTrain, nVal] = splitSizes(timed.length, spec);
  timed.sort((a, b) => times[a]! - times[b]! || a - b);
  const part = (from: number, to: number): Int32Array =>
    Int32Array.from(timed.slice(from, to)).sort();
  return {
    train: part(0, nTrain),
    validation: part(nTrain, nTrain + nVal),
    test: part(nTrain + nVal, timed.length),
    excluded: Int32Array.from(excluded).sort(),
  };
}
