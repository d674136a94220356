import { useFreshDb } from './helpers';
import { describe, expect, it } from 'vitest';
import {
  appendPredictions,
  decideExperiment,
  getExperiment,
  listAudit,
  listExperimentEntries,
  listExperiments,
  putExperiment,
  runningExperimentFor,
  startExperiment,
} from '../../../src/lib/db';
import { InvalidArgumentError, NotFoundError } from '../../../src/lib/contracts/errors';
import { entry, experiment } from '../ab/helpers';

describe('experiments repository', () => {
  useFreshDb();

  it('stores, lists newest first, and refuses an invalid experiment', async () => {
    await putExperiment(experiment({ id: 'e1', createdAt: 1, status: 'draft' }));
    await putExperiment(experiment({ id: 'e2', createdAt: 2, status: 'draft', name: 'second' }));
    expect((await listExperiments()).map((e) => e.id)).toEqual(['e2', 'e1']);
    await expect(putExperiment(experiment({ id: 'e3', salt: '' }))).rejects.toThrow(
      InvalidArgumentError,
    );
    expect(await getExperiment('e3')).toBeUndefined();
  });

  it('starts one running experiment per deployment', async () => {
    await putExperiment(experiment({ id: 'e1', status: 'draft', startedAt: null }));
    await putExperiment(experiment({ id: 'e2', status: 'draft', startedAt: null, name: 'other' }));
    expect(await runningExperimentFor('d1')).toBeUndefined();
    const started = await startExperiment('e1', 123);
    expect(started).toMatchObject({ status: 'running', startedAt: 123 });
    expect((await runningExperimentFor('d1'))?.id).toBe('e1');
    await expect(startExperiment('e2')).rejects.toThrow(/already runs experiment "v1 vs v2"/);
    await expect(startExperiment('nope')).rejects.toThrow(NotFoundError);
  });

  it('stores a decision with its stats, stops routing and writes the audit trail', async () => {
    await putExperiment(experiment({ id: 'e1' }));
    const { experiment: decided, audit } = await decideExperiment('e1', {
      at: 9,
      action: 'promote',
      arm: 'B',
      modelVersionId: 'penguins@2',
      reason: 'B is better',
      stats: null,
    });
    expect(decided.status).toBe('decided');
    expect((await getExperiment('e1'))?.decision?.reason).toBe('B is better');
    expect(await runningExperimentFor('d1')).toBeUndefined();
    expect(audit.seq).toBeGreaterThan(0);
    expect((await listAudit({ subject: 'e1' }))[0]?.message).toMatch(
      /promote B \(penguins@2\) — B is better/,
    );
    await expect(
      decideExperiment('e1', {
        at: 10,
        action: 'stop',
        arm: null,
        modelVersionId: null,
        reason: 'x',
        stats: null,
      }),
    ).rejects.toThrow(/already has a decision/);
    await expect(startExperiment('e1')).rejects.toThrow(/was decided/);
  });

  it('a stop needs a reason and leaves the experiment stopped', async () => {
    await putExperiment(experiment({ id: 'e1' }));
    const stop = { at: 1, action: 'stop' as const, arm: null, modelVersionId: null, stats: null };
    await expect(decideExperiment('e1', { ...stop, reason: ' ' })).rejects.toThrow(/say why/);
    expect((await decideExperiment('e1', { ...stop, reason: 'bug found' })).experiment.status).toBe(
      'stopped',
    );
  });

  it('lists an experiment’s log entries oldest first', async () => {
    await appendPredictions([
      entry({ id: 'x2', at: 20, experimentId: 'e1' }),
      entry({ id: 'x1', at: 10, experimentId: 'e1' }),
      entry({ id: 'y1', at: 15, experimentId: 'e2' }),
      entry({ id: 'z1', at: 5, experimentId: undefined }),
    ]);
    expect((await listExperimentEntries('e1')).map((e) => e.id)).toEqual(['x1', 'x2']);
  });
});
