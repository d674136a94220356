/**
 * Check `missing-values`: one finding per column with missing values.
 *
 * Severity by the missing share: `error` from 50% (the column is mostly empty), `warning` from
 * 5%, `info` below.
 */
import type { Finding, Severity } from '../contracts/entities';
import {
  ALL_COLUMN_TYPES,
  isMissingAt,
  matchingRows,
  percent,
  type ColumnCheckDescriptor,
} from './check';

/** Missing share from which the finding is a warning. */
export const MISSING_WARNING_SHARE = 0.05;
/** Missing share from which the finding is an error. */
export const MISSING_ERROR_SHARE = 0.5;

/** The `missing-values` check. */
export const missingValuesCheck: ColumnCheckDescriptor = {
  id: 'missing-values',
  title: 'Missing values',
  appliesTo: { columnTypes: ALL_COLUMN_TYPES },
  run(ctx): Finding[] {
    const profile = ctx.profiles[ctx.column]!;
    if (profile.missing === 0 || profile.count === 0) return [];
    const share = profile.missing / profile.count;
    const severity: Severity =
      share >= MISSING_ERROR_SHARE ? 'error' : share >= MISSING_WARNING_SHARE ? 'warning' : 'info';
    const col = ctx.columns[ctx.column]!;
    const { sampleRows } = matchingRows(profile.count, (i) => isMissingAt(col, i));
    const all = profile.missing === profile.count;
    return [
      {
        check: 'missing-values',
        severity,
        column: profile.name,
        title: all
          ? `\`${profile.name}\` is missing in every row`
          : `\`${profile.name}\` is missing in ${percent(share)} of rows (${profile.missing} of ${profile.count})`,
        explanation: all
          ? 'The column has no values at all, so it cannot inform a model. Check the import (a wrong delimiter or header) or drop the column.'
          : 'Models cannot use a missing value as it is: rows with a missing target are dropped and missing features are filled in, which blurs what the column says. ' +
            (severity === 'error'
              ? 'With most values missing, consider dropping the column, or find out why it is empty. '
              : 'Check whether the gaps carry meaning (then keep an indicator column) or are errors to fix at the source. ') +
            'The sample rows show where values are missing.',
        count: profile.missing,
        sampleRows,
        details: {
          share,
          threshold:
            severity === 'info'
              ? 0
              : severity === 'warning'
                ? MISSING_WARNING_SHARE
                : MISSING_ERROR_SHARE,
        },
      },
    ];
  },
};
