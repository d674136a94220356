/**
 * A/B results and the peeking lab in the worker (issue 7): the experiment's log entries are read
 * here (never posted to the page) and reduced to {@link AbResults}; the peeking simulation's
 * loops run here so the page never blocks.
 */
import type { AbResults, PeekingOptions, PeekingResult } from '../../src/lib/contracts/ab';
import { NotFoundError } from '../../src/lib/contracts/errors';
import { computeResults, simulatePeeking } from '../../src/lib/ab';
import { getExperiment, listExperimentEntries } from '../../src/lib/db';
import { flushPredictionLog } from './serve';

/**
 * Computes an experiment's results from everything logged so far (the serving buffer is flushed
 * first, so a just-served request counts).
 * @param experimentId the experiment
 * @returns the results, with the sample ratio check
 * @throws NotFoundError when the experiment does not exist
 */
export async function abResults(experimentId: string): Promise<AbResults> {
  await flushPredictionLog();
  const experiment = await getExperiment(experimentId);
  if (!experiment) throw new NotFoundError('experiment', experimentId);
  const entries = await listExperimentEntries(experimentId);
  return computeResults(experiment, entries);
}

/**
 * Runs the peeking lab.
 * @param options see {@link PeekingOptions}
 * @returns the rejection rates
 */
export async function peekingLab(options: PeekingOptions): Promise<PeekingResult> {
  return simulatePeeking(options);
}
