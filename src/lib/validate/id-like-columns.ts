/**
 * Check `id-like-columns`: identifiers, which a model can only memorise.
 *
 * A column of type `id` gets an `info` finding (it is already left out of features). An
 * integer, category or text column gets a `warning` when at least 20 values are present and at
 * least 95% of them are distinct (the typing rule of src/lib/data/TYPING.md rule 6, without its
 * "nothing missing" condition); a text column only when no value contains whitespace, since
 * free text (comments, names) is naturally unique without being an identifier. Floating-point
 * number and datetime columns are naturally unique and are not checked.
 */
import type { Finding } from '../contracts/entities';
import { ID_MIN_ROWS, ID_MIN_UNIQUE_SHARE } from '../data/infer-type';
import { firstRows, isMissingAt, percent, type ColumnCheckDescriptor } from './check';

/** The `id-like-columns` check. */
export const idLikeColumnsCheck: ColumnCheckDescriptor = {
  id: 'id-like-columns',
  title: 'Identifier-like columns',
  appliesTo: { columnTypes: ['integer', 'category', 'text', 'id'] },
  run(ctx): Finding[] {
    const schema = ctx.schema[ctx.column]!;
    const profile = ctx.profiles[ctx.column]!;
    const col = ctx.columns[ctx.column]!;
    const present = profile.count - profile.missing;
    if (present === 0) return [];
    const share = profile.unique / present;
    const sampleRows = firstRows(profile.count, (i) => !isMissingAt(col, i));
    if (schema.type === 'id') {
      return [
        {
          check: 'id-like-columns',
          severity: 'info',
          column: schema.name,
          title: `\`${schema.name}\` is an identifier (${percent(share)} distinct values)`,
          explanation:
            'Identifiers name rows rather than describe them, so they are left out of the features automatically. Keep the column for joining and looking rows up.',
          count: present,
          sampleRows,
          details: { uniqueShare: share },
        },
      ];
    }
    if (present < ID_MIN_ROWS || share < ID_MIN_UNIQUE_SHARE) return [];
    if (schema.type === 'text' && (schema.dictionary ?? []).some((v) => /\s/.test(v))) return [];
    return [
      {
        check: 'id-like-columns',
        severity: 'warning',
        column: schema.name,
        title: `\`${schema.name}\` looks like an identifier: ${percent(share)} of its values are distinct`,
        explanation:
          'A column with a different value in almost every row lets a model memorise rows instead of learning patterns, and new rows will bring values it has never seen. ' +
          'If it is an identifier (order number, customer code), set its type to id or leave it out of the features.',
        count: present,
        sampleRows,
        details: { uniqueShare: share, threshold: ID_MIN_UNIQUE_SHARE, minRows: ID_MIN_ROWS },
      },
    ];
  },
};
