/**
 * Check `outliers`: one finding per numeric column with values outside Tukey's fences
 * (below Q1 − 1.5·IQR or above Q3 + 1.5·IQR, quartiles as `numpy.quantile`) or with a z-score
 * |x − mean| / std > 3 (std with ddof 1). The finding counts rows flagged by either rule and
 * gives each rule's count in `details`.
 *
 * When IQR = 0 the fences would flag every value other than the quartile, so only the z rule
 * is used. Severity: `warning` when flagged rows are at least 5% of the values (more than a
 * normal distribution's ~0.7% under the IQR rule: a heavy tail or a mix of units), `info`
 * otherwise. Sample rows are the first flagged rows in row order.
 */
import type { Finding } from '../contracts/entities';
import { MAX_SAMPLE_ROWS, percent, type ColumnCheckDescriptor } from './check';

/** Tukey's fence multiplier. */
export const IQR_MULTIPLIER = 1.5;
/** |z| above which a value is an outlier. */
export const Z_LIMIT = 3;
/** Share of flagged values from which the finding is a warning. */
export const OUTLIER_WARNING_SHARE = 0.05;

/** The `outliers` check. */
export const outliersCheck: ColumnCheckDescriptor = {
  id: 'outliers',
  title: 'Outliers (IQR and z-score)',
  appliesTo: { columnTypes: ['number', 'integer'] },
  run(ctx): Finding[] {
    const profile = ctx.profiles[ctx.column]!;
    const col = ctx.columns[ctx.column]!;
    const q1 = profile.quantiles?.find((q) => q.p === 0.25)?.value;
    const q3 = profile.quantiles?.find((q) => q.p === 0.75)?.value;
    const { mean, std } = profile;
    if (
      !(col instanceof Float64Array) ||
      q1 === undefined ||
      q3 === undefined ||
      mean === undefined
    ) {
      return [];
    }
    const iqr = q3 - q1;
    const useIqr = iqr > 0;
    const lower = q1 - IQR_MULTIPLIER * iqr;
    const upper = q3 + IQR_MULTIPLIER * iqr;
    const useZ = std !== undefined && std > 0;
    const zLow = useZ ? mean - Z_LIMIT * std : -Infinity;
    const zHigh = useZ ? mean + Z_LIMIT * std : Infinity;
    let iqrCount = 0;
    let zCount = 0;
    let count = 0;
    const sampleRows: number[] = [];
    for (let i = 0; i < col.length; i++) {
      const v = col[i]!;
      const byIqr = useIqr && (v < lower || v > upper);
      const byZ = v < zLow || v > zHigh;
      if (!byIqr && !byZ) continue;
      if (byIqr) iqrCount++;
      if (byZ) zCount++;
      if (count < MAX_SAMPLE_ROWS) sampleRows.push(i);
      count++;
    }
    if (count === 0) return [];
    const present = profile.count - profile.missing;
    const share = count / present;
    return [
      {
        check: 'outliers',
        severity: share >= OUTLIER_WARNING_SHARE ? 'warning' : 'info',
        column: profile.name,
        title: `\`${profile.name}\` has ${count} outlier${count === 1 ? '' : 's'} (${percent(share)} of values)`,
        explanation:
          `${iqrCount} value${iqrCount === 1 ? ' lies' : 's lie'} outside [${fmt(lower)}, ${fmt(upper)}] (1.5 × IQR beyond the quartiles)` +
          `${useIqr ? '' : ' (not used: the quartiles are equal)'} and ${zCount} ${zCount === 1 ? 'is' : 'are'} more than 3 standard deviations from the mean. ` +
          'Extreme values can be data-entry errors or unit mix-ups, and they pull means and linear models towards them. Look at the sample rows: fix errors, and for genuine extremes consider clipping or a log transform.',
        count,
        sampleRows,
        details: { share, iqrCount, zCount, lowerFence: lower, upperFence: upper, zLow, zHigh },
      },
    ];
  },
};

function fmt(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(6))) : String(x);
}
