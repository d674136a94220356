/**
 * One search trial, trained wherever its slot lives (the compute worker or a trial worker,
 * see trial-workers.ts): {@link trainPrepared} with the best validation loss tracked and the
 * study asked after every epoch whether to prune. Never throws: a failure or a cancel is an
 * outcome (trainPrepared has stored the Run as failed or cancelled already).
 */
import { CancelledError } from '../../src/lib/contracts/errors';
import {
  PRUNED_TAG,
  trainPrepared,
  type ModelRequest,
  type PreparedData,
  type TrainHooks,
} from './train-run';

/** What a trial came to (errors cross as data, as in ComputeApi). */
export type TrialOutcome =
  | { kind: 'finished'; pruned: boolean; best: number }
  | { kind: 'failed'; cancelled: boolean; message: string };

/** The study's answer to an epoch's report; a promise when it crosses threads. */
export type ReportFn = (
  epoch: number,
  value: number,
) => { prune: boolean } | Promise<{ prune: boolean }>;

/**
 * Trains one trial.
 * @param prepared the search's prepared data
 * @param req the trial's model request
 * @param report gives the study an epoch's validation loss; answers whether to prune
 * @param hooks cancel (and, in this thread only, fault injection)
 * @returns finished (pruned or not, best validation loss) or failed (cancelled or not)
 */
export async function trainTrial(
  prepared: PreparedData,
  req: ModelRequest,
  report: ReportFn,
  hooks: Pick<TrainHooks, 'shouldStop' | 'injectFault'>,
): Promise<TrialOutcome> {
  let best = Number.POSITIVE_INFINITY;
  try {
    const run = await trainPrepared(prepared, req, {
      ...hooks,
      onProgress: () => undefined,
      onEpoch: (e) => {
        const value = e.valLoss ?? Number.NaN;
        if (value < best) best = value;
        return report(e.epoch, value);
      },
    });
    return { kind: 'finished', pruned: run.tags.includes(PRUNED_TAG), best };
  } catch (e) {
    return {
      kind: 'failed',
      cancelled: e instanceof CancelledError,
      message: e instanceof Error ? e.message : String(e),
    };
  }
}
