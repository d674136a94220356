import { storedDataset, useFreshDb } from './helpers';
import { describe, expect, it } from 'vitest';
import type { ValidationReport } from '../../../src/lib/contracts/entities';
import { NotFoundError } from '../../../src/lib/contracts/errors';
import { getLatestReport, listReports, putReport } from '../../../src/lib/db';

const report = (id: string, versionId: string, createdAt: number): ValidationReport => ({
  id,
  versionId,
  createdAt,
  target: 'x',
  findings: [
    {
      check: 'missing-values',
      severity: 'warning',
      column: 'x',
      title: '`x` is missing in 12% of rows',
      explanation: 'Fill or drop them.',
      count: 12,
      sampleRows: [1, 5],
      details: { share: 0.12 },
    },
  ],
});

describe('validation reports', () => {
  useFreshDb();

  it('lists a version’s reports newest first and finds the latest', async () => {
    const { versions } = await storedDataset('d', [1], [1, 2]);
    const [a, b] = versions.map((v) => v.id) as [string, string];
    await putReport(report('r1', a, 10));
    await putReport(report('r3', a, 30));
    await putReport(report('r2', a, 20));
    await putReport(report('other', b, 99));
    expect((await listReports(a)).map((r) => r.id)).toEqual(['r3', 'r2', 'r1']);
    expect(await getLatestReport(a)).toEqual(report('r3', a, 30));
    expect((await getLatestReport(b))?.id).toBe('other');
    expect(await getLatestReport('none')).toBeUndefined();
    expect(await listReports('none')).toEqual([]);
  });

  it('breaks equal times by id (total order) and replaces a report with the same id', async () => {
    const { versions } = await storedDataset('d', [1]);
    const v = versions[0]!.id;
    await putReport(report('a', v, 5));
    await putReport(report('b', v, 5));
    expect((await listReports(v)).map((r) => r.id)).toEqual(['b', 'a']);
    await putReport({ ...report('a', v, 6), findings: [] });
    expect(await getLatestReport(v)).toMatchObject({ id: 'a', findings: [] });
    expect(await listReports(v)).toHaveLength(2);
  });

  it('refuses a report of a version that does not exist', async () => {
    await expect(putReport(report('r', 'missing', 1))).rejects.toThrow(NotFoundError);
    expect(await listReports('missing')).toEqual([]);
  });
});
