/**
 * The retraining trigger's request: the champion's run repeated on a newer dataset version
 * (same target, features, model configuration, split spec, seed and preprocessing).
 */
import type { TrainRequest } from '../lib/contracts/compute';
import type { Run } from '../lib/contracts/entities';
import { requestOf } from './rerun';

/** The training request that retrains `champion`'s configuration on `datasetVersionId`. */
export function retrainRequest(
  champion: Run,
  datasetVersionId: string,
): Omit<TrainRequest, 'runId'> {
  return {
    ...requestOf(champion),
    datasetVersionId,
    tags: [
      ...champion.tags.filter((t) => !t.startsWith('rerun-of:') && !t.startsWith('retrain-of:')),
      `retrain-of:${champion.id}`,
    ],
  };
}
