/**
 * The validation report repository: any number of {@link ValidationReport}s per dataset version
 * (one per validation run, e.g. with different targets), deleted with their dataset.
 */
import type { ValidationReport } from '../contracts/entities';
import { NotFoundError } from '../contracts/errors';
import { getDb } from './connection';
import { newestFirst } from './newest-first';
import { withStorageErrors } from './storage-errors';

/**
 * Stores (inserts or replaces, by `id`) a validation report. The dataset version's existence is
 * checked in the same transaction as the write, so no report outlives a deleted dataset.
 * @param report the report
 * @returns the report
 * @throws {NotFoundError} when the dataset version does not exist
 * @throws {StorageFullError} when the browser has no space left
 * @example
 * await putReport({ id: crypto.randomUUID(), versionId: v.id, createdAt: Date.now(), findings });
 */
export async function putReport(report: ValidationReport): Promise<ValidationReport> {
  const db = await getDb();
  await withStorageErrors(`validation report "${report.id}"`, () =>
    db.transaction('rw', [db.datasetVersions, db.reports], async () => {
      if ((await db.datasetVersions.where('id').equals(report.versionId).count()) === 0) {
        throw new NotFoundError('dataset version', report.versionId);
      }
      await db.reports.put(report);
    }),
  );
  return report;
}

/**
 * Lists the validation reports of a dataset version, newest first (equal times: by id
 * descending, so the order is total).
 * @param versionId the version id
 * @returns the reports (empty for an unknown version)
 * @example
 * (await listReports(v.id)).map((r) => r.createdAt) // [1717000002000, 1717000001000]
 */
export async function listReports(versionId: string): Promise<ValidationReport[]> {
  const db = await getDb();
  const reports = await db.reports.where('versionId').equals(versionId).toArray();
  return reports.sort(newestFirst);
}

/**
 * The most recent validation report of a dataset version (largest `createdAt`; equal times: the
 * largest id).
 * @param versionId the version id
 * @returns the report, or `undefined` when the version has none
 * @example
 * (await getLatestReport(v.id))?.findings.length // 3
 */
export async function getLatestReport(versionId: string): Promise<ValidationReport | undefined> {
  return (await listReports(versionId))[0];
}
