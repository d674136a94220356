/**
 * Check `target-leakage`: a single feature that predicts the target almost perfectly.
 *
 * Classification: each feature is turned into groups — its categories (dictionary columns), or
 * for numeric/datetime columns about 20 equal-frequency bins (256 equal-width fine bins merged by
 * cumulative count, so a bin holding many equal values stays whole) — with missing values as one
 * more group. The single-feature rule predicts each row's class as the majority class of its
 * group, computed leave-one-out (the row itself is not counted, ties count as wrong, a row alone
 * in its group gets the overall majority class), so a column with one value per row (an id, free
 * text) does not look predictive by memorising rows. The feature is flagged when this accuracy
 * is at least 0.99 and it removes at least 80% of the errors of always predicting the majority
 * class: accuracy − baseline ≥ 0.8 · (1 − baseline).
 *
 * Regression: numeric features are flagged when |Pearson r| ≥ 0.99 (rows where both are
 * present); categorical features when the leave-one-out R² of per-category means is at least
 * 0.98 (= 0.99²).
 *
 * `id` columns are skipped (the `id-like-columns` check reports them). Equal-width fine bins can
 * blur a heavily skewed feature, which may hide a leak but never invents one. Severity: `error`.
 */
import type { Finding } from '../contracts/entities';
import type { Column } from '../data/columns';
import { isMissingAt, matchingRows, type CheckContext, type TableCheckDescriptor } from './check';
import { targetClasses } from './target-classes';

/** Accuracy of the single-feature rule from which a classification feature is flagged. */
export const LEAKAGE_MIN_ACCURACY = 0.99;
/** Share of the baseline's errors the feature must remove to be flagged. */
export const LEAKAGE_MIN_ERROR_REDUCTION = 0.8;
/** |Pearson r| from which a numeric feature of a regression target is flagged. */
export const LEAKAGE_MIN_ABS_R = 0.99;
/** Equal-frequency bins of a numeric feature. */
export const LEAKAGE_BINS = 20;
const FINE_BINS = 256;

/** Group per row of a dictionary column: its code, with missing values as group `size`. */
function codeGroups(col: Int32Array, size: number): { g: Int32Array; groups: number } {
  const g = new Int32Array(col.length);
  for (let i = 0; i < col.length; i++) g[i] = col[i]! < 0 ? size : col[i]!;
  return { g, groups: size + 1 };
}

/**
 * Group × class counts of a feature against class labels, in one pass over the rows. Numeric
 * features: 256 equal-width fine bins over [min, max] (plus one for missing) merged into
 * {@link LEAKAGE_BINS} equal-frequency groups by cumulative count.
 */
function contingency(
  col: Column,
  size: number,
  min: number,
  max: number,
  y: Int32Array,
  classes: number,
): { table: Int32Array; groups: number } {
  const n = col.length;
  if (col instanceof Int32Array) {
    const table = new Int32Array((size + 1) * classes);
    for (let i = 0; i < n; i++) {
      const c = y[i]!;
      if (c < 0) continue;
      const k = col[i]!;
      table[(k < 0 ? size : k) * classes + c]!++;
    }
    return { table, groups: size + 1 };
  }
  const scale = max > min ? FINE_BINS / (max - min) : 0;
  const last = FINE_BINS - 1;
  const fine = new Int32Array((FINE_BINS + 1) * classes);
  for (let i = 0; i < n; i++) {
    const c = y[i]!;
    if (c < 0) continue;
    const v = col[i]!;
    let b = FINE_BINS; // missing
    if (v === v) {
      b = Math.floor((v - min) * scale);
      if (b > last) b = last;
    }
    fine[b * classes + c]!++;
  }
  let present = 0;
  for (let k = 0; k < FINE_BINS * classes; k++) present += fine[k]!;
  const table = new Int32Array((LEAKAGE_BINS + 1) * classes);
  let before = 0;
  for (let b = 0; b <= FINE_BINS; b++) {
    const group =
      b === FINE_BINS
        ? LEAKAGE_BINS
        : Math.min(LEAKAGE_BINS - 1, Math.floor((before * LEAKAGE_BINS) / Math.max(1, present)));
    for (let c = 0; c < classes; c++) {
      const m = fine[b * classes + c]!;
      table[group * classes + c]! += m;
      if (b < FINE_BINS) before += m;
    }
  }
  return { table, groups: LEAKAGE_BINS + 1 };
}

/**
 * Leave-one-out accuracy of predicting the class by the majority class of the row's group.
 * @param g group per row
 * @param groups number of groups
 * @param y class per row (−1 = no target: row ignored)
 * @param classes number of classes
 * @param overall the overall majority class (for rows alone in their group)
 * @returns the accuracy over rows with a target
 * @throws never
 * @example
 * groupMajorityAccuracy(Int32Array.of(0, 0, 1, 1), 2, Int32Array.of(0, 0, 1, 1), 2, 0) // 1
 */
export function groupMajorityAccuracy(
  g: Int32Array,
  groups: number,
  y: Int32Array,
  classes: number,
  overall: number,
): number {
  const table = new Int32Array(groups * classes);
  for (let i = 0; i < y.length; i++) {
    const c = y[i]!;
    if (c >= 0) table[g[i]! * classes + c]!++;
  }
  return tableMajorityAccuracy(table, groups, classes, overall);
}

/** {@link groupMajorityAccuracy} from a group × class count table. */
function tableMajorityAccuracy(
  table: Int32Array,
  groups: number,
  classes: number,
  overall: number,
): number {
  let present = 0;
  let correct = 0;
  for (let k = 0; k < groups; k++) {
    const base = k * classes;
    let total = 0;
    let best = -1;
    let second = -1;
    let bestClass = -1;
    for (let c = 0; c < classes; c++) {
      const n = table[base + c]!;
      total += n;
      if (n > best) {
        second = best;
        best = n;
        bestClass = c;
      } else if (n > second) second = n;
    }
    present += total;
    if (total === 0) continue;
    if (total === 1) {
      correct += bestClass === overall ? 1 : 0;
      continue;
    }
    // Leaving out a row of the top class leaves best − 1 votes against second; a row of any
    // other class leaves the top class at least as strong as its own, so it is always wrong.
    if (best - 1 > second) correct += best;
  }
  return present === 0 ? 0 : correct / present;
}

function pearson(x: Float64Array, y: Float64Array): number {
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i]!;
    const b = y[i]!;
    if (a !== a || b !== b) continue;
    n++;
    sx += a;
    sy += b;
  }
  if (n < 3) return 0;
  const mx = sx / n;
  const my = sy / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i]!;
    const b = y[i]!;
    if (a !== a || b !== b) continue;
    sxy += (a - mx) * (b - my);
    sxx += (a - mx) * (a - mx);
    syy += (b - my) * (b - my);
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
}

/** Leave-one-out R² of predicting y by its group mean (rows alone in a group get the mean). */
function groupMeanR2(g: Int32Array, groups: number, y: Float64Array): number {
  const sum = new Float64Array(groups);
  const cnt = new Int32Array(groups);
  let total = 0;
  let n = 0;
  for (let i = 0; i < y.length; i++) {
    const v = y[i]!;
    if (v !== v) continue;
    sum[g[i]!]! += v;
    cnt[g[i]!]!++;
    total += v;
    n++;
  }
  if (n < 3) return 0;
  const mean = total / n;
  let sse = 0;
  let sst = 0;
  for (let i = 0; i < y.length; i++) {
    const v = y[i]!;
    if (v !== v) continue;
    const k = g[i]!;
    const pred = cnt[k]! > 1 ? (sum[k]! - v) / (cnt[k]! - 1) : mean;
    sse += (v - pred) * (v - pred);
    sst += (v - mean) * (v - mean);
  }
  return sst > 0 ? 1 - sse / sst : 0;
}

function leakFinding(
  ctx: CheckContext,
  j: number,
  title: string,
  details: Record<string, number | string>,
): Finding {
  const feature = ctx.columns[j]!;
  const target = ctx.columns[ctx.target!]!;
  const { count, sampleRows } = matchingRows(
    ctx.rowCount,
    (i) => !isMissingAt(feature, i) && !isMissingAt(target, i),
  );
  return {
    check: 'target-leakage',
    severity: 'error',
    column: ctx.schema[j]!.name,
    title,
    explanation:
      'A single column that predicts the target this well is usually computed from the target or recorded after the outcome (a "refund issued" column when predicting fraud). ' +
      'A model trained with it looks excellent in testing and fails in use, where the column is not known yet. Check how the column is produced and leave it out of the features unless it is truly available at prediction time. ' +
      'The sample rows let you compare the two columns.',
    count,
    sampleRows,
    details,
  };
}

/** The `target-leakage` check. */
export const targetLeakageCheck: TableCheckDescriptor = {
  id: 'target-leakage',
  title: 'Likely target leakage',
  appliesTo: 'target',
  run(ctx): Finding[] {
    const t = ctx.target;
    if (t === undefined || ctx.task === undefined) return [];
    const targetName = ctx.schema[t]!.name;
    const findings: Finding[] = [];
    if (ctx.task === 'regression') {
      const y = ctx.columns[t]!;
      if (!(y instanceof Float64Array)) return [];
      ctx.schema.forEach((s, j) => {
        if (j === t || s.type === 'id') return;
        const x = ctx.columns[j]!;
        if (x instanceof Float64Array) {
          const r = pearson(x, y);
          if (Math.abs(r) >= LEAKAGE_MIN_ABS_R) {
            findings.push(
              leakFinding(
                ctx,
                j,
                `\`${s.name}\` predicts the target \`${targetName}\` almost perfectly (Pearson r = ${r.toFixed(4)})`,
                { pearsonR: r, threshold: LEAKAGE_MIN_ABS_R },
              ),
            );
          }
        } else {
          const { g, groups } = codeGroups(x, s.dictionary?.length ?? 0);
          const r2 = groupMeanR2(g, groups, y);
          if (r2 >= LEAKAGE_MIN_ABS_R * LEAKAGE_MIN_ABS_R) {
            findings.push(
              leakFinding(
                ctx,
                j,
                `\`${s.name}\` predicts the target \`${targetName}\` almost perfectly (R² = ${r2.toFixed(4)} from its categories)`,
                { r2, threshold: LEAKAGE_MIN_ABS_R ** 2 },
              ),
            );
          }
        }
      });
      return findings;
    }
    const { y, labels, counts, present } = targetClasses(ctx.schema[t]!, ctx.columns[t]!);
    if (present === 0) return [];
    let overall = 0;
    counts.forEach((n, c) => {
      if (n > counts[overall]!) overall = c;
    });
    const baseline = counts[overall]! / present;
    // With a single class there is nothing to leak (class-imbalance reports it).
    if (baseline === 1) return [];
    ctx.schema.forEach((s, j) => {
      if (j === t || s.type === 'id') return;
      const p = ctx.profiles[j]!;
      const { table, groups } = contingency(
        ctx.columns[j]!,
        s.dictionary?.length ?? 0,
        p.min ?? 0,
        p.max ?? 0,
        y,
        labels.length,
      );
      const accuracy = tableMajorityAccuracy(table, groups, labels.length, overall);
      if (
        accuracy >= LEAKAGE_MIN_ACCURACY &&
        accuracy - baseline >= LEAKAGE_MIN_ERROR_REDUCTION * (1 - baseline)
      ) {
        findings.push(
          leakFinding(
            ctx,
            j,
            `\`${s.name}\` predicts the target \`${targetName}\` almost perfectly (${(accuracy * 100).toFixed(1)}% accuracy alone vs ${(baseline * 100).toFixed(1)}% for the majority class)`,
            {
              accuracy,
              baseline,
              threshold: LEAKAGE_MIN_ACCURACY,
            },
          ),
        );
      }
    });
    return findings;
  },
};
