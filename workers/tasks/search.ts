/**
 * Hyperparameter search task (issue 4): an ask/tell study (src/lib/hpo, Optuna's semantics) whose
 * trials are Runs trained on data prepared once (PERFORMANCE.md H1).
 *
 * - Objective: a trial's best validation loss over its epochs, minimised.
 * - Each epoch's validation loss is reported to the study; when the pruner says so the trial
 *   stops after the current batch: its Run is stored `cancelled` with the `pruned` tag and a
 *   note, and the study records it `pruned`.
 * - A trial that fails (divergence, bad parameters) is stored `failed` and told `failed`; the
 *   search goes on.
 * - Cancel stops the running trial after its current batch (stored `cancelled`, told `failed` as
 *   Optuna records an interrupted trial) and starts no more; finished trials are kept.
 * - The SearchRecord is written before the first trial and after every trial, so an interrupted
 *   search still shows what it did.
 * - Every trial uses the request seed for its initial weights and shuffles, so trials differ only
 *   by their parameters.
 * - Trials run several at once when src/lib/hpo/trial-concurrency.ts says so (random and grid
 *   samplers, TPE with `constantLiar`; at least 2 trials per thread; up to the cores, capped at
 *   4), each in a trial worker (trial-workers.ts) with its own tfjs instance and copy of the
 *   prepared data, while this worker runs the study. Random and grid searches then give the same trials
 *   and, without a pruner, the same values as a serial search; with the median pruner a report
 *   is judged against the trials finished at that moment (as in Optuna), so which trials are
 *   pruned can depend on which finished first.
 */
import type { SearchProgress, SearchRecord, SearchRequest } from '../../src/lib/contracts/compute';
import type { BackendName } from '../../src/lib/contracts/entities';
import { InvalidArgumentError, TrainingConfigError } from '../../src/lib/contracts/errors';
import {
  applyParams,
  createStudy,
  knownParamNames,
  trialConcurrency,
  type Study,
  type Trial,
} from '../../src/lib/hpo';
import { getDb, putSearch, updateSearch } from '../../src/lib/db';
import { availableThreads } from '../ml';
import { ensureBackend } from './backend-state';
import { prepareData } from './prepare-data';
import { localSlot, workerSlots, type TrialSlot } from './trial-workers';

/**
 * Bootstrap resamples of each trial's test evaluation. Trials get point estimates only: 1,000
 * resamples of the model and the baseline cost more than the whole per-trial overhead budget
 * of H1 (50 ms), and a trial is picked by validation loss anyway; retrain the chosen
 * configuration as a normal run for intervals and the paired baseline comparison.
 */
export const TRIAL_BOOTSTRAP_ITERATIONS = 0;

export interface SearchHooks {
  onProgress: (p: SearchProgress) => unknown;
  /** Default: whether {@link cancelSearch} was called for this search. */
  shouldStop?: () => boolean;
  /**
   * Test seam, passed to every trial (see TrainHooks.injectFault); a search with it runs its
   * trials in this thread only.
   */
  injectFault?: (at: { backend: BackendName; epoch: number }) => void;
  /** Trials at once; default from src/lib/hpo/trial-concurrency.ts and the cores. */
  threads?: number;
}

const cancelled = new Set<string>();

/**
 * Asks a running search to stop after the current batch of its running trial.
 * @param searchId the search
 */
export function cancelSearch(searchId: string): void {
  cancelled.add(searchId);
}

/** The run id of a search trial. */
export function trialRunId(searchId: string, trial: number): string {
  return `${searchId}-trial-${trial}`;
}

/**
 * Runs a hyperparameter search and stores its record and one Run per trial.
 * @param request the search: data, base config, space, sampler, budget, pruner, split, seed
 * @param hooks progress after every epoch and trial; cancellation
 * @returns the final SearchRecord (`completed` or `cancelled`)
 * @throws InvalidArgumentError for an invalid space, sampler, budget or pruner, or a parameter
 *   name that is not a model setting; TrainingConfigError when the data cannot be trained on or
 *   the split has no validation part (nothing is stored in these cases)
 */
export async function runSearch(request: SearchRequest, hooks: SearchHooks): Promise<SearchRecord> {
  const startedAt = performance.now();
  const id = request.searchId;
  cancelled.delete(id);
  const shouldStop = hooks.shouldStop ?? (() => cancelled.has(id));
  try {
    if (request.objective !== 'valLoss') {
      throw new InvalidArgumentError('objective', request.objective, "must be 'valLoss'");
    }
    const known = knownParamNames();
    for (const p of request.space) {
      if (!known.includes(p.name)) {
        throw new InvalidArgumentError(
          'space',
          p.name,
          `is not a model setting; use one of ${known.join(', ')}`,
        );
      }
    }
    const study = createStudy({
      space: request.space,
      sampler: request.sampler,
      ...(request.samplerOptions ? { samplerOptions: request.samplerOptions } : {}),
      seed: request.seed,
      direction: 'minimize',
      budget: request.budget,
      pruner: request.pruner,
    });
    const backend = await ensureBackend();
    const prepared = await prepareData(request);
    if (prepared.validation.n === 0) {
      throw new TrainingConfigError(
        'a search scores each trial by its validation loss, but the split has no validation ' +
          'rows; give the validation part a share above 0',
      );
    }

    const record: SearchRecord = {
      id,
      createdAt: Date.now(),
      request,
      status: 'running',
      study: study.toJSON(),
      runIds: {},
      best: null,
    };
    await putSearch(record);
    const emit = (epoch: number, epochs: number) =>
      void hooks.onProgress({
        searchId: id,
        trials: study.trials(),
        budget: study.maxTrials,
        epoch,
        epochs,
      });

    const concurrency =
      hooks.threads ??
      trialConcurrency(
        request.sampler,
        request.samplerOptions ?? {},
        study.maxTrials,
        availableThreads(),
      );
    const local = localSlot(prepared, shouldStop, hooks.injectFault);
    let slots = [local];
    // A fault-injection hook cannot cross threads, and GPU backends are one device anyway.
    if (
      concurrency > 1 &&
      !hooks.injectFault &&
      (backend.name === 'wasm' || backend.name === 'cpu')
    ) {
      try {
        const dbName = (await getDb()).name;
        // Every parallel trial runs in a trial worker; this thread only asks, tells and routes,
        // so it answers a worker's report or hands it its next trial at once (a trial here
        // would hold those up to 50 ms, fit's yield interval) and stays free for other calls.
        slots = await workerSlots(concurrency, dbName, backend, prepared, local);
      } catch {
        // Workers that cannot start (no module workers, the backend fails there): run serially.
      }
    }
    // Cancel reaches trial workers through their stop(); a trial here polls shouldStop.
    const stopTimer =
      slots.length > 1
        ? setInterval(() => {
            if (shouldStop()) for (const s of slots) s.stop();
          }, 50)
        : null;

    try {
      let status: SearchRecord['status'] = 'completed';
      let asking = true;
      const idle = [...slots];
      const running = new Set<Promise<void>>();
      const runTrial = async (slot: TrialSlot, trial: Trial): Promise<void> => {
        const n = trial.number;
        let prunedAt: number | null = null;
        const runId = trialRunId(id, n);
        let epochs = request.baseConfig.epochs;
        try {
          const config = applyParams(request.baseConfig, trial.params);
          epochs = config.epochs;
          emit(0, epochs);
          record.runIds[n] = runId;
          const outcome = await slot.train(
            {
              runId,
              config,
              seed: request.seed,
              bootstrapIterations: TRIAL_BOOTSTRAP_ITERATIONS,
              tags: [`search:${id}`],
              search: { id, trial: n },
            },
            (epoch, value) => {
              // A trial in a trial worker may report once more before it hears `prune`; the
              // study keeps the reports up to the pruned step, as in a serial search.
              if (prunedAt !== null) return { prune: true };
              const { prune } = study.report(n, epoch, value);
              if (prune) prunedAt = epoch;
              emit(epoch, epochs);
              return { prune };
            },
          );
          if (outcome.kind === 'finished') {
            study.tell(n, outcome.pruned ? 'pruned' : finiteOrNaN(outcome.best));
          } else {
            study.tell(n, 'failed');
            if (outcome.cancelled) {
              status = 'cancelled';
              asking = false;
            }
            // A failed trial is stored as a failed Run (by trainPrepared); the search goes on.
          }
        } catch {
          // applyParams refused the parameters: the trial fails, the search goes on.
          study.tell(n, 'failed');
        } finally {
          await saveProgress(id, study, record.runIds);
          emit(epochs, epochs);
        }
      };
      for (;;) {
        while (asking && idle.length > 0) {
          if (shouldStop()) {
            status = 'cancelled';
            asking = false;
            break;
          }
          const trial = study.ask();
          if (!trial) {
            asking = false;
            break;
          }
          const slot = idle.shift()!;
          const job = runTrial(slot, trial).finally(() => {
            running.delete(job);
            idle.push(slot);
          });
          running.add(job);
        }
        if (running.size === 0) break;
        await Promise.race(running);
      }
      return await updateSearch(id, {
        status,
        study: study.toJSON(),
        runIds: record.runIds,
        best: bestOf(study, record.runIds),
        durationMs: performance.now() - startedAt,
      });
    } catch (e) {
      await updateSearch(id, {
        status: 'failed',
        error: e instanceof Error ? e.message : String(e),
        study: study.toJSON(),
        runIds: record.runIds,
        best: bestOf(study, record.runIds),
        durationMs: performance.now() - startedAt,
      }).catch(() => undefined);
      throw e;
    } finally {
      if (stopTimer) clearInterval(stopTimer);
      for (const s of slots) s.close();
    }
  } finally {
    cancelled.delete(id);
  }
}

async function saveProgress(
  id: string,
  study: Study,
  runIds: Record<number, string>,
): Promise<void> {
  await updateSearch(id, { study: study.toJSON(), runIds, best: bestOf(study, runIds) });
}

function bestOf(study: Study, runIds: Record<number, string>): SearchRecord['best'] {
  const best = study.best();
  const runId = best ? runIds[best.number] : undefined;
  if (!best || best.value === undefined || runId === undefined) return null;
  return { trial: best.number, value: best.value, params: best.params, runId };
}

function finiteOrNaN(x: number): number {
  return Number.isFinite(x) ? x : Number.NaN;
}
