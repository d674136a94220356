import { InvalidArgumentError } from '../contracts/errors';

/**
 * Indices that thin a curve of `length` points to at most `maxPoints`, evenly spaced by
 * position and always including the first and last point (deterministic, so a stored curve is
 * reproducible). Curves are thinned only for storage and drawing; AUCs are computed on the
 * full curve.
 * @param length number of points
 * @param maxPoints most points to keep, at least 2
 * @returns ascending indices (all of them when length ≤ maxPoints)
 * @throws InvalidArgumentError when maxPoints is not an integer ≥ 2
 * @example
 * thinIndices(5, 3) // [0, 2, 4]
 */
export function thinIndices(length: number, maxPoints: number): number[] {
  if (!Number.isInteger(maxPoints) || maxPoints < 2) {
    throw new InvalidArgumentError('maxPoints', maxPoints, 'must be an integer ≥ 2');
  }
  if (length <= maxPoints) return Array.from({ length }, (_, i) => i);
  const out: number[] = [];
  for (let j = 0; j < maxPoints; j++) {
    const i = Math.round((j * (length - 1)) / (maxPoints - 1));
    if (out[out.length - 1] !== i) out.push(i);
  }
  return out;
}

/**
 * Thins every listed array of a curve with the same {@link thinIndices}; arrays one shorter
 * than the curve (the thresholds of a PR curve) keep the chosen indices they have.
 * @param curve arrays of points (e.g. `{ fpr, tpr, thresholds }`)
 * @param maxPoints most points to keep, at least 2
 * @returns a new curve of the same shape
 * @throws InvalidArgumentError when maxPoints is not an integer ≥ 2
 * @example
 * thinCurve({ x: [0, 1, 2, 3, 4], t: [9, 8, 7, 6] }, 3) // { x: [0, 2, 4], t: [9, 7] }
 */
export function thinCurve<T extends { [K in keyof T]: number[] }>(curve: T, maxPoints: number): T {
  const arrays = Object.entries(curve) as [string, number[]][];
  const length = Math.max(...arrays.map(([, a]) => a.length));
  const keep = thinIndices(length, maxPoints);
  const out: Record<string, number[]> = {};
  for (const [key, values] of arrays) {
    out[key] = keep.filter((i) => i < values.length).map((i) => values[i]!);
  }
  return out as T;
}
