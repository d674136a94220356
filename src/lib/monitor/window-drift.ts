/**
 * The drift part of a window report: each monitored column (and the predictions) against the
 * cached reference profile, with the user's per-column test and threshold, and dataset drift as
 * the share of drifted columns.
 */
import { InvalidArgumentError } from '../contracts/errors';
import {
  PREDICTION_COLUMN,
  type MonitorColumnReport,
  type MonitorColumnSetting,
} from '../contracts/monitoring';
import { driftBetweenProfiles, type ColumnDriftOptions } from '../stats/column-drift';
import { getDriftTest } from '../stats/drift-registry';
import { buildProfile, type SampleProfile } from '../stats/profile';
import { distributionOf } from './distribution';
import type { ColumnValues } from './monitored-columns';
import type { ReferenceColumn, ReferenceProfile } from './reference-profile';

/** The drift part of a window report. */
export interface WindowDrift {
  columns: MonitorColumnReport[];
  prediction: MonitorColumnReport | null;
  /** Share of the reported feature columns that drifted (the predictions do not count). */
  driftShare: number;
  datasetDrift: boolean;
  /** Columns left out, with why (disabled, no usable values). */
  skipped: { column: string; why: string }[];
}

/**
 * Drift of a window against a reference.
 * @param reference the cached reference profile
 * @param current column name → the window's values (the prediction column under
 *   {@link PREDICTION_COLUMN})
 * @param settings column name → test / threshold / enabled (absent: the STATS.md default)
 * @param driftShare dataset drift when at least this share of columns drifted, in (0, 1]
 * @returns the column reports, the prediction report, the drifted share and dataset drift
 * @throws {InvalidArgumentError} for a share outside (0, 1], or a test that does not apply to a
 *   column's kind (naming the column)
 * @example
 * windowDrift(reference, extractColumns(entries, columns), { age: { test: 'psi' } }, 0.5).driftShare // 0.5
 */
export function windowDrift(
  reference: ReferenceProfile,
  current: ReadonlyMap<string, ColumnValues>,
  settings: Readonly<Record<string, MonitorColumnSetting>>,
  driftShare: number,
): WindowDrift {
  if (!(driftShare > 0 && driftShare <= 1)) {
    throw new InvalidArgumentError('driftShare', driftShare, 'must be in (0, 1]');
  }
  const skipped: WindowDrift['skipped'] = [];
  const check = (col: ReferenceColumn): MonitorColumnReport | null => {
    const setting = settings[col.name] ?? {};
    if (setting.enabled === false) {
      skipped.push({ column: col.name, why: 'disabled in the monitor' });
      return null;
    }
    const values = current.get(col.name);
    if (!col.profile) {
      skipped.push({ column: col.name, why: 'no usable value in the reference' });
      return null;
    }
    let cur: SampleProfile;
    try {
      cur = buildProfile((values ?? []) as ArrayLike<number>, col.kind, col.name);
    } catch (e) {
      if (!(e instanceof InvalidArgumentError)) throw e;
      skipped.push({ column: col.name, why: 'no usable value in this window' });
      return null;
    }
    return columnReport(col.name, col.profile, cur, setting);
  };
  const columns = reference.columns.map(check).filter((r): r is MonitorColumnReport => r !== null);
  const prediction = reference.prediction ? check(reference.prediction) : null;
  const drifted = columns.filter((c) => c.drift).length;
  const share = columns.length === 0 ? 0 : drifted / columns.length;
  return {
    columns,
    prediction,
    driftShare: share,
    datasetDrift: columns.length > 0 && share >= driftShare,
    skipped,
  };
}

/**
 * One column's report from its reference and current profiles.
 * @param column the column name
 * @param ref reference profile
 * @param cur current profile
 * @param setting the user's test / threshold (absent: default)
 * @returns the column report
 * @throws {InvalidArgumentError} when the chosen test does not apply to the column's kind
 * @example
 * columnReport('age', refProfile, curProfile, {}).test // 'ks'
 */
export function columnReport(
  column: string,
  ref: SampleProfile,
  cur: SampleProfile,
  setting: MonitorColumnSetting,
): MonitorColumnReport {
  const options: ColumnDriftOptions = {};
  if (setting.test !== undefined) options.test = setting.test;
  if (setting.threshold !== undefined) options.threshold = setting.threshold;
  let r;
  try {
    r = driftBetweenProfiles(ref, cur, options);
  } catch (e) {
    if (e instanceof InvalidArgumentError) {
      const name = column === PREDICTION_COLUMN ? 'the predictions' : `column \`${column}\``;
      throw new InvalidArgumentError(
        `test of ${name}`,
        setting.test,
        `${e.message}; choose another test for it in the monitor's column settings`,
      );
    }
    throw e;
  }
  const test = getDriftTest(r.test);
  return {
    column,
    kind: ref.kind,
    test: r.test,
    testLabel: test.label,
    value: r.value,
    threshold: r.threshold,
    drift: r.drift,
    // The stats core speaks of "the caller"; here the caller is the monitor's settings.
    why: r.reason.replace(/^chosen by the caller/, "chosen in the monitor's settings"),
    missing: cur.missing,
    distribution: distributionOf(ref, cur),
  };
}
