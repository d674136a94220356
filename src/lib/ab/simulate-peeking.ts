/**
 * The peeking lab: many simulated experiments, each looked at after every batch, comparing how
 * often the naive fixed-horizon z-test (pooled, two-sided, as `proportionsZTest`) and the
 * always-valid sequential test (`sequentialProportionsTest`, chained over looks) declare a
 * difference. With equal rates (an A/A test) every declaration is a false positive: the naive
 * rate grows far above alpha with the number of looks, the sequential one stays at or below it.
 */
import type { PeekingOptions, PeekingResult } from '../contracts/ab';
import { InvalidArgumentError } from '../contracts/errors';
import {
  createRng,
  normalTwoSidedP,
  sequentialProportionsTest,
  type Rng,
  type SequentialResult,
} from '../stats';

/** Most Bernoulli draws one simulation may make (keeps a run to about a second in a worker). */
export const MAX_PEEKING_DRAWS = 100_000_000;

function binomial(rng: Rng, n: number, p: number): number {
  let x = 0;
  for (let i = 0; i < n; i++) if (rng.next() < p) x++;
  return x;
}

function check(options: PeekingOptions): void {
  const whole = (v: number, name: string, max: number) => {
    if (!(Number.isInteger(v) && v >= 1 && v <= max)) {
      throw new InvalidArgumentError(name, v, `must be a whole number from 1 to ${max}`);
    }
  };
  whole(options.experiments, 'experiments', 100_000);
  whole(options.looks, 'looks', 1000);
  whole(options.batch, 'batch', 1_000_000);
  for (const [v, name] of [
    [options.rateA, 'rateA'],
    [options.rateB, 'rateB'],
    [options.alpha, 'alpha'],
  ] as const) {
    if (!(v > 0 && v < 1)) throw new InvalidArgumentError(name, v, 'must be between 0 and 1');
  }
  const draws = 2 * options.experiments * options.looks * options.batch;
  if (draws > MAX_PEEKING_DRAWS) {
    throw new InvalidArgumentError(
      'experiments × looks × batch',
      draws / 2,
      `is too large (at most ${MAX_PEEKING_DRAWS / 2} units per arm in all); lower one of them`,
    );
  }
}

/**
 * Simulates peeking.
 * @param options experiments, looks, batch (units per arm per look), the two true rates, alpha,
 *   seed, tau (sequential mixing parameter)
 * @returns rejection rates (any look, naive and sequential; last look only, naive) and the
 *   cumulative rates by look
 * @throws {InvalidArgumentError} for out-of-range options
 * @example
 * simulatePeeking({ experiments: 2000, looks: 20, batch: 250, rateA: 0.1, rateB: 0.1, alpha: 0.05, seed: 2024 })
 * // { naiveRejectRate: ≈0.24, sequentialRejectRate: ≈0.01, fixedHorizonRejectRate: ≈0.05, byLook: [...] }
 */
export function simulatePeeking(options: PeekingOptions): PeekingResult {
  check(options);
  const { experiments, looks, batch, rateA, rateB, alpha } = options;
  const rng = createRng(options.seed);
  const naiveFirst = new Array<number>(looks).fill(0);
  const seqFirst = new Array<number>(looks).fill(0);
  let fixed = 0;
  for (let e = 0; e < experiments; e++) {
    let xA = 0;
    let xB = 0;
    let n = 0;
    let naive = -1;
    let seq = -1;
    let prev: SequentialResult | undefined;
    for (let look = 0; look < looks; look++) {
      xA += binomial(rng, batch, rateA);
      xB += binomial(rng, batch, rateB);
      n += batch;
      const pooled = (xA + xB) / (2 * n);
      const se = Math.sqrt(pooled * (1 - pooled) * (2 / n));
      const p = se > 0 ? normalTwoSidedP((xB / n - xA / n) / se) : 1;
      if (p < alpha && naive < 0) naive = look;
      if (look === looks - 1 && p < alpha) fixed++;
      prev = sequentialProportionsTest(xA, n, xB, n, {
        alpha,
        ...(options.tau === undefined ? {} : { tau: options.tau }),
        ...(prev ? { previous: prev } : {}),
      });
      if (prev.reject && seq < 0) seq = look;
    }
    if (naive >= 0) naiveFirst[naive]!++;
    if (seq >= 0) seqFirst[seq]!++;
  }
  const byLook: PeekingResult['byLook'] = [];
  let cn = 0;
  let cs = 0;
  for (let k = 0; k < looks; k++) {
    cn += naiveFirst[k]!;
    cs += seqFirst[k]!;
    byLook.push({ look: k + 1, naive: cn / experiments, sequential: cs / experiments });
  }
  return {
    options,
    naiveRejectRate: cn / experiments,
    sequentialRejectRate: cs / experiments,
    fixedHorizonRejectRate: fixed / experiments,
    byLook,
  };
}
