/**
 * One traffic replay at a time through the compute worker (Serve page, A/B tests): its id while
 * it runs, its latest progress, and cancel.
 */
import type { Outcome, ReplayProgress, ReplayRequest } from '../lib/contracts/compute';
import type { ComputeClient } from './compute-client';

export class ReplayRun {
  /** The running replay's id (null when none runs). */
  id = $state<string | null>(null);
  progress = $state<ReplayProgress | null>(null);

  constructor(private readonly compute: ComputeClient) {}

  /**
   * Replays in the worker; id and progress are cleared when it ends, however it ends.
   * @param request the request, given the replay's fresh id (e.g. for a key prefix)
   * @returns the worker's outcome
   */
  async run(
    request: (replayId: string) => Omit<ReplayRequest, 'replayId'>,
  ): Promise<Outcome<{ rows: number; logged: number }>> {
    const replayId = crypto.randomUUID();
    this.id = replayId;
    try {
      const onProgress = this.compute.proxy((p: ReplayProgress) => {
        if (p.replayId === this.id) this.progress = p;
      });
      return await this.compute.call((api) =>
        api.replay({ ...request(replayId), replayId }, onProgress),
      );
    } finally {
      this.id = null;
      this.progress = null;
    }
  }

  /** Cancels the running replay, if any. */
  async cancel(): Promise<void> {
    const id = this.id;
    if (id) await this.compute.call((api) => api.cancelReplay(id));
  }
}
