/**
 * How many trials of a search run at once (issue 4: "trials spread over the available cores
 * where that helps").
 *
 * The rule:
 * - the sampler must allow it (the `parallel` of its descriptor, sampler.ts): random and grid always,
 *   since their proposals never depend on results, so a seed gives the same trials at any
 *   parallelism; TPE only with `constantLiar` (Optuna's recommendation for parallel runs);
 * - each thread must get at least {@link MIN_TRIALS_PER_THREAD} trials, so starting a worker
 *   (its own tfjs WASM instance and copy of the data, ~0.1-0.3 s) pays for itself;
 * - at most `threads` (the cores, capped by the caller).
 *
 * A pruner works the same in parallel, with Optuna's semantics: a trial's report is compared
 * with the trials finished at that moment, so which trials are pruned can depend on which
 * finished first. Without a pruner, random and grid searches give identical trials, values and
 * best trial at any parallelism.
 */
import type { SamplerOptions, SamplerId } from '../contracts/hpo';
import { getSampler } from './sampler-registry';

/** Trials each parallel thread must get at least. */
export const MIN_TRIALS_PER_THREAD = 2;

/**
 * Trials to run at once.
 * @param sampler the search's sampler id
 * @param options its options
 * @param budget the trials the search will ask for
 * @param threads threads available (cores, capped)
 * @returns an integer from 1 to `threads`
 * @throws InvalidArgumentError for an unknown sampler
 * @example
 * trialConcurrency('random', {}, 20, 2) // 2
 * trialConcurrency('tpe', {}, 20, 2) // 1
 * trialConcurrency('tpe', { constantLiar: true }, 20, 2) // 2
 * trialConcurrency('grid', {}, 3, 2) // 1 (fewer than 2 trials per thread)
 */
export function trialConcurrency(
  sampler: SamplerId,
  options: SamplerOptions,
  budget: number,
  threads: number,
): number {
  if (!getSampler(sampler).parallel(options)) return 1;
  const byBudget = Math.floor(budget / MIN_TRIALS_PER_THREAD);
  return Math.max(1, Math.min(Math.floor(threads), byBudget));
}
