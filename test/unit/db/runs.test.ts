import { makeArtifact, makeRun, SIGNATURE, useFreshDb } from './helpers';
import { describe, expect, it } from 'vitest';
import { IntegrityError, NotFoundError } from '../../../src/lib/contracts/errors';
import {
  deleteRun,
  getArtifact,
  getRun,
  listRuns,
  putArtifact,
  putArtifactAndUpdateRun,
  putRun,
  registerModelVersion,
  updateRun,
} from '../../../src/lib/db';

describe('runs', () => {
  const t = useFreshDb();

  it('puts, gets, lists newest first and filters', async () => {
    await putRun(makeRun('a', 1, 'v1'));
    await putRun(makeRun('c', 3, 'v2'));
    await putRun(makeRun('b', 2, 'v1'));
    expect((await getRun('b'))?.createdAt).toBe(2);
    expect(await getRun('zzz')).toBeUndefined();
    expect((await listRuns()).map((r) => r.id)).toEqual(['c', 'b', 'a']);
    expect((await listRuns({ datasetVersionId: 'v1' })).map((r) => r.id)).toEqual(['b', 'a']);
    expect((await listRuns({ limit: 1 })).map((r) => r.id)).toEqual(['c']);
  });

  it('updates some fields, keeps the rest, and keeps concurrent updates of different fields', async () => {
    await putRun(makeRun('r'));
    await Promise.all([
      updateRun('r', { status: 'completed', durationMs: 12 }),
      updateRun('r', { notes: 'good' }),
    ]);
    const run = await getRun('r');
    expect(run).toMatchObject({ id: 'r', status: 'completed', durationMs: 12, notes: 'good' });
    expect(run?.target).toBe('y');
    await expect(updateRun('missing', { notes: 'x' })).rejects.toThrow(NotFoundError);
  });

  it('deletes a run with its unregistered artifacts, keeping registered ones', async () => {
    await putRun(makeRun('r'));
    await putArtifact(await makeArtifact('loose', 'r'));
    await putArtifact(await makeArtifact('kept', 'r'));
    await registerModelVersion({
      name: 'm',
      runId: 'r',
      artifactId: 'kept',
      datasetVersionId: 'v',
      signature: SIGNATURE,
    });
    await deleteRun('r');
    expect(await getRun('r')).toBeUndefined();
    expect(await getArtifact('loose')).toBeUndefined();
    expect((await getArtifact('kept'))?.runId).toBe('r');
    expect(await t.db().artifacts.count()).toBe(1);
  });
});

describe('artifacts', () => {
  const t = useFreshDb();

  it('round-trips weights and checks them against weightsHash on write and read', async () => {
    const artifact = await makeArtifact('a1', 'r1');
    await putArtifact(artifact);
    const back = await getArtifact('a1');
    expect(Array.from(new Float32Array(back!.weightData))).toEqual([0.5, -1, 2]);
    await expect(
      putArtifact({ ...artifact, id: 'a2', weightsHash: '0'.repeat(64) }),
    ).rejects.toThrow(IntegrityError);
    // Weights altered in storage behind the app's back.
    await t.db().artifacts.put({ ...artifact, weightData: new Float32Array([9]).buffer });
    await expect(getArtifact('a1')).rejects.toThrow(/does not match the recorded/);
  });

  it('stores an artifact and completes its run in one write, or writes neither', async () => {
    await putRun(makeRun('r1'));
    const artifact = await makeArtifact('a1', 'r1');
    const done = await putArtifactAndUpdateRun(artifact, {
      status: 'completed',
      artifactId: 'a1',
      durationMs: 7,
    });
    expect(done).toMatchObject({ id: 'r1', status: 'completed', artifactId: 'a1', durationMs: 7 });
    expect(await getRun('r1')).toEqual(done);
    expect(Array.from(new Float32Array((await getArtifact('a1'))!.weightData))).toEqual([
      0.5, -1, 2,
    ]);

    // A bad hash or a missing run writes nothing.
    await putRun(makeRun('r2'));
    const bad = { ...(await makeArtifact('a2', 'r2')), weightsHash: '0'.repeat(64) };
    await expect(putArtifactAndUpdateRun(bad, { status: 'completed' })).rejects.toThrow(
      IntegrityError,
    );
    await expect(
      putArtifactAndUpdateRun(await makeArtifact('a3', 'nope'), { status: 'completed' }),
    ).rejects.toThrow(NotFoundError);
    expect((await getRun('r2'))?.status).toBe(makeRun('r2').status);
    expect(await t.db().artifacts.count()).toBe(1);
  });
});
