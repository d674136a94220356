/**
 * Check `class-imbalance`: the share of the rarest class of a classification target.
 *
 * `error` below 1% (or when only one class occurs: nothing to learn), `warning` below 10%, no
 * finding otherwise. Shares are over rows where the target is present. Runs only when a target is
 * given and its task is binary or multiclass (src/lib/data/task.ts `inferTask`).
 */
import type { Finding } from '../contracts/entities';
import { matchingRows, percent, type TableCheckDescriptor } from './check';
import { targetClasses } from './target-classes';

/** Minority share below which the finding is a warning. */
export const IMBALANCE_WARNING_SHARE = 0.1;
/** Minority share below which the finding is an error. */
export const IMBALANCE_ERROR_SHARE = 0.01;

/** The `class-imbalance` check. */
export const classImbalanceCheck: TableCheckDescriptor = {
  id: 'class-imbalance',
  title: 'Class imbalance of the target',
  appliesTo: 'target',
  run(ctx): Finding[] {
    if (ctx.target === undefined || (ctx.task !== 'binary' && ctx.task !== 'multiclass')) return [];
    const schema = ctx.schema[ctx.target]!;
    const { y, labels, counts, present } = targetClasses(schema, ctx.columns[ctx.target]!);
    if (present === 0) return [];
    const occurring = counts.map((n, c) => ({ n, c })).filter((e) => e.n > 0);
    if (occurring.length === 1) {
      return [
        {
          check: 'class-imbalance',
          severity: 'error',
          column: schema.name,
          title: `Target \`${schema.name}\` has a single class (${JSON.stringify(labels[occurring[0]!.c])})`,
          explanation:
            'A classifier needs examples of at least two classes; with one there is nothing to learn. Check the target column or add data with the other classes.',
          count: present,
          sampleRows: [],
          details: { classes: 1 },
        },
      ];
    }
    const minority = occurring.reduce((a, b) => (b.n < a.n ? b : a));
    const majority = occurring.reduce((a, b) => (b.n > a.n ? b : a));
    const share = minority.n / present;
    if (share >= IMBALANCE_WARNING_SHARE) return [];
    const label = labels[minority.c]!;
    return [
      {
        check: 'class-imbalance',
        severity: share < IMBALANCE_ERROR_SHARE ? 'error' : 'warning',
        column: schema.name,
        title: `Target \`${schema.name}\`: class ${JSON.stringify(label)} is only ${percent(share)} of rows (${minority.n} of ${present})`,
        explanation:
          `A model can score ${percent(majority.n / present)} accuracy by always predicting ${JSON.stringify(labels[majority.c])}, and will rarely predict the small class. ` +
          'Judge models by macro F1 or per-class recall rather than accuracy, use a stratified split, and consider collecting more examples of the rare class or weighting it. The sample rows are the rare class.',
        count: minority.n,
        sampleRows: matchingRows(y.length, (i) => y[i] === minority.c).sampleRows,
        details: {
          share,
          minorityClass: label,
          threshold:
            share < IMBALANCE_ERROR_SHARE ? IMBALANCE_ERROR_SHARE : IMBALANCE_WARNING_SHARE,
        },
      },
    ];
  },
};
