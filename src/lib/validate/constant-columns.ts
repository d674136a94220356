/**
 * Check `constant-columns`: columns with one distinct value (`warning`) and near-constant columns
 * whose most frequent value covers at least 99% of the non-missing rows (`info`).
 *
 * Missing values are left out of both shares (the `missing-values` check reports them). For
 * numeric columns the most frequent value, when it covers more than half of the rows, is the
 * median, so the share is that of the profile's p50. Datetime columns get the constant test only.
 */
import type { Finding } from '../contracts/entities';
import {
  ALL_COLUMN_TYPES,
  firstRows,
  isMissingAt,
  matchingRows,
  percent,
  type ColumnCheckDescriptor,
} from './check';

/** Share of non-missing rows the top value must reach for a near-constant finding. */
export const NEAR_CONSTANT_SHARE = 0.99;

/** The `constant-columns` check. */
export const constantColumnsCheck: ColumnCheckDescriptor = {
  id: 'constant-columns',
  title: 'Constant and near-constant columns',
  appliesTo: { columnTypes: ALL_COLUMN_TYPES },
  run(ctx): Finding[] {
    const profile = ctx.profiles[ctx.column]!;
    const col = ctx.columns[ctx.column]!;
    const present = profile.count - profile.missing;
    if (present === 0) return [];
    if (profile.unique === 1) {
      const value =
        profile.top?.[0]?.value ??
        (profile.type === 'datetime' ? new Date(profile.min!).toISOString() : String(profile.min));
      return [
        {
          check: 'constant-columns',
          severity: 'warning',
          column: profile.name,
          title: `\`${profile.name}\` is constant (always ${JSON.stringify(value)})`,
          explanation:
            'A column with a single value carries no information for a model and is left out of training. Drop it, or check whether the import lost its other values.',
          count: present,
          sampleRows: firstRows(profile.count, (i) => !isMissingAt(col, i)),
          details: { value, share: 1 },
        },
      ];
    }
    // The top value covers at most present − (unique − 1) rows: skip columns that cannot reach
    // the share (every continuous column) without touching the data.
    if (present - (profile.unique - 1) < NEAR_CONSTANT_SHARE * present) return [];
    // The most frequent value and a test for rows that hold something else.
    let topValue: string;
    let topCount: number;
    let other: (i: number) => boolean;
    if (col instanceof Int32Array) {
      const top = profile.top?.[0];
      if (!top) return [];
      const code = ctx.schema[ctx.column]!.dictionary!.indexOf(top.value);
      topValue = top.value;
      topCount = top.count;
      other = (i) => col[i]! >= 0 && col[i] !== code;
    } else {
      const median = profile.quantiles?.find((q) => q.p === 0.5)?.value;
      if (median === undefined) return [];
      topCount = 0;
      for (let i = 0; i < col.length; i++) if (col[i] === median) topCount++;
      topValue = String(median);
      other = (i) => col[i] === col[i] && col[i] !== median;
    }
    const share = topCount / present;
    if (share < NEAR_CONSTANT_SHARE) return [];
    const { count, sampleRows } = matchingRows(profile.count, other);
    return [
      {
        check: 'constant-columns',
        severity: 'info',
        column: profile.name,
        title: `\`${profile.name}\` is nearly constant: ${percent(share)} of values are ${JSON.stringify(topValue)}`,
        explanation:
          `Only ${count} row${count === 1 ? '' : 's'} differ from the most frequent value, so the column says little for most rows and a model may overfit to the few exceptions. ` +
          'Keep it if the rare values matter (e.g. a fraud flag); otherwise consider dropping it. The sample rows are the exceptions.',
        count,
        sampleRows,
        details: { value: topValue, share, threshold: NEAR_CONSTANT_SHARE },
      },
    ];
  },
};
