/**
 * Trial worker of a parallel search (workers/tasks/search.ts, trial-workers.ts): a module worker
 * with its own tfjs instance that trains search trials on a copy of the search's prepared data
 * and stores their Runs in the same database, asking the search's study (in the compute worker)
 * after every epoch whether to prune.
 */
import * as Comlink from 'comlink';
import type { BackendInfo } from '../src/lib/contracts/entities';
import { openDb } from '../src/lib/db';
import { adoptBackend } from './tasks/backend-state';
import type { ModelRequest, PreparedData } from './tasks/train-run';
import { trainTrial, type TrialOutcome } from './tasks/train-trial';

export type { TrialOutcome } from './tasks/train-trial';

/** The API of a trial worker. */
export interface TrialWorkerApi {
  /** Opens the search's database, starts the compute worker's backend, keeps the data. */
  init(dbName: string, backend: BackendInfo, prepared: PreparedData): Promise<void>;
  /**
   * Trains one trial (stored as a Run like a serial trial); `report` gives the study an epoch's
   * validation loss and says whether to prune.
   */
  train(
    req: ModelRequest,
    report: (epoch: number, value: number) => Promise<{ prune: boolean }>,
  ): Promise<TrialOutcome>;
  /** Stops the running trial after its current batch (the search was cancelled). */
  stop(): void;
}

let prepared: PreparedData | null = null;
let stopped = false;

const api: TrialWorkerApi = {
  async init(dbName, backend, data) {
    await openDb({ name: dbName });
    await adoptBackend(backend);
    prepared = data;
    stopped = false;
  },
  async train(req, report) {
    if (!prepared) throw new Error('trial worker used before init');
    return trainTrial(prepared, req, report, { shouldStop: () => stopped });
  },
  stop() {
    stopped = true;
  },
};

Comlink.expose(api);
