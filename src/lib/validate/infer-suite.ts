/**
 * Expectation suites inferred from a dataset version (issue 3).
 *
 * Per column: `column-exists` and `column-type`; `values-between` the observed min and max
 * (number, integer, datetime); `values-in-set` the observed values (category and boolean columns
 * with at most 50 distinct values); `missing-share-at-most` the observed share plus a margin
 * ({@link missingShareLimit}); `values-unique` for id columns. Per version: `row-count-between`
 * [floor(n / 10), n · 10], so a batch of a tenth of the size still passes and an accidental
 * 10x append does not.
 */
import type {
  ColumnSchema,
  DatasetProfile,
  Expectation,
  ExpectationSuite,
} from '../contracts/entities';
import { InvalidArgumentError } from '../contracts/errors';
import type { Column } from '../data/columns';
import { checkColumns, codeCounts, profileColumns } from '../data/profile';

/** Most values a `values-in-set` expectation is inferred with. */
export const SUITE_MAX_SET_VALUES = 50;
/** Row-count range factor: [floor(n / f), n · f]. */
export const SUITE_ROW_COUNT_FACTOR = 10;

/**
 * The inferred missing-share limit: max(1.5 × observed, observed + 0.01), rounded up to 4
 * decimals, capped at 1. A column with no missing values may have up to 1% missing in a batch.
 * @param observed the observed missing share in [0, 1]
 * @returns the limit
 * @throws never
 * @example
 * missingShareLimit(0)    // 0.01
 * missingShareLimit(0.1)  // 0.15
 */
export function missingShareLimit(observed: number): number {
  const raw = Math.max(observed * 1.5, observed + 0.01);
  // The epsilon keeps 0.15000000000000002 from rounding up to 0.1501.
  return Math.min(1, Math.ceil(raw * 1e4 - 1e-9) / 1e4);
}

/**
 * Infers an expectation suite (version 1) from a dataset version.
 * @param name the suite name (non-empty)
 * @param versionId the version it is inferred from
 * @param schema the column schemas
 * @param columns the encoded columns, in schema order
 * @param profile the version's profile, when already computed
 * @returns the suite, id `${name}@1`
 * @throws {InvalidArgumentError} when the name is empty or columns and schema disagree
 * @example
 * inferSuite('orders', 'v1', [{ name: 'x', type: 'number', encoding: 'f64', missing: 0 }],
 *   [new Float64Array([1, 5])]).expectations
 * // [{ kind: 'row-count-between', min: 0, max: 20 }, { kind: 'column-exists', column: 'x' },
 * //  { kind: 'column-type', column: 'x', type: 'number' },
 * //  { kind: 'values-between', column: 'x', min: 1, max: 5 },
 * //  { kind: 'missing-share-at-most', column: 'x', max: 0.01 }]
 */
export function inferSuite(
  name: string,
  versionId: string,
  schema: readonly ColumnSchema[],
  columns: readonly Column[],
  profile?: DatasetProfile,
): ExpectationSuite {
  if (name.trim() === '') throw new InvalidArgumentError('name', name, 'must not be empty');
  const n = checkColumns(schema, columns);
  const profiles = profile?.columns ?? profileColumns(schema, columns);
  const expectations: Expectation[] = [
    {
      kind: 'row-count-between',
      min: Math.floor(n / SUITE_ROW_COUNT_FACTOR),
      max: n * SUITE_ROW_COUNT_FACTOR,
    },
  ];
  schema.forEach((s, j) => {
    const p = profiles[j];
    const column = s.name;
    expectations.push(
      { kind: 'column-exists', column },
      { kind: 'column-type', column, type: s.type },
    );
    if (p?.min !== undefined && p.max !== undefined && s.encoding === 'f64') {
      expectations.push({ kind: 'values-between', column, min: p.min, max: p.max });
    }
    const col = columns[j]!;
    if ((s.type === 'category' || s.type === 'boolean') && col instanceof Int32Array) {
      const dictionary = s.dictionary ?? [];
      const { counts } = codeCounts(s.name, col, dictionary.length);
      const values = dictionary.filter((_, c) => counts[c]! > 0);
      if (values.length > 0 && values.length <= SUITE_MAX_SET_VALUES) {
        expectations.push({ kind: 'values-in-set', column, values });
      }
    }
    const missing = p ? p.missing : s.missing;
    expectations.push({
      kind: 'missing-share-at-most',
      column,
      max: missingShareLimit(n > 0 ? missing / n : 0),
    });
    if (s.type === 'id') expectations.push({ kind: 'values-unique', column });
  });
  return {
    id: `${name}@1`,
    name,
    version: 1,
    createdAt: Date.now(),
    sourceVersionId: versionId,
    expectations,
  };
}
