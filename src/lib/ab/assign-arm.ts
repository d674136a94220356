/**
 * Deterministic arm assignment: the unit's GrowthBook v2 hash under the experiment's salt falls
 * into one arm's bucket range. Ranges are the cumulative weights, as GrowthBook's
 * `getBucketRanges` with full coverage: arm i owns [w_0 + … + w_{i−1}, w_0 + … + w_i). The same
 * unit and salt always give the same arm; a different salt reshuffles units independently.
 */
import type { AbArm } from '../contracts/ab';
import { InvalidArgumentError } from '../contracts/errors';
import { growthbookHash } from './hash';

/** How far the weights may sum from 1 (rounding of user-entered percentages). */
const WEIGHT_SUM_TOLERANCE = 1e-6;

/**
 * Checks arm weights: at least two, each finite and > 0, summing to 1.
 * @param weights the weights, one per arm
 * @param where what the weights belong to, for the message
 * @returns the weights
 * @throws {InvalidArgumentError} naming the bad weight or sum
 * @example
 * checkWeights([0.5, 0.5], 'arms') // [0.5, 0.5]
 */
export function checkWeights(weights: readonly number[], where = 'weights'): readonly number[] {
  if (weights.length < 2) {
    throw new InvalidArgumentError(where, weights, 'needs at least two arms');
  }
  weights.forEach((w, i) => {
    if (!(Number.isFinite(w) && w > 0)) {
      throw new InvalidArgumentError(`${where}[${i}]`, w, 'must be a number greater than 0');
    }
  });
  const sum = weights.reduce((s, w) => s + w, 0);
  if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) {
    throw new InvalidArgumentError(where, weights, `must sum to 1 (they sum to ${sum})`);
  }
  return weights;
}

/**
 * Bucket ranges of the arms (GrowthBook `getBucketRanges` with coverage 1).
 * @param weights arm weights summing to 1
 * @returns one [start, end) range per arm
 * @throws {InvalidArgumentError} for invalid weights (see {@link checkWeights})
 * @example
 * bucketRanges([0.2, 0.3, 0.5]) // [[0, 0.2], [0.2, 0.5], [0.5, 1]]
 */
export function bucketRanges(weights: readonly number[]): [number, number][] {
  checkWeights(weights);
  let start = 0;
  return weights.map((w) => {
    const range: [number, number] = [start, start + w];
    start += w;
    return range;
  });
}

/**
 * The arm whose range holds `bucket` (GrowthBook `chooseVariation`); the last arm also takes
 * buckets a rounding error past its end.
 * @param bucket the unit's hash in [0, 1)
 * @param ranges from {@link bucketRanges}
 * @returns the arm index
 * @example
 * chooseArm(0.35, [[0, 0.5], [0.5, 1]]) // 0
 */
export function chooseArm(bucket: number, ranges: readonly [number, number][]): number {
  for (let i = 0; i < ranges.length; i++) {
    const [start, end] = ranges[i]!;
    if (bucket >= start && bucket < end) return i;
  }
  return ranges.length - 1;
}

/**
 * Assigns a unit to an arm: `chooseArm(growthbookHash(salt, unit, 2), bucketRanges(weights))`.
 * @param salt the experiment's salt
 * @param unit the unit key
 * @param arms the arms with weights summing to 1
 * @returns the arm index
 * @throws {InvalidArgumentError} for invalid weights
 * @example
 * assignArm('exp-1', 'customer-42', [{ name: 'A', ... weight: 0.5 }, { name: 'B', ... weight: 0.5 }]) // 0 or 1, always the same
 */
export function assignArm(salt: string, unit: string, arms: readonly AbArm[]): number {
  return chooseArm(growthbookHash(salt, unit, 2)!, bucketRanges(arms.map((a) => a.weight)));
}
