/**
 * Binary searches over an ascending Float64Array (the C++ `lower_bound` / `upper_bound`).
 */

/**
 * First index whose value is ≥ `x` (`a.length` when none).
 * @param a ascending values
 * @param x the value searched for
 * @returns the insertion point before any equal values
 * @example
 * lowerBound(Float64Array.of(1, 2, 2, 3), 2) // 1
 */
export function lowerBound(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * First index whose value is > `x` (`a.length` when none).
 * @param a ascending values
 * @param x the value searched for
 * @returns the insertion point after any equal values
 * @example
 * upperBound(Float64Array.of(1, 2, 2, 3), 2) // 3
 */
export function upperBound(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
