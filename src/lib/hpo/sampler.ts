/**
 * The descriptor every search sampler declares (STYLE.md "Registries instead of switch
 * statements"): the study looks samplers up by id in src/lib/hpo/sampler-registry.ts.
 */
import type {
  Direction,
  Params,
  SamplerId,
  SamplerOptions,
  SearchSpace,
  Trial,
} from '../contracts/hpo';
import type { Rng } from '../stats/rng';

/** What a sampler is told besides the space, the history and the generator. */
export interface SampleContext extends SamplerOptions {
  /** The study's trial budget (the grid sampler shuffles when it cannot visit every point). */
  budget?: number;
}

/** A search sampler. */
export interface SamplerDescriptor {
  id: SamplerId;
  /** Name shown in the UI, e.g. "Bayesian (TPE)". */
  label: string;
  /**
   * Proposes the parameters of the next trial.
   * @param space a validated search space
   * @param trials every trial so far, any state (the new one not included)
   * @param rng this trial's generator
   * @param direction whether lower or higher objective values are better
   * @param context the budget and sampler options
   */
  sample(
    space: SearchSpace,
    trials: readonly Trial[],
    rng: Rng,
    direction: Direction,
    context?: SampleContext,
  ): Params;
  /** How many distinct trials the sampler can propose (the grid size), Infinity when unbounded. */
  size(space: SearchSpace): number;
  /**
   * Whether trials may run in parallel with these options (see trial-concurrency.ts): true when
   * a proposal does not depend on results still to come, or the sampler accounts for running
   * trials itself.
   */
  parallel(options: SamplerOptions): boolean;
  /** Extra checks the sampler needs on a validated space; throws InvalidArgumentError. */
  checkSpace?(space: SearchSpace): void;
}
