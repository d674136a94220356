/**
 * Column and dataset profiles (issue 3): counts, missing, distinct values, moments, quantiles,
 * top values and histograms, computed in a few linear passes per column so that profiling is a
 * small part of a 1M-row import (bench/profile.ts).
 *
 * Definitions (the reference values of test/unit/data/profile.test.ts come from NumPy/pandas):
 * - `mean`, `std`: as pandas `describe()` — two-pass, sample standard deviation (ddof 1); `std`
 *   is left out when fewer than two values are present.
 * - `quantiles`: p5, p25, p50, p75, p95 exactly as `numpy.quantile(x, p)` (method `linear`,
 *   including NumPy's `_lerp` rounding). Order statistics are found in O(n) without sorting:
 *   values are scattered into up to 8,192 equal-width fine bins (a counting sort by bin; bins are
 *   monotone in the value, so each bin holds a known range of sorted ranks) and Floyd–Rivest
 *   selection runs only inside the bins that hold the wanted ranks.
 * - `histogram`: `numpy.histogram(x, bins=k)` with k = min(30, ceil(log2(n) + 1)) (Sturges'
 *   count, capped at 30), bins equal-width over [min, max], the last bin closed on the right,
 *   NumPy's edge rounding reproduced; when min = max, one bin [v − 0.5, v + 0.5] (NumPy's rule).
 * - `unique`: exact count of distinct non-missing values (−0 and +0 are one value): values in
 *   different fine bins differ, so each bin is deduplicated with its own small (cache-resident)
 *   hash table; when one bin is huge (a far outlier squeezes the rest together), the IEEE-754
 *   bits are hashed into 256 partitions instead.
 * - datetime columns (ms since epoch): `min`, `max`, `unique` and `histogram` only.
 * - dictionary columns (boolean, category, text, id): `unique` and `top` (at most 10, most frequent
 *   first, ties in first-seen order, i.e. dictionary order); no histogram.
 */
import type {
  ColumnProfile,
  ColumnSchema,
  DatasetProfile,
  ColumnType,
} from '../contracts/entities';
import { InvalidArgumentError } from '../contracts/errors';
import type { Column } from './columns';

/** Quantile levels of {@link ColumnProfile.quantiles}. */
export const PROFILE_QUANTILES: readonly number[] = [0.05, 0.25, 0.5, 0.75, 0.95];
/** Most frequent values kept in {@link ColumnProfile.top}. */
export const PROFILE_TOP_VALUES = 10;
/** Upper bound on histogram bins (Sturges' count is used below it). */
export const PROFILE_MAX_BINS = 30;

const FINE_BINS = 8192;
const PARTITION_BITS = 8;
const SMALL_UNIQUE = 1 << 15;
/** Largest fine bin whose distinct values are counted with its own table (fits in L2). */
const BIN_TABLE_MAX = 1 << 15;

// Scratch buffers, kept between calls (per thread) so a 21-column profile allocates once.
let valuesScratch = new Float64Array(0);
let partScratch = new Float64Array(0);

function scratch(n: number): void {
  if (valuesScratch.length < n) {
    valuesScratch = new Float64Array(n);
    partScratch = new Float64Array(n);
  }
}

/**
 * Number of histogram bins for `n` values: min(30, ceil(log2(n) + 1)), 1 for n ≤ 1.
 * @param n number of non-missing values
 * @returns the bin count
 * @throws never
 * @example
 * histogramBinCount(1000) // 11
 */
export function histogramBinCount(n: number): number {
  if (n <= 1) return 1;
  return Math.min(PROFILE_MAX_BINS, Math.ceil(Math.log2(n) + 1));
}

/**
 * Floyd–Rivest selection: rearranges `a[left..right]` so that `a[k]` holds the value it would
 * have after sorting, smaller-or-equal values before it and greater-or-equal after.
 * @param a the array (modified); must not contain NaN
 * @param k the wanted position, `left <= k <= right`
 * @param left first index of the range
 * @param right last index of the range (inclusive)
 * @returns `a[k]` after selection
 * @throws never
 * @example
 * selectKth(new Float64Array([5, 1, 4, 2, 3]), 1, 0, 4) // 2
 */
export function selectKth(a: Float64Array, k: number, left: number, right: number): number {
  while (right > left) {
    if (right - left > 600) {
      // Sample-based narrowing of Floyd & Rivest (1975), as in mourner/quickselect.
      const n = right - left + 1;
      const m = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (m - n / 2 < 0 ? -1 : 1);
      const newLeft = Math.max(left, Math.floor(k - (m * s) / n + sd));
      const newRight = Math.min(right, Math.floor(k + ((n - m) * s) / n + sd));
      selectKth(a, k, newLeft, newRight);
    }
    const t = a[k]!;
    let i = left;
    let j = right;
    swap(a, left, k);
    if (a[right]! > t) swap(a, left, right);
    while (i < j) {
      swap(a, i, j);
      i++;
      j--;
      while (a[i]! < t) i++;
      while (a[j]! > t) j--;
    }
    if (a[left] === t) swap(a, left, j);
    else {
      j++;
      swap(a, j, right);
    }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
  return a[k]!;
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

/**
 * NumPy's linear interpolation between two neighbouring order statistics (`_lerp`: from below
 * for t < 0.5, from above otherwise), so results match `numpy.quantile` bit for bit.
 */
function lerp(a: number, b: number, t: number): number {
  const d = b - a;
  return t >= 0.5 ? b - d * (1 - t) : a + d * t;
}

/**
 * Quantiles of finite values with NumPy's default method (`numpy.quantile(x, ps)`), in O(n).
 * @param values finite values, not NaN (the array is reordered)
 * @param ps quantile levels in [0, 1]
 * @returns one value per level, in the order of `ps`
 * @throws {InvalidArgumentError} when `values` is empty or a level is outside [0, 1]
 * @example
 * quantilesLinear(new Float64Array([1, 2, 3, 4]), [0.5, 0.25]) // [2.5, 1.75]
 */
export function quantilesLinear(values: Float64Array, ps: readonly number[]): number[] {
  const n = values.length;
  if (n === 0) throw new InvalidArgumentError('values', 'empty', 'needs at least one value');
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return quantilesWithin(values, n, min, max, ps);
}

/** Quantiles of values[0..n) whose min and max are known (values reordered). */
function quantilesWithin(
  values: Float64Array,
  n: number,
  min: number,
  max: number,
  ps: readonly number[],
  buckets?: Buckets,
): number[] {
  for (const p of ps) {
    if (!(p >= 0 && p <= 1)) throw new InvalidArgumentError('p', p, 'must be in [0, 1]');
  }
  if (min === max) return ps.map(() => min);
  const ranks = new Set<number>();
  const plan = ps.map((p) => {
    const h = (n - 1) * p; // NumPy 'linear': virtual index (n - 1) p
    let lo = Math.floor(h);
    let hi = lo + 1;
    if (h >= n - 1) lo = hi = n - 1;
    ranks.add(lo).add(hi);
    return { lo, hi, t: h - Math.floor(h) };
  });
  const byRank = orderStatistics(
    buckets ?? bucketByFine(values, n, min, countFineBins(values, n, min, max)),
    [...ranks],
  );
  return plan.map(({ lo, hi, t }) => lerp(byRank.get(lo)!, byRank.get(hi)!, t));
}

/** Equal-width fine bins over [min, max] used to locate order statistics. */
interface FineBins {
  bins: number;
  /** bins / (max - min); 0 when the range overflows (everything then falls in bin 0). */
  scale: number;
  counts: Int32Array;
}

function fineBinsFor(n: number, min: number, max: number): FineBins {
  const bins = Math.max(1, Math.min(FINE_BINS, n >> 4));
  // Scale 0 (everything in bin 0) when the values are constant or their range overflows.
  const scale = max > min ? bins / (max - min) : 0;
  return { bins, scale, counts: new Int32Array(bins) };
}

function countFineBins(values: Float64Array, n: number, min: number, max: number): FineBins {
  const fine = fineBinsFor(n, min, max);
  const { scale, counts } = fine;
  const last = fine.bins - 1;
  for (let i = 0; i < n; i++) {
    const b = Math.floor((values[i]! - min) * scale);
    counts[b > last ? last : b]!++;
  }
  return fine;
}

/** Values regrouped by fine bin: bin b holds buf[starts[b] .. starts[b + 1]). */
interface Buckets {
  buf: Float64Array;
  starts: Int32Array;
  /** Size of the largest bin. */
  biggest: number;
}

/**
 * Counting-sort scatter of values[0..n) by fine bin (bins are monotone in the value, so bin b
 * holds exactly the sorted ranks starts[b] .. starts[b + 1] − 1, in some order).
 */
function bucketByFine(values: Float64Array, n: number, min: number, fine: FineBins): Buckets {
  const { bins, scale, counts } = fine;
  const last = bins - 1;
  const starts = new Int32Array(bins + 1);
  let biggest = 0;
  for (let b = 0; b < bins; b++) {
    starts[b + 1] = starts[b]! + counts[b]!;
    if (counts[b]! > biggest) biggest = counts[b]!;
  }
  const buf = partScratch.length >= n ? partScratch : new Float64Array(n);
  const fill = starts.slice(0, bins);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    const b = Math.floor((v - min) * scale);
    buf[fill[b > last ? last : b]!++] = v;
  }
  return { buf, starts, biggest };
}

/** The values at sorted positions `ranks`: selection inside the one bin that holds each rank. */
function orderStatistics(buckets: Buckets, ranks: number[]): Map<number, number> {
  const { buf, starts } = buckets;
  const bins = starts.length - 1;
  const out = new Map<number, number>();
  for (const r of ranks) {
    let lo = 0;
    let hi = bins - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= r) lo = mid;
      else hi = mid - 1;
    }
    out.set(r, selectKth(buf, r, starts[lo]!, starts[lo + 1]! - 1));
  }
  return out;
}

/**
 * Distinct values of bucketed data, one small open-addressing table per bin (values in different
 * bins differ, so the per-bin counts add up).
 */
function countUniqueInBuckets({ buf, starts, biggest }: Buckets): number {
  let capacity = 16;
  while (capacity < 2 * biggest) capacity <<= 1;
  const table = new Float64Array(capacity);
  const words = new Uint32Array(buf.buffer, buf.byteOffset, 2 * (starts[starts.length - 1] ?? 0));
  let unique = 0;
  for (let b = 0; b + 1 < starts.length; b++) {
    const a = starts[b]!;
    const size = starts[b + 1]! - a;
    if (size <= 2) {
      unique += size === 2 && buf[a] === buf[a + 1] ? 1 : size;
      continue;
    }
    let cap = 16;
    while (cap < 2 * size) cap <<= 1;
    const mask = cap - 1;
    table.fill(NaN, 0, cap); // empty slots hold NaN (values never do)
    for (let k = a; k < a + size; k++) {
      const v = buf[k]!;
      let s = mix(words[2 * k]!, words[2 * k + 1]!) & mask;
      for (;;) {
        const e = table[s]!;
        if (e !== e) {
          table[s] = v;
          unique++;
          break;
        }
        if (e === v) break;
        s = (s + 1) & mask;
      }
    }
  }
  return unique;
}

/** 32-bit mix of the two halves of a double's bits (murmur3 finaliser). */
function mix(lo: number, hi: number): number {
  let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 15;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 13)) >>> 0;
}

/**
 * Distinct values among values[0..n) (no NaN, −0 already folded into +0). Large inputs are
 * scattered into 256 partitions by hash so each open-addressing table stays in cache; the hash
 * is recomputed rather than stored, which moves fewer bytes.
 */
function countUnique(values: Float64Array, n: number): number {
  if (n < SMALL_UNIQUE) {
    const seen = new Set<number>();
    for (let i = 0; i < n; i++) seen.add(values[i]!);
    return seen.size;
  }
  const words = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  const parts = 1 << PARTITION_BITS;
  const shift = 32 - PARTITION_BITS;
  const starts = new Int32Array(parts + 1);
  for (let i = 0; i < n; i++) starts[(mix(words[2 * i]!, words[2 * i + 1]!) >>> shift) + 1]!++;
  let biggest = 0;
  for (let p = 0; p < parts; p++) {
    biggest = Math.max(biggest, starts[p + 1]!);
    starts[p + 1]! += starts[p]!;
  }
  const fill = starts.slice(0, parts);
  const scattered = partScratch;
  const scatteredWords = new Uint32Array(scattered.buffer, 0, 2 * n);
  for (let i = 0; i < n; i++) {
    scattered[fill[mix(words[2 * i]!, words[2 * i + 1]!) >>> shift]!++] = values[i]!;
  }
  let capacity = 16;
  while (capacity < 2 * biggest) capacity <<= 1;
  // Empty slots hold NaN (values never do); the hash's low bits pick the slot.
  const table = new Float64Array(capacity);
  let unique = 0;
  for (let p = 0; p < parts; p++) {
    const a = starts[p]!;
    const b = starts[p + 1]!;
    let cap = 16;
    while (cap < 2 * (b - a)) cap <<= 1;
    const mask = cap - 1;
    table.fill(NaN, 0, cap);
    for (let k = a; k < b; k++) {
      const v = scattered[k]!;
      let s = mix(scatteredWords[2 * k]!, scatteredWords[2 * k + 1]!) & mask;
      for (;;) {
        const e = table[s]!;
        if (e !== e) {
          table[s] = v;
          unique++;
          break;
        }
        if (e === v) break;
        s = (s + 1) & mask;
      }
    }
  }
  return unique;
}

/**
 * One pass over values[0..n) with known min, max and mean: NumPy `histogram(x, bins=k)`
 * (reproducing NumPy's `linspace` edges and its off-by-one-ULP corrections of the bin index),
 * the sum of squared deviations, and the fine-bin counts that locate quantiles.
 */
function histogramPass(
  values: Float64Array,
  n: number,
  min: number,
  max: number,
  mean: number,
  fine: FineBins,
): { histogram: { edges: number[]; counts: number[] }; squares: number } {
  let first = min;
  let lastEdge = max;
  let k = histogramBinCount(n);
  if (first === lastEdge) {
    first -= 0.5;
    lastEdge += 0.5;
    k = 1;
  }
  const step = (lastEdge - first) / k;
  const edges = new Float64Array(k + 1);
  for (let i = 0; i < k; i++) edges[i] = i * step + first;
  edges[k] = lastEdge;
  const norm = k / (lastEdge - first);
  const counts = new Float64Array(k);
  const fineCounts = fine.counts;
  const fineScale = fine.scale;
  const fineLast = fine.bins - 1;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    let b = Math.trunc((v - first) * norm);
    if (b === k) b--;
    if (v < edges[b]!) b--;
    else if (b !== k - 1 && v >= edges[b + 1]!) b++;
    counts[b]!++;
    const f = Math.floor((v - min) * fineScale);
    fineCounts[f > fineLast ? fineLast : f]!++;
    const d = v - mean;
    squares += d * d;
  }
  return { histogram: { edges: [...edges], counts: [...counts] }, squares };
}

function profileNumeric(name: string, type: ColumnType, column: Float64Array): ColumnProfile {
  const count = column.length;
  scratch(count);
  const values = valuesScratch;
  let m = 0;
  let min = Infinity;
  let max = -Infinity;
  // Blocked summation (blocks of 256): error ~ (256 + n/256) ulp, close enough to NumPy's
  // pairwise sum for the tests' 1e-12, and far cheaper than compensated summation.
  let sum = 0;
  let block = 0;
  for (let i = 0; i < count; i++) {
    const v = column[i]!;
    if (v !== v) continue;
    const x = v + 0; // folds −0 into +0 so the two are one distinct value
    values[m++] = x;
    if (x < min) min = x;
    if (x > max) max = x;
    block += x;
    if ((m & 255) === 0) {
      sum += block;
      block = 0;
    }
  }
  sum += block;
  const profile: ColumnProfile = { name, type, count, missing: count - m, unique: 0 };
  if (m === 0) return profile;
  const mean = sum / m;
  const fine = fineBinsFor(m, min, max);
  const { histogram, squares } = histogramPass(values, m, min, max, mean, fine);
  profile.min = min;
  profile.max = max;
  let buckets: Buckets;
  if (fine.bins === 1 || fine.counts.some((c) => c > BIN_TABLE_MAX)) {
    // Skewed data (one far outlier squeezes the rest into a few fine bins): hash partitions
    // keep the unique count linear; it must run before bucketing, which reuses its scratch.
    profile.unique = countUnique(values, m);
    buckets = bucketByFine(values, m, min, fine);
  } else {
    buckets = bucketByFine(values, m, min, fine);
    profile.unique = countUniqueInBuckets(buckets);
  }
  if (type !== 'datetime') {
    profile.mean = mean;
    if (m >= 2) profile.std = Math.sqrt(squares / (m - 1));
    const qs = quantilesWithin(values, m, min, max, PROFILE_QUANTILES, buckets);
    profile.quantiles = PROFILE_QUANTILES.map((p, i) => ({ p, value: qs[i]! }));
  }
  profile.histogram = histogram;
  return profile;
}

/**
 * Counts of each dictionary code of a dict column.
 * @param name column name (for errors)
 * @param codes the codes (−1 = missing)
 * @param size dictionary length
 * @returns per-code counts and the missing count
 * @throws {InvalidArgumentError} when a code is below −1 or not in the dictionary
 * @example
 * codeCounts('c', new Int32Array([0, 1, 0, -1]), 2) // { counts: Int32Array [2, 1], missing: 1 }
 */
export function codeCounts(
  name: string,
  codes: Int32Array,
  size: number,
): { counts: Int32Array; missing: number } {
  const counts = new Int32Array(size);
  let missing = 0;
  let counted = 0;
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    if (c === -1) missing++;
    else if (c >= 0 && c < size) {
      counts[c]!++;
      counted++;
    }
  }
  if (counted + missing !== codes.length) {
    const row = codes.findIndex((c) => c < -1 || c >= size);
    throw new InvalidArgumentError(
      `columns[\`${name}\`][${row}]`,
      codes[row],
      `is not a code of the column's ${size}-value dictionary (or -1 for missing)`,
    );
  }
  return { counts, missing };
}

function profileDictionary(schema: ColumnSchema, codes: Int32Array): ColumnProfile {
  const dictionary = schema.dictionary ?? [];
  const { counts, missing } = codeCounts(schema.name, codes, dictionary.length);
  let unique = 0;
  // Top values: codes scanned in dictionary (first-seen) order; a later code must beat, not tie.
  const top: { code: number; count: number }[] = [];
  for (let c = 0; c < counts.length; c++) {
    const n = counts[c]!;
    if (n === 0) continue;
    unique++;
    if (top.length === PROFILE_TOP_VALUES && n <= top[top.length - 1]!.count) continue;
    let at = top.length;
    while (at > 0 && top[at - 1]!.count < n) at--;
    top.splice(at, 0, { code: c, count: n });
    if (top.length > PROFILE_TOP_VALUES) top.pop();
  }
  return {
    name: schema.name,
    type: schema.type,
    count: codes.length,
    missing,
    unique,
    top: top.map(({ code, count }) => ({ value: dictionary[code]!, count })),
  };
}

/**
 * Checks that columns and schema agree (same count, same length, encoding matches the array).
 * @param schema the column schemas
 * @param columns the encoded columns, in schema order
 * @returns the common row count (0 when there are no columns)
 * @throws {InvalidArgumentError} naming the first column that does not fit
 * @example
 * checkColumns([{ name: 'x', type: 'number', encoding: 'f64', missing: 0 }], [new Float64Array(3)]) // 3
 */
export function checkColumns(schema: readonly ColumnSchema[], columns: readonly Column[]): number {
  if (schema.length !== columns.length) {
    throw new InvalidArgumentError(
      'columns',
      `${columns.length} columns`,
      `the schema lists ${schema.length} columns; pass one array per schema entry`,
    );
  }
  const rows = columns[0]?.length ?? 0;
  schema.forEach((s, j) => {
    const col = columns[j]!;
    const want = s.encoding === 'f64' ? Float64Array : Int32Array;
    if (!(col instanceof want)) {
      throw new InvalidArgumentError(
        `columns[${j}]`,
        s.name,
        `is stored as ${s.encoding}, so it must be a ${want.name}`,
      );
    }
    if (col.length !== rows) {
      throw new InvalidArgumentError(
        `columns[${j}]`,
        s.name,
        `has ${col.length} rows but the first column has ${rows}`,
      );
    }
  });
  return rows;
}

/**
 * Profiles every column of a version (definitions in this module's header).
 * @param schema the column schemas
 * @param columns the encoded columns, in schema order (Float64Array NaN = missing, or Int32Array
 *   dictionary codes with −1 = missing)
 * @returns one {@link ColumnProfile} per column, in schema order
 * @throws {InvalidArgumentError} when columns and schema disagree or a code is out of range
 * @example
 * profileColumns(
 *   [{ name: 'x', type: 'number', encoding: 'f64', missing: 1 }],
 *   [new Float64Array([1, 2, NaN, 4])],
 * )[0]
 * // { name: 'x', type: 'number', count: 4, missing: 1, unique: 3, min: 1, max: 4,
 * //   mean: 2.3333333333333335, std: 1.5275252316519468,
 * //   quantiles: [{ p: 0.05, value: 1.1 }, { p: 0.25, value: 1.5 }, { p: 0.5, value: 2 }, ...],
 * //   histogram: { edges: [1, 2, 3, 4], counts: [1, 1, 1] } }
 */
export function profileColumns(
  schema: readonly ColumnSchema[],
  columns: readonly Column[],
): ColumnProfile[] {
  checkColumns(schema, columns);
  return schema.map((s, j) => {
    const col = columns[j]!;
    return col instanceof Float64Array
      ? profileNumeric(s.name, s.type, col)
      : profileDictionary(s, col);
  });
}

/**
 * Profiles a dataset version: {@link profileColumns} plus the row count and a timestamp.
 * @param versionId the dataset version's id
 * @param schema the column schemas
 * @param columns the encoded columns, in schema order
 * @returns the {@link DatasetProfile}
 * @throws {InvalidArgumentError} when columns and schema disagree or a code is out of range
 * @example
 * profileDataset('v1', [{ name: 'c', type: 'category', encoding: 'dict', dictionary: ['a', 'b'],
 *   missing: 0 }], [new Int32Array([0, 1, 1])]).columns[0].top
 * // [{ value: 'b', count: 2 }, { value: 'a', count: 1 }]
 */
export function profileDataset(
  versionId: string,
  schema: readonly ColumnSchema[],
  columns: readonly Column[],
): DatasetProfile {
  const rowCount = checkColumns(schema, columns);
  return {
    versionId,
    rowCount,
    createdAt: Date.now(),
    columns: profileColumns(schema, columns),
  };
}
