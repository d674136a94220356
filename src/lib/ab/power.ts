/**
 * Planned sample size per arm for both metric kinds (STATS.md):
 * - conversion: `sampleSizeTwoProportions` of src/lib/stats (the textbook formula);
 * - mean: statsmodels `NormalIndPower().solve_power(effect_size=d, alpha, power, ratio=1,
 *   alternative='two-sided')`, d = minimal detectable difference / standard deviation, i.e. the
 *   n per arm solving Φ(d·sqrt(n/2) − z) + Φ(−d·sqrt(n/2) − z) = power, z = z_{1−α/2}
 *   (both tails count, as statsmodels does; solved by bisection).
 */
import { InvalidArgumentError } from '../contracts/errors';
// Direct imports, not the stats index: the page uses this file, and the index pulls in
// @stdlib modules that probe for features with eval (a CSP violation in the page).
import { normalCdf, normalPpf } from '../stats/normal';
import { sampleSizeTwoProportions } from '../stats/sample-size';

/** Options shared by the power calculators. */
export interface PowerOptions {
  /** Two-sided significance level in (0, 1). */
  alpha: number;
  /** 1 − β in (0, 1). */
  power: number;
}

function checkLevel(v: number, name: string): void {
  if (!(v > 0 && v < 1)) throw new InvalidArgumentError(name, v, 'must be between 0 and 1');
}

/**
 * Units per arm to detect a difference `mde` in means with standard deviation `sd`.
 * @param mde minimal detectable difference (≠ 0; its sign does not matter)
 * @param sd per-unit standard deviation (> 0)
 * @param options `{ alpha, power }`
 * @returns units per arm, not rounded
 * @throws {InvalidArgumentError} when mde is 0, sd ≤ 0, or alpha / power outside (0, 1)
 * @example
 * sampleSizeTwoMeans(0.5, 1, { alpha: 0.05, power: 0.8 }) // 62.79088416571135
 */
export function sampleSizeTwoMeans(mde: number, sd: number, options: PowerOptions): number {
  if (!(Number.isFinite(mde) && mde !== 0)) {
    throw new InvalidArgumentError('mde', mde, 'must be a non-zero difference to detect');
  }
  if (!(Number.isFinite(sd) && sd > 0)) {
    throw new InvalidArgumentError('sd', sd, 'must be a positive standard deviation');
  }
  checkLevel(options.alpha, 'options.alpha');
  checkLevel(options.power, 'options.power');
  const d = Math.abs(mde / sd);
  const z = normalPpf(1 - options.alpha / 2);
  const powerAt = (n: number) => {
    const shift = d * Math.sqrt(n / 2);
    return normalCdf(shift - z) + normalCdf(-shift - z);
  };
  if (powerAt(1e-12) >= options.power) return 0;
  let lo = 1e-12;
  let hi = 1;
  while (powerAt(hi) < options.power) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (powerAt(mid) < options.power) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** What the planner needs for each metric kind. */
export type PowerInput =
  { kind: 'conversion'; baseline: number; mde: number } | { kind: 'mean'; sd: number; mde: number };

/**
 * Planned units per arm (rounded up) and in total for an experiment with `arms` arms of equal
 * weight (for unequal weights the smallest arm needs the per-arm count).
 * @param input conversion: baseline rate and absolute difference to detect; mean: sd and difference
 * @param options `{ alpha, power }`
 * @param weights arm weights (default two equal arms)
 * @returns `{ perArm, total }` where total makes the smallest arm reach perArm
 * @throws {InvalidArgumentError} for invalid rates, differences or levels
 * @example
 * plannedSampleSize({ kind: 'conversion', baseline: 0.1, mde: 0.02 }, { alpha: 0.05, power: 0.8 })
 * // { perArm: 3841, total: 7682 }
 */
export function plannedSampleSize(
  input: PowerInput,
  options: PowerOptions,
  weights: readonly number[] = [0.5, 0.5],
): { perArm: number; total: number } {
  const raw =
    input.kind === 'conversion'
      ? sampleSizeTwoProportions(input.baseline, input.baseline + input.mde, options)
      : sampleSizeTwoMeans(input.mde, input.sd, options);
  const perArm = Math.ceil(raw);
  const smallest = Math.min(...weights);
  return { perArm, total: Math.ceil(perArm / smallest) };
}
