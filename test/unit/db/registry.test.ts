import { makeArtifact, makeRun, SIGNATURE, useFreshDb } from './helpers';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, NotFoundError } from '../../../src/lib/contracts/errors';
import {
  getModelVersion,
  listModelNames,
  listModelVersions,
  putArtifact,
  putRun,
  registerModelVersion,
} from '../../../src/lib/db';

async function seed(): Promise<void> {
  await putRun(makeRun('r1'));
  await putArtifact(await makeArtifact('a1', 'r1'));
}

const input = (name: string, createdAt = 1) => ({
  name,
  runId: 'r1',
  artifactId: 'a1',
  datasetVersionId: 'v1',
  signature: SIGNATURE,
  createdAt,
});

describe('model registry', () => {
  useFreshDb();

  it('numbers versions per name from 1 and stores lineage', async () => {
    await seed();
    const a = await registerModelVersion({ ...input('churn'), description: 'first', tags: ['x'] });
    const b = await registerModelVersion(input('churn', 2));
    const c = await registerModelVersion(input('penguins', 3));
    expect([a.id, b.id, c.id]).toEqual(['churn@1', 'churn@2', 'penguins@1']);
    expect(await getModelVersion('churn@1')).toMatchObject({
      name: 'churn',
      version: 1,
      runId: 'r1',
      artifactId: 'a1',
      datasetVersionId: 'v1',
      description: 'first',
      tags: ['x'],
    });
    expect(await getModelVersion('churn@9')).toBeUndefined();
    expect(await listModelNames()).toEqual(['churn', 'penguins']);
    expect((await listModelVersions('churn')).map((v) => v.version)).toEqual([2, 1]);
    expect((await listModelVersions()).map((v) => v.id)).toEqual([
      'penguins@1',
      'churn@2',
      'churn@1',
    ]);
  });

  it('gives concurrent registrations distinct consecutive numbers', async () => {
    await seed();
    const versions = await Promise.all(
      Array.from({ length: 8 }, () => registerModelVersion(input('race'))),
    );
    expect(versions.map((v) => v.version).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(await listModelVersions('race')).toHaveLength(8);
  });

  it('refuses unknown runs or artifacts and bad names, registering nothing', async () => {
    await seed();
    await expect(registerModelVersion({ ...input('m'), runId: 'nope' })).rejects.toThrow(
      NotFoundError,
    );
    await expect(registerModelVersion({ ...input('m'), artifactId: 'nope' })).rejects.toThrow(
      /model artifact "nope"/,
    );
    for (const bad of ['', '  ', 'a@b', 'a:b', 'x'.repeat(201)]) {
      await expect(registerModelVersion(input(bad))).rejects.toThrow(InvalidArgumentError);
    }
    expect(await listModelNames()).toEqual([]);
  });
});
