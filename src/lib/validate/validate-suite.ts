/**
 * Checks that an edited expectation suite is well formed, and saves an edit as a new version.
 */
import type { Expectation, ExpectationSuite } from '../contracts/entities';
import { InvalidArgumentError } from '../contracts/errors';
import { ALL_COLUMN_TYPES } from './check';

type Field = (name: string) => string;

function checkBounds(field: Field, min: number, max: number, rowCount: boolean): void {
  for (const [name, v] of [
    ['min', min],
    ['max', max],
  ] as const) {
    if (
      typeof v !== 'number' ||
      Number.isNaN(v) ||
      (rowCount && !(Number.isInteger(v) && v >= 0))
    ) {
      throw new InvalidArgumentError(
        field(name),
        v,
        rowCount ? 'must be a whole number ≥ 0' : 'must be a number',
      );
    }
  }
  if (min > max) throw new InvalidArgumentError(field('min'), min, `must be ≤ max (${max})`);
}

/** Field checks per expectation kind (beyond the column name, checked for all but row counts). */
const FIELD_CHECKS: {
  [K in Expectation['kind']]: (e: Extract<Expectation, { kind: K }>, field: Field) => void;
} = {
  'column-exists': () => undefined,
  'values-unique': () => undefined,
  'column-type': (e, field) => {
    if (!ALL_COLUMN_TYPES.includes(e.type)) {
      throw new InvalidArgumentError(
        field('type'),
        e.type,
        `must be one of ${ALL_COLUMN_TYPES.join(', ')}`,
      );
    }
  },
  'values-between': (e, field) => checkBounds(field, e.min, e.max, false),
  'row-count-between': (e, field) => checkBounds(field, e.min, e.max, true),
  'values-in-set': (e, field) => {
    if (
      !Array.isArray(e.values) ||
      e.values.length === 0 ||
      e.values.some((v) => typeof v !== 'string')
    ) {
      throw new InvalidArgumentError(
        field('values'),
        e.values,
        'must be a non-empty list of texts',
      );
    }
  },
  'missing-share-at-most': (e, field) => {
    if (typeof e.max !== 'number' || !(e.max >= 0 && e.max <= 1)) {
      throw new InvalidArgumentError(field('max'), e.max, 'must be a share in [0, 1]');
    }
  },
};

function checkExpectation(e: Expectation, at: string): void {
  const field: Field = (name) => `${at}.${name}`;
  const kind = (e as { kind: unknown }).kind;
  if (typeof kind !== 'string' || !Object.hasOwn(FIELD_CHECKS, kind)) {
    throw new InvalidArgumentError(
      field('kind'),
      kind,
      `must be one of ${Object.keys(FIELD_CHECKS).join(', ')}`,
    );
  }
  if (e.kind !== 'row-count-between' && (typeof e.column !== 'string' || e.column.trim() === '')) {
    throw new InvalidArgumentError(field('column'), e.column, 'must be a non-empty column name');
  }
  (FIELD_CHECKS[e.kind] as (e: Expectation, field: Field) => void)(e, field);
}

/**
 * Checks that a suite (typically after editing) is well formed: a non-empty name, a positive
 * whole version, and for each expectation a known kind, a non-empty column name, min ≤ max,
 * whole non-negative row counts, shares in [0, 1], a non-empty set of texts, a known type.
 * @param suite the suite to check
 * @returns nothing
 * @throws {InvalidArgumentError} naming the first bad field, e.g.
 *   `expectations[3].max = 1.5: must be a share in [0, 1]`
 * @example
 * validateSuite({ ...suite, expectations: [{ kind: 'values-between', column: 'x', min: 5, max: 1 }] })
 * // throws InvalidArgumentError: expectations[0].min = 5: must be ≤ max (1)
 */
export function validateSuite(suite: ExpectationSuite): void {
  if (typeof suite.name !== 'string' || suite.name.trim() === '') {
    throw new InvalidArgumentError('name', suite.name, 'must not be empty');
  }
  if (!Number.isInteger(suite.version) || suite.version < 1) {
    throw new InvalidArgumentError('version', suite.version, 'must be a whole number ≥ 1');
  }
  if (!Array.isArray(suite.expectations)) {
    throw new InvalidArgumentError('expectations', suite.expectations, 'must be a list');
  }
  suite.expectations.forEach((e, i) => checkExpectation(e, `expectations[${i}]`));
}

/**
 * Saves an edit of a suite as its next version (suites are never changed in place).
 * @param suite the current version
 * @param expectations the edited expectations
 * @returns a new suite, version + 1, id `${name}@${version + 1}`
 * @throws {InvalidArgumentError} when the edited suite is not well formed ({@link validateSuite})
 * @example
 * reviseSuite(suite, suite.expectations.slice(1)).id // 'orders@2'
 */
export function reviseSuite(
  suite: ExpectationSuite,
  expectations: Expectation[],
): ExpectationSuite {
  const next: ExpectationSuite = {
    id: `${suite.name}@${suite.version + 1}`,
    name: suite.name,
    version: suite.version + 1,
    createdAt: Date.now(),
    sourceVersionId: suite.sourceVersionId,
    expectations,
  };
  validateSuite(next);
  return next;
}
