/**
 * k-fold cross-validation folds (issue 3 item 7), seeded and optionally stratified.
 */
import { InvalidArgumentError } from '../contracts/errors';
import { createRng, permutation } from '../stats/rng';

/** One fold: its validation rows and the training rows (all other rows), each ascending. */
export interface Fold {
  train: Int32Array;
  validation: Int32Array;
}

/** Options of {@link kFold}. */
export interface KFoldOptions {
  /** Seed of the shuffle; equal seeds give equal folds. */
  seed: number;
  /** Optional class per row of the table (length n; -1 is a class of its own): stratify. */
  strata?: Int32Array;
  /** Optional row indices to fold (e.g. rows whose target is present); all when omitted. */
  rows?: ArrayLike<number>;
}

/**
 * Splits rows into k folds for cross-validation. The rows are shuffled (seeded), grouped by
 * class when `strata` is given (classes in ascending order, each shuffled on its own), and dealt
 * to the folds in turn (row i of that order to fold i mod k). So the validation parts are
 * disjoint and cover every row, their sizes differ by at most 1, and with strata each class's
 * count per fold differs by at most 1 as well (a class smaller than k is missing from some
 * folds).
 * @param n number of rows in the table
 * @param k number of folds, an integer from 2 to the number of rows
 * @param options `seed`, optional `strata` and `rows`
 * @returns k folds; fold f's train is every other fold's validation rows
 * @throws InvalidArgumentError when k is not an integer in 2..rows, strata has the wrong length,
 *   or a row index is outside 0..n-1
 * @example
 * kFold(5, 2, { seed: 1 }).map((f) => f.validation.length) // [3, 2]
 */
export function kFold(n: number, k: number, options: KFoldOptions): Fold[] {
  const { seed, strata, rows } = options;
  const use = rows ? Int32Array.from(rows) : Int32Array.from({ length: n }, (_, i) => i);
  for (const r of use) {
    if (r < 0 || r >= n) throw new InvalidArgumentError('rows', r, `must be in 0..${n - 1}`);
  }
  if (!Number.isInteger(k) || k < 2 || k > use.length) {
    throw new InvalidArgumentError(
      'k',
      k,
      `use a whole number of folds from 2 to ${use.length} (the rows)`,
    );
  }
  if (strata && strata.length !== n) {
    throw new InvalidArgumentError('strata', strata.length, `must have one class per row (${n})`);
  }
  const rng = createRng(seed);
  const groups = new Map<number, number[]>();
  for (const r of use) {
    const key = strata ? strata[r]! : 0;
    const g = groups.get(key);
    if (g) g.push(r);
    else groups.set(key, [r]);
  }
  const fold = new Int32Array(n).fill(-1);
  let next = 0;
  for (const key of [...groups.keys()].sort((a, b) => a - b)) {
    const group = groups.get(key)!;
    const order = permutation(group.length, rng);
    for (const i of order) fold[group[i]!] = next++ % k;
  }
  const sorted = Int32Array.from(use).sort();
  return Array.from({ length: k }, (_, f) => ({
    train: sorted.filter((r) => fold[r] !== f),
    validation: sorted.filter((r) => fold[r] === f),
  }));
}
