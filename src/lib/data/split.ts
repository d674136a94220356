import type { SplitSpec } from '../contracts/entities';
import { InvalidArgumentError } from '../contracts/errors';
import { createRng, permutation, type Rng } from '../stats/rng';

/** Row indices of the three parts of a split, each ascending. */
export interface RowSplit {
  train: Int32Array;
  validation: Int32Array;
  test: Int32Array;
}

/**
 * Splits rows into train / validation / test, deterministically per `spec.seed`.
 *
 * Fractions are normalised by their sum. Sizes for m rows: test = round(m × test), validation =
 * round(m × validation) (half rounds up), train = the rest; if that leaves train empty, the
 * validation and then the test part give rows back so train has at least one row.
 *
 * Stratified (`spec.stratify` and `strata` given): each class (stratum value; -1 is a class of
 * its own) is shuffled and cut with the same rule on its own size, except that a class with ≥ 2
 * rows gets ≥ 1 test row when test > 0, and a class with ≥ 3 rows gets ≥ 1 validation row when
 * validation > 0, as long as one train row remains. Totals can therefore differ from the
 * unstratified sizes by about one row per class.
 *
 * `spec.method`, when present, decides instead of `spec.stratify`: `'stratified'` stratifies
 * (when `strata` is given), `'random'` never does, and `'time'` is refused here (use
 * {@link timeOrderedSplit}).
 * @param n number of rows in the table
 * @param spec seed and fractions (`SplitSpec`)
 * @param strata optional class per row (length n), used when `spec.stratify`
 * @param rows optional row indices to split (e.g. rows whose target is present); all when omitted
 * @returns disjoint ascending index arrays that together cover `rows`
 * @throws InvalidArgumentError for negative or all-zero fractions, a strata array of the wrong
 *   length, row indices outside 0..n-1, or `spec.method` `'time'`
 * @example
 * splitRows(10, { seed: 1, train: 0.6, validation: 0.2, test: 0.2, stratify: false })
 * // { train: Int32Array(6), validation: Int32Array(2), test: Int32Array(2) }
 */
export function splitRows(
  n: number,
  spec: SplitSpec,
  strata?: Int32Array,
  rows?: ArrayLike<number>,
): RowSplit {
  if (spec.method === 'time') {
    throw new InvalidArgumentError(
      'split.method',
      spec.method,
      'a time-ordered split needs the time column; use timeOrderedSplit',
    );
  }
  const stratify = spec.method === undefined ? spec.stratify : spec.method === 'stratified';
  const fractions = normalise(spec);
  const use = rows ? Int32Array.from(rows) : Int32Array.from({ length: n }, (_, i) => i);
  for (const r of use) {
    if (r < 0 || r >= n) throw new InvalidArgumentError('rows', r, `must be in 0..${n - 1}`);
  }
  if (strata && strata.length !== n) {
    throw new InvalidArgumentError('strata', strata.length, `must have one class per row (${n})`);
  }
  const rng = createRng(spec.seed);
  const parts: [number[], number[], number[]] = [[], [], []];
  if (stratify && strata) {
    const groups = new Map<number, number[]>();
    for (const r of use) {
      const k = strata[r]!;
      const g = groups.get(k);
      if (g) g.push(r);
      else groups.set(k, [r]);
    }
    for (const key of [...groups.keys()].sort((a, b) => a - b)) {
      cut(groups.get(key)!, fractions, rng, true, parts);
    }
  } else {
    cut(Array.from(use), fractions, rng, false, parts);
  }
  const [train, validation, test] = parts.map((p) => Int32Array.from(p).sort());
  return { train: train!, validation: validation!, test: test! };
}

/**
 * Sizes of the three parts for `m` rows, by the rule of {@link splitRows} (unstratified): test =
 * round(m × test), validation = round(m × validation) of the normalised fractions, train the rest
 * and at least one row (validation gives rows back first, then test).
 * @param m number of rows to split
 * @param spec the fractions (`seed` and `stratify` are not used)
 * @returns `[train, validation, test]` sizes summing to m
 * @throws InvalidArgumentError for negative or all-zero fractions
 * @example
 * splitSizes(10, { seed: 1, train: 0.6, validation: 0.2, test: 0.2, stratify: false }) // [6, 2, 2]
 */
export function splitSizes(m: number, spec: SplitSpec): [number, number, number] {
  const [, fVal, fTest] = normalise(spec);
  const [nVal, nTest] = partSizes(m, fVal, fTest, false);
  return [m - nVal - nTest, nVal, nTest];
}

function normalise(spec: SplitSpec): [number, number, number] {
  const f = [spec.train, spec.validation, spec.test];
  f.forEach((x, k) => {
    if (!(x >= 0) || !Number.isFinite(x)) {
      const name = ['train', 'validation', 'test'][k]!;
      throw new InvalidArgumentError(name, x, 'a split fraction must be a finite number ≥ 0');
    }
  });
  const sum = f[0]! + f[1]! + f[2]!;
  if (sum <= 0) throw new InvalidArgumentError('split', f, 'the fractions must not all be 0');
  return [f[0]! / sum, f[1]! / sum, f[2]! / sum];
}

function cut(
  group: number[],
  [, fVal, fTest]: [number, number, number],
  rng: Rng,
  stratified: boolean,
  parts: [number[], number[], number[]],
): void {
  const m = group.length;
  const order = permutation(m, rng);
  const [nVal, nTest] = partSizes(m, fVal, fTest, stratified);
  for (let k = 0; k < m; k++) {
    const row = group[order[k]!]!;
    if (k < nTest) parts[2].push(row);
    else if (k < nTest + nVal) parts[1].push(row);
    else parts[0].push(row);
  }
}

/** Validation and test sizes of a group of m rows (see {@link splitRows}). */
function partSizes(m: number, fVal: number, fTest: number, stratified: boolean): [number, number] {
  let nTest = Math.round(m * fTest);
  let nVal = Math.round(m * fVal);
  if (stratified) {
    if (fTest > 0 && nTest === 0 && m >= 2) nTest = 1;
    if (fVal > 0 && nVal === 0 && m >= 3) nVal = 1;
  }
  // Keep at least one training row: validation gives back first, then test.
  while (nTest + nVal >= m && m > 0 && nVal > 0) nVal--;
  while (nTest + nVal >= m && m > 0 && nTest > 0) nTest--;
  return [nVal, nTest];
}
