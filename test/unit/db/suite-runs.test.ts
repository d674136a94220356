import { storedDataset, useFreshDb } from './helpers';
import { describe, expect, it } from 'vitest';
import type { SuiteRun } from '../../../src/lib/contracts/entities';
import { NotFoundError } from '../../../src/lib/contracts/errors';
import { listSuiteRuns, putSuiteRun, saveSuite } from '../../../src/lib/db';

const run = (id: string, suiteId: string, versionId: string, createdAt: number): SuiteRun => ({
  id,
  suiteId,
  versionId,
  createdAt,
  passed: false,
  results: [
    {
      expectation: { kind: 'values-between', column: 'x', min: 0, max: 2 },
      passed: false,
      observed: '1 value outside [0, 2]',
      unexpectedCount: 1,
      unexpected: [{ row: 2, value: '3' }],
    },
  ],
});

describe('suite runs', () => {
  useFreshDb();

  it('filters by version, by suite, by both, and lists newest first', async () => {
    const { versions } = await storedDataset('d', [1, 2, 3], [4]);
    const [a, b] = versions.map((v) => v.id) as [string, string];
    const s1 = (await saveSuite({ name: 's', sourceVersionId: a, expectations: [] })).id;
    const s2 = (await saveSuite({ name: 's', sourceVersionId: a, expectations: [] })).id;
    await putSuiteRun(run('1', s1, a, 1));
    await putSuiteRun(run('2', s2, a, 2));
    await putSuiteRun(run('3', s2, b, 3));
    await putSuiteRun(run('4', s1, b, 3));
    const ids = (runs: SuiteRun[]) => runs.map((r) => r.id);
    expect(ids(await listSuiteRuns())).toEqual(['4', '3', '2', '1']);
    expect(ids(await listSuiteRuns({ versionId: a }))).toEqual(['2', '1']);
    expect(ids(await listSuiteRuns({ suiteId: s2 }))).toEqual(['3', '2']);
    expect(ids(await listSuiteRuns({ versionId: b, suiteId: s1 }))).toEqual(['4']);
    expect(ids(await listSuiteRuns({ versionId: 'none' }))).toEqual([]);
    expect((await listSuiteRuns({ suiteId: s1 }))[1]).toEqual(run('1', s1, a, 1));
  });

  it('refuses a run of an unknown suite or dataset version', async () => {
    const { versions } = await storedDataset('d', [1]);
    const v = versions[0]!.id;
    const s = (await saveSuite({ name: 's', sourceVersionId: null, expectations: [] })).id;
    await expect(putSuiteRun(run('x', 'nope@1', v, 1))).rejects.toThrow(NotFoundError);
    await expect(putSuiteRun(run('x', s, 'missing', 1))).rejects.toThrow(/dataset version/);
    expect(await listSuiteRuns()).toEqual([]);
  });
});
