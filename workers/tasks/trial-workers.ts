/**
 * Where a search's trials train: this thread (the compute worker; serial searches), or trial
 * workers (../trial.worker.ts), each with its own tfjs instance and copy of the prepared data, so
 * a search uses several cores (issue 4; the rule for how many is src/lib/hpo/trial-concurrency.ts).
 * Every place runs {@link trainPrepared} with the same seed and data, so a trial's Run is the
 * same wherever it trained.
 */
import * as Comlink from 'comlink';
import type { BackendInfo } from '../../src/lib/contracts/entities';
import { updateRun } from '../../src/lib/db';
import type { TrialWorkerApi } from '../trial.worker';
import type { ModelRequest, PreparedData } from './train-run';
import type { SearchHooks } from './search';
import { trainTrial, type ReportFn, type TrialOutcome } from './train-trial';

export type { ReportFn, TrialOutcome } from './train-trial';

/** One place that trains one trial at a time. */
export interface TrialSlot {
  /** Trains a trial; never throws (a failure or cancel is an outcome; its Run is stored). */
  train(req: ModelRequest, report: ReportFn): Promise<TrialOutcome>;
  /** Asks a running trial to stop after its current batch. */
  stop(): void;
  /** Frees the slot's worker, if any. */
  close(): void;
}

/** Trains trials in this thread, with the search's own cancel and fault-injection hooks. */
export function localSlot(
  prepared: PreparedData,
  shouldStop: () => boolean,
  injectFault: SearchHooks['injectFault'],
): TrialSlot {
  return {
    train: (req, report) =>
      trainTrial(prepared, req, report, { shouldStop, ...(injectFault ? { injectFault } : {}) }),
    stop: () => undefined,
    close: () => undefined,
  };
}

/**
 * Starts `count` trial workers on a copy of the prepared data and waits until they are ready
 * (~0.15 s each in the built app: tfjs, WASM, the database, the data), so the first trials start
 * together. (Starting trials here while they load was tried: under Vitest's unbundled dev server
 * a worker takes over a second to load, so short searches never used it and tests could not
 * show parallel trials.) A worker that dies (e.g. out of memory) fails its running trial; its
 * later trials train in this thread instead.
 * @param dbName the database the search stores its Runs in
 * @param backend the compute worker's backend choice, used as is by every worker
 */
export async function workerSlots(
  count: number,
  dbName: string,
  backend: BackendInfo,
  prepared: PreparedData,
  fallback: TrialSlot,
): Promise<TrialSlot[]> {
  // Trials read the prepared parts only (trainPrepared never touches the raw table), so the
  // table's columns are not copied into every worker.
  const shipped: PreparedData = { ...prepared, columns: [] };
  const slots = Array.from({ length: count }, (_, i) => {
    const worker = new Worker(new URL('../trial.worker.ts', import.meta.url), {
      type: 'module',
      name: `benchtop-trial-${i + 1}`,
    });
    const api = Comlink.wrap<TrialWorkerApi>(worker);
    let dead: string | null = null;
    const died = new Promise<never>((_, reject) => {
      worker.addEventListener('error', (e) => {
        dead = e.message || 'the trial worker stopped';
        reject(new Error(dead));
      });
    });
    died.catch(() => undefined);
    const ready = Promise.race([api.init(dbName, backend, shipped), died]);
    const slot: TrialSlot = {
      async train(req, report) {
        try {
          if (dead === null) {
            await ready;
            return await Promise.race([
              api.train(
                req,
                Comlink.proxy(async (epoch: number, value: number) => report(epoch, value)),
              ),
              died,
            ]);
          }
        } catch (e) {
          if (dead === null) throw e;
          const message = `the trial worker stopped (${dead})`;
          // The worker could not store the end of its Run: store it failed here.
          await updateRun(req.runId, { status: 'failed', error: message }).catch(() => undefined);
          return { kind: 'failed', cancelled: false, message };
        }
        return fallback.train(req, report);
      },
      stop: () => void api.stop().catch(() => undefined),
      close: () => {
        api[Comlink.releaseProxy]();
        worker.terminate();
      },
    };
    return { slot, ready };
  });
  // Start-up failures (the backend will not start there, say) surface before any trial runs.
  try {
    await Promise.all(slots.map((s) => s.ready));
  } catch (e) {
    for (const s of slots) s.slot.close();
    throw e;
  }
  return slots.map((s) => s.slot);
}
