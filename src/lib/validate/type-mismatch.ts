/**
 * Check `type-mismatch`: text-like columns (category, text, id) whose values are nearly all
 * numbers, or nearly all ISO dates, but not quite.
 *
 * After typing (src/lib/data/TYPING.md) a numeric or datetime column holds only numbers, so a
 * mismatch shows up the other way round: one stray token (`Infinity`, `1,5`, `?`, `n/a-x`) turns
 * a numeric column into a category or text column. The check flags a column when at least 90% of
 * its non-missing values parse as numbers (or as dates) and the rest do not; the sample rows are
 * the ones that do not. Columns where every value is a number were typed as text on purpose
 * (zero-padded codes such as zip codes, or a user's choice) and are not flagged. Severity:
 * `warning`.
 */
import type { Finding } from '../contracts/entities';
import { codeCounts } from '../data/profile';
import { parseDatetime, parseNumber } from '../data/parse-value';
import { matchingRows, percent, type ColumnCheckDescriptor } from './check';

/** Share of values that must parse for the column to count as "nearly" numeric or dates. */
export const TYPE_MISMATCH_SHARE = 0.9;

const KINDS = [
  { what: 'numbers', type: 'number', parses: (t: string) => typeof parseNumber(t) === 'number' },
  { what: 'dates', type: 'datetime', parses: (t: string) => typeof parseDatetime(t) === 'number' },
] as const;

/** The `type-mismatch` check. */
export const typeMismatchCheck: ColumnCheckDescriptor = {
  id: 'type-mismatch',
  title: 'Values that do not fit the column type',
  appliesTo: { columnTypes: ['category', 'text', 'id'] },
  run(ctx): Finding[] {
    const schema = ctx.schema[ctx.column]!;
    const col = ctx.columns[ctx.column]!;
    const dictionary = schema.dictionary ?? [];
    if (!(col instanceof Int32Array) || dictionary.length === 0) return [];
    const { counts, missing } = codeCounts(schema.name, col, dictionary.length);
    const present = col.length - missing;
    for (const kind of KINDS) {
      const fits = dictionary.map(kind.parses);
      let fitting = 0;
      fits.forEach((ok, c) => {
        if (ok) fitting += counts[c]!;
      });
      const share = fitting / present;
      if (fitting === present || share < TYPE_MISMATCH_SHARE) continue;
      const { count, sampleRows } = matchingRows(col.length, (i) => col[i]! >= 0 && !fits[col[i]!]);
      const examples = dictionary.filter((_, c) => !fits[c] && counts[c]! > 0).slice(0, 3);
      return [
        {
          check: 'type-mismatch',
          severity: 'warning',
          column: schema.name,
          title: `\`${schema.name}\` is ${percent(share)} ${kind.what}, but ${count} value${count === 1 ? ' is' : 's are'} not (e.g. ${examples.map((e) => JSON.stringify(e)).join(', ')})`,
          explanation:
            `Because of these values the column is typed as ${schema.type}, not ${kind.type}, so a model treats every distinct value as an unrelated label and cannot use its order or size. ` +
            'Fix or blank the offending values (the sample rows) and re-import, or change the column type on import.',
          count,
          sampleRows,
          details: { share, expectedType: kind.type, examples: examples.join(' | ') },
        },
      ];
    }
    return [];
  },
};
