/**
 * Fast ascending sort of a Float64Array (no NaN), used once per column per window.
 *
 * The D1 drift workload is dominated by sorting (PERFORMANCE.md), and an LSD radix sort is
 * bound by its passes over memory: each scatter of 1M doubles into 2^11–2^13 buckets costs
 * 6–12 ms here because almost every write misses the cache. This is an MSD radix sort instead,
 * on the IEEE-754 bits mapped to order-preserving unsigned keys (negatives: all bits flipped;
 * positives: sign bit set):
 *
 * 1. one counting pass and one scatter by the top 16 key bits (sign, exponent and 4 mantissa
 *    bits) from the input into a scratch buffer: the only pass that scatters over the whole
 *    array; the buckets are small enough to stay in cache afterwards;
 * 2. each bucket is distributed into the output by the next digits (up to 12 bits, fewer for
 *    small buckets, digits shared by the whole bucket skipped), recursively while a sub-bucket
 *    has more than {@link SMALL} values;
 * 3. one insertion-sort pass over the output finishes the small unsorted runs (every value is
 *    at most {@link SMALL} places from its final position, and runs never overlap).
 *
 * Values are moved as doubles (8 bytes at a time) and compared as doubles inside a run; a run
 * never mixes signs, so -0 (key below +0's) still sorts before +0 as
 * `Float64Array.prototype.sort` does. Small arrays use the built-in numeric sort. The scratch
 * buffer and the digit counters are kept between calls (per thread) to spare the garbage
 * collector.
 */

const RADIX_MIN = 4096;
const TOP_BITS = 16;
const TOP_BUCKETS = 1 << TOP_BITS;
const MAX_DIGIT_BITS = 12;
/** Runs of at most this many values are left to the final insertion pass. */
const SMALL = 16;

let scratch = new Float64Array(0);
const topCounts = new Int32Array(TOP_BUCKETS);
/** Digit counters, one array per recursion depth. */
const digitCounts: Int32Array[] = [];

/**
 * Sorts doubles (finite or infinite, not NaN) ascending, in place; -0 sorts before +0 exactly
 * as `Float64Array.prototype.sort` does.
 * @param values the array to sort (modified)
 * @returns the same array, sorted
 * @example
 * sortFloat64(new Float64Array([3, -1, 2])) // Float64Array [-1, 2, 3]
 */
export function sortFloat64(values: Float64Array): Float64Array {
  return sortFloat64Into(values, values);
}

/**
 * Sorts `src` ascending into `out` (same length), leaving `src` unchanged unless it is `out`.
 * Saves the copy when the input must be kept (a column read in place from shared memory).
 * @param src doubles to sort (no NaN)
 * @param out destination, `src.length` long; may be `src` itself
 * @returns `out`, sorted
 * @example
 * sortFloat64Into(Float64Array.of(2, 1), new Float64Array(2)) // Float64Array [1, 2]
 */
export function sortFloat64Into(src: Float64Array, out: Float64Array): Float64Array {
  const n = src.length;
  if (out.length !== n) throw new RangeError('sortFloat64Into: out must have src.length values');
  if (n < RADIX_MIN) {
    if (out !== src) out.set(src);
    return out.sort();
  }
  if (scratch.length < n) scratch = new Float64Array(n);
  const tmp = scratch.subarray(0, n);
  const words = new Uint32Array(src.buffer, src.byteOffset, 2 * n);
  const counts = topCounts;
  counts.fill(0);
  // Key of a double (hi word h): h ^ 0xffffffff when negative, h | 0x80000000 otherwise.
  for (let i = 0; i < n; i++) {
    const h = words[2 * i + 1]!;
    counts[(h ^ ((h >> 31) | 0x80000000)) >>> 16]!++;
  }
  let sum = 0;
  let trivial = false;
  for (let d = 0; d < TOP_BUCKETS; d++) {
    const c = counts[d]!;
    if (c === n) trivial = true;
    counts[d] = sum;
    sum += c;
  }
  if (trivial) {
    // All keys share the top digit: distribute the whole array by the next digits.
    tmp.set(src);
    distribute(tmp, out, 0, n, 64 - TOP_BITS, 0);
  } else {
    for (let i = 0; i < n; i++) {
      const h = words[2 * i + 1]!;
      tmp[counts[(h ^ ((h >> 31) | 0x80000000)) >>> 16]!++] = src[i]!;
    }
    // counts[d] is now the end of bucket d.
    let start = 0;
    for (let d = 0; d < TOP_BUCKETS; d++) {
      const end = counts[d]!;
      if (end - start > SMALL) distribute(tmp, out, start, end, 64 - TOP_BITS, 0);
      else for (let i = start; i < end; i++) out[i] = tmp[i]!;
      start = end;
    }
  }
  insertionPass(out, n);
  return out;
}

/**
 * Moves from[lo, hi) into to[lo, hi) ordered by the key bits below bit `top` (the bits above
 * are shared by the whole range), leaving runs of at most SMALL values unsorted. `from[lo, hi)`
 * is clobbered (used as scratch by deeper levels).
 */
function distribute(
  from: Float64Array,
  to: Float64Array,
  lo: number,
  hi: number,
  top: number,
  depth: number,
): void {
  const size = hi - lo;
  const words = new Uint32Array(from.buffer, from.byteOffset, 2 * from.length);
  let counts = digitCounts[depth];
  if (!counts) {
    counts = new Int32Array(1 << MAX_DIGIT_BITS);
    digitCounts[depth] = counts;
  }
  let bitsLeft = top;
  for (;;) {
    if (bitsLeft <= 0) {
      // Every key in the range is equal: nothing to order.
      for (let i = lo; i < hi; i++) to[i] = from[i]!;
      return;
    }
    // About one bucket per value (2^floor(log2 size)), between 2 and 12 bits.
    let w = 31 - Math.clz32(size);
    if (w > MAX_DIGIT_BITS) w = MAX_DIGIT_BITS;
    if (w < 2) w = 2;
    if (w > bitsLeft) w = bitsLeft;
    const shift = bitsLeft - w;
    const buckets = 1 << w;
    const mask = buckets - 1;
    counts.fill(0, 0, buckets);
    // Digit = key bits [shift, shift + w): from the high word alone, or spanning both words
    // ((kh << s2) << 1 is kh << (32 − shift) and 0 when shift is 0).
    const highOnly = shift >= 32;
    const sh = highOnly ? shift - 32 : shift;
    const s2 = 31 - shift;
    if (highOnly) {
      for (let i = lo; i < hi; i++) {
        const h = words[2 * i + 1]!;
        counts[((h ^ ((h >> 31) | 0x80000000)) >>> sh) & mask]!++;
      }
    } else {
      for (let i = lo; i < hi; i++) {
        const h = words[2 * i + 1]!;
        const m = h >> 31;
        const kh = h ^ (m | 0x80000000);
        const kl = words[2 * i]! ^ m;
        counts[((kl >>> sh) | ((kh << s2) << 1)) & mask]!++;
      }
    }
    let trivial = false;
    let sum = lo;
    for (let d = 0; d < buckets; d++) {
      const c = counts[d]!;
      if (c === size) trivial = true;
      counts[d] = sum;
      sum += c;
    }
    if (trivial) {
      bitsLeft = shift;
      continue;
    }
    if (highOnly) {
      for (let i = lo; i < hi; i++) {
        const h = words[2 * i + 1]!;
        to[counts[((h ^ ((h >> 31) | 0x80000000)) >>> sh) & mask]!++] = from[i]!;
      }
    } else {
      for (let i = lo; i < hi; i++) {
        const h = words[2 * i + 1]!;
        const m = h >> 31;
        const kh = h ^ (m | 0x80000000);
        const kl = words[2 * i]! ^ m;
        to[counts[((kl >>> sh) | ((kh << s2) << 1)) & mask]!++] = from[i]!;
      }
    }
    // counts[d] is now the end of sub-bucket d; order the large ones by the next digits (into
    // `from`, which is free now, then back).
    let start = lo;
    for (let d = 0; d < buckets; d++) {
      const end = counts[d]!;
      if (end - start > SMALL) {
        distribute(to, from, start, end, shift, depth + 1);
        to.set(from.subarray(start, end), start);
      }
      start = end;
    }
    return;
  }
}

/** Insertion sort of an array whose values are at most SMALL places out of order. */
function insertionPass(a: Float64Array, n: number): void {
  for (let i = 1; i < n; i++) {
    const v = a[i]!;
    let j = i - 1;
    if (a[j]! <= v) continue;
    do {
      a[j + 1] = a[j]!;
      j--;
    } while (j >= 0 && a[j]! > v);
    a[j + 1] = v;
  }
}
