/**
 * The descriptor every pruner declares; the study looks pruners up by id in
 * src/lib/hpo/pruner-registry.ts.
 */
import type { Direction, PrunerSpec, Trial } from '../contracts/hpo';

/** A pruner: decides whether a running trial should stop early. */
export interface PrunerDescriptor {
  id: PrunerSpec['id'];
  /** Name shown in the UI. */
  label: string;
  /**
   * Whether to stop `trial` after it reported `step`.
   * @param trial the running trial, its intermediate values including `step`
   * @param step the step just reported (Optuna: the trial's last step)
   * @param trials the study's other trials, any state (each pruner picks what it uses)
   * @param direction the objective's direction
   * @param spec the pruner's options
   */
  shouldPrune(
    trial: Trial,
    step: number,
    trials: readonly Trial[],
    direction: Direction,
    spec?: PrunerSpec,
  ): boolean;
  /** Throws InvalidArgumentError on bad options. */
  checkSpec(spec: PrunerSpec): void;
}
