/**
 * Sample size per arm for a two-sided test of two proportions (STATS.md):
 * n = (z_{1−α/2}·sqrt(2·p̄(1 − p̄)) + z_{1−β}·sqrt(p1(1 − p1) + p2(1 − p2)))² / (p2 − p1)²,
 * p̄ = (p1 + p2)/2.
 */
import { InvalidArgumentError } from '../contracts/errors';
import { requireOpenUnit } from './clean';
import { normalPpf } from './normal';

/** Options of {@link sampleSizeTwoProportions}. */
export interface SampleSizeOptions {
  /** Two-sided significance level, in (0, 1); e.g. 0.05. */
  alpha: number;
  /** Power 1 − β, in (0, 1); e.g. 0.8. */
  power: number;
}

/**
 * Units needed in each arm to detect p1 → p2 (not rounded; round up to plan).
 * @param p1 baseline rate, in (0, 1)
 * @param p2 rate to detect, in (0, 1), different from p1
 * @param options `{ alpha, power }`
 * @returns the per-arm sample size before rounding up
 * @throws {InvalidArgumentError} when a rate, alpha or power is outside (0, 1), or p1 = p2
 * @example
 * sampleSizeTwoProportions(0.1, 0.12, { alpha: 0.05, power: 0.8 }) // 3840.847482436276
 */
export function sampleSizeTwoProportions(
  p1: number,
  p2: number,
  options: SampleSizeOptions,
): number {
  requireOpenUnit(p1, 'p1');
  requireOpenUnit(p2, 'p2');
  requireOpenUnit(options.alpha, 'options.alpha');
  requireOpenUnit(options.power, 'options.power');
  if (p1 === p2) {
    throw new InvalidArgumentError('p2', p2, `must differ from p1 = ${p1}; no effect to detect`);
  }
  const za = normalPpf(1 - options.alpha / 2);
  const zb = normalPpf(options.power);
  const pbar = (p1 + p2) / 2;
  const num = za * Math.sqrt(2 * pbar * (1 - pbar)) + zb * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  return num ** 2 / (p2 - p1) ** 2;
}
