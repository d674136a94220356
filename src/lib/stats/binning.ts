/**
 * `binned(ref, cur, fill)` of STATS.md, shared by PSI and Jensen–Shannon (Evidently's
 * `get_binned_data`).
 *
 * - Numeric with more than 20 distinct reference values: NumPy
 *   `histogram_bin_edges(concat(ref, cur), bins='sturges')` edges, counts as `np.histogram`
 *   (last bin closed). Because profiles are sorted, each count is a binary search, so the
 *   binning costs O(bins · log n) per window.
 * - Otherwise: one bin per value present in either sample.
 * Shares are counts divided by the sample size.
 */
import type { SampleProfile } from './profile';
import { alignedCounts } from './value-counts';
import { lowerBound, upperBound } from './bounds';

/** Reference values above this many distinct values get histogram bins (STATS.md). */
export const BINNING_DISTINCT_THRESHOLD = 20;

/** Share vectors of the two samples over common bins. */
export interface BinnedShares {
  ref: Float64Array;
  cur: Float64Array;
  /** Bin edges when histogram bins were used, otherwise undefined. */
  edges: Float64Array | undefined;
}

/**
 * Sturges bin edges over a combined range, exactly as NumPy computes them:
 * width = (max − min)/(log2(n) + 1), bins = ceil((max − min)/width), edges = linspace.
 * @param min smallest value of the combined sample
 * @param max largest value of the combined sample
 * @param n combined sample size
 * @returns the bin edges (bins + 1 values, first = min, last = max)
 * @example
 * sturgesEdges(0, 1, 8) // Float64Array [0, 0.25, 0.5, 0.75, 1]
 */
export function sturgesEdges(min: number, max: number, n: number): Float64Array {
  let first = min;
  let last = max;
  if (first === last) {
    first -= 0.5;
    last += 0.5;
  }
  const width = (max - min) / (Math.log2(n) + 1);
  const bins = width ? Math.ceil((last - first) / width) : 1;
  // np.linspace: start + k·step, with the last edge set to stop exactly.
  const edges = new Float64Array(bins + 1);
  const step = (last - first) / bins;
  for (let k = 0; k <= bins; k++) edges[k] = k * step + first;
  edges[bins] = last;
  return edges;
}

/**
 * `np.histogram(sorted, edges)[0]` for an ascending array: bins are [e_k, e_{k+1}) except the
 * last, which is closed; values outside [e_0, e_last] are not counted.
 * @param sorted ascending values
 * @param edges increasing bin edges
 * @returns counts per bin
 * @example
 * histogramSorted(Float64Array.of(0, 0.5, 1), Float64Array.of(0, 0.5, 1)) // [1, 2]
 */
export function histogramSorted(sorted: Float64Array, edges: Float64Array): Float64Array {
  const bins = edges.length - 1;
  const counts = new Float64Array(bins);
  let prev = lowerBound(sorted, edges[0]!);
  for (let k = 1; k <= bins; k++) {
    const pos = k === bins ? upperBound(sorted, edges[k]!) : lowerBound(sorted, edges[k]!);
    counts[k - 1] = pos - prev;
    prev = pos;
  }
  return counts;
}

/**
 * Binned shares of STATS.md.
 * @param ref reference profile
 * @param cur current profile of the same kind
 * @param fill replace zero shares (PSI) as STATS.md says; false for Jensen–Shannon
 * @returns the two share vectors (and the edges when histogram bins were used)
 * @throws {InvalidArgumentError} when the kinds differ
 * @example
 * binnedShares(buildProfile(['a', 'a'], 'categorical'), buildProfile(['a', 'b'], 'categorical'), false)
 * // { ref: [1, 0], cur: [0.5, 0.5], edges: undefined }
 */
export function binnedShares(ref: SampleProfile, cur: SampleProfile, fill: boolean): BinnedShares {
  let refCounts: Float64Array;
  let curCounts: Float64Array;
  let edges: Float64Array | undefined;
  if (
    ref.kind === 'numeric' &&
    cur.kind === 'numeric' &&
    ref.distinct > BINNING_DISTINCT_THRESHOLD
  ) {
    const a = ref.sorted;
    const b = cur.sorted;
    const min = Math.min(a[0]!, b[0]!);
    const max = Math.max(a[a.length - 1]!, b[b.length - 1]!);
    edges = sturgesEdges(min, max, a.length + b.length);
    refCounts = histogramSorted(a, edges);
    curCounts = histogramSorted(b, edges);
  } else {
    const aligned = alignedCounts(ref, cur);
    refCounts = aligned.ref;
    curCounts = aligned.cur;
  }
  const refShares = divide(refCounts, ref.count);
  const curShares = divide(curCounts, cur.count);
  if (fill) {
    fillZeros(refShares);
    fillZeros(curShares);
  }
  return { ref: refShares, cur: curShares, edges };
}

/**
 * Evidently's zero filling: zero shares become m/1e6 when the smallest non-zero share m is at
 * most 1e-4, else 1e-4.
 * @param shares a share vector (modified in place)
 * @returns the same vector
 * @example
 * fillZeros(Float64Array.of(0, 0.5, 0.5)) // [0.0001, 0.5, 0.5]
 */
export function fillZeros(shares: Float64Array): Float64Array {
  let m = Infinity;
  for (const s of shares) if (s !== 0 && s < m) m = s;
  if (m === Infinity) return shares;
  const replacement = m <= 1e-4 ? m / 1e6 : 1e-4;
  for (let i = 0; i < shares.length; i++) if (shares[i] === 0) shares[i] = replacement;
  return shares;
}

function divide(counts: Float64Array, n: number): Float64Array {
  const out = new Float64Array(counts.length);
  for (let i = 0; i < counts.length; i++) out[i] = counts[i]! / n;
  return out;
}
