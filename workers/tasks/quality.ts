/**
 * Data-quality tasks: profile (computed once, then read from the store), validation report,
 * row read-back for click-through, expectation suites inferred and run.
 */
import type {
  DatasetProfile,
  ExpectationSuite,
  SuiteRun,
  ValidationReport,
} from '../../src/lib/contracts/entities';
import { NotFoundError } from '../../src/lib/contracts/errors';
import { profileDataset } from '../../src/lib/data';
import { getProfile, getSuite, putProfile, putReport, putSuiteRun } from '../../src/lib/db';
import {
  inferSuite as inferSuiteFrom,
  runSuite as runSuiteOn,
  validationReport,
} from '../../src/lib/validate';
import { formatRows, loadTable, rememberTable, type LoadedTable } from './load-table';

/** Profiles a freshly imported version from its in-memory columns and stores the profile. */
export async function profileImported(table: LoadedTable): Promise<DatasetProfile> {
  rememberTable(table);
  const computed = profileDataset(table.version.id, table.version.schema, table.columns);
  await putProfile(computed);
  return computed;
}

/** The stored profile of a version, computing and storing it the first time. */
export async function profile(versionId: string): Promise<DatasetProfile> {
  const stored = await getProfile(versionId);
  if (stored) return stored;
  const { version, columns } = await loadTable(versionId);
  const computed = profileDataset(version.id, version.schema, columns);
  await putProfile(computed);
  return computed;
}

export async function validate(versionId: string, target?: string): Promise<ValidationReport> {
  const { version, columns } = await loadTable(versionId);
  const report = validationReport(version.id, version.schema, columns, {
    ...(target ? { target } : {}),
    profile: await profile(versionId),
  });
  await putReport(report);
  return report;
}

export async function readRows(versionId: string, rows: number[]): Promise<string[][]> {
  return formatRows(await loadTable(versionId), rows.slice(0, 1000));
}

export async function inferSuite(versionId: string, name: string): Promise<ExpectationSuite> {
  const { version, columns } = await loadTable(versionId);
  return inferSuiteFrom(name, version.id, version.schema, columns, await profile(versionId));
}

export async function runSuite(suiteId: string, versionId: string): Promise<SuiteRun> {
  const suite = await getSuite(suiteId);
  if (!suite) throw new NotFoundError('expectation suite', suiteId);
  const { version, columns } = await loadTable(versionId);
  const run = runSuiteOn(suite, version.id, version.schema, columns);
  await putSuiteRun(run);
  return run;
}
