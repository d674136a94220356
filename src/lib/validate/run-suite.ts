/**
 * Runs an expectation suite against a dataset version or a new batch: pass/fail per
 * expectation, what was observed, how many values broke it and up to 20 of them with their rows.
 *
 * Each expectation kind has one evaluator in {@link EXPECTATION_EVALUATORS} (a lookup table
 * rather than a switch). An expectation on a column the version does not have fails with the
 * observed text "column `x` is not in this version" instead of throwing, so a run always
 * reports on every expectation. Missing values never break `values-between`, `values-in-set` or
 * `values-unique` (they are `missing-share-at-most`'s concern). On a dictionary column,
 * `values-between` reads each value as a number (or an ISO date) and reports values that are
 * neither as unexpected.
 */
import type {
  ColumnSchema,
  Expectation,
  ExpectationResult,
  ExpectationSuite,
  SuiteRun,
} from '../contracts/entities';
import type { Column } from '../data/columns';
import { parseDatetime, parseNumber } from '../data/parse-value';
import { checkColumns } from '../data/profile';
import { MAX_SAMPLE_ROWS, percent } from './check';
import { displayValue, formatNumber } from './display-value';

/** The version a suite runs against. */
interface Table {
  schema: readonly ColumnSchema[];
  columns: readonly Column[];
  rows: number;
  index: Map<string, number>;
}

type Outcome = Omit<ExpectationResult, 'expectation'>;
type Evaluator<K extends Expectation['kind']> = (
  expectation: Extract<Expectation, { kind: K }>,
  table: Table,
) => Outcome;

/** Rows where `bad` holds: count and the first 20 with display values. */
function offending(
  table: Table,
  j: number,
  bad: (row: number) => boolean,
): { unexpectedCount: number; unexpected: { row: number; value: string }[] } {
  const schema = table.schema[j]!;
  const col = table.columns[j]!;
  const unexpected: { row: number; value: string }[] = [];
  let unexpectedCount = 0;
  for (let i = 0; i < table.rows; i++) {
    if (!bad(i)) continue;
    if (unexpectedCount < MAX_SAMPLE_ROWS)
      unexpected.push({ row: i, value: displayValue(schema, col, i) });
    unexpectedCount++;
  }
  return { unexpectedCount, unexpected };
}

function examples(unexpected: { value: string }[]): string {
  const distinct = [...new Set(unexpected.map((u) => u.value))].slice(0, 3);
  return distinct.map((v) => JSON.stringify(v)).join(', ');
}

/** Wraps a column evaluator: a missing column fails with a clear observed text. */
function onColumn<K extends Exclude<Expectation['kind'], 'row-count-between'>>(
  evaluate: (e: Extract<Expectation, { kind: K }>, table: Table, j: number) => Outcome,
): Evaluator<K> {
  return (e, table) => {
    const { column } = e as Extract<Expectation, { column: string }>;
    const j = table.index.get(column);
    if (j === undefined) {
      return {
        passed: false,
        observed: `column \`${column}\` is not in this version`,
        unexpectedCount: 0,
        unexpected: [],
      };
    }
    return evaluate(e, table, j);
  };
}

/** One evaluator per expectation kind. */
export const EXPECTATION_EVALUATORS: { [K in Expectation['kind']]: Evaluator<K> } = {
  'row-count-between': (e, table) => ({
    passed: table.rows >= e.min && table.rows <= e.max,
    observed: `${table.rows} rows (expected ${e.min} to ${e.max})`,
    unexpectedCount: 0,
    unexpected: [],
  }),
  'column-exists': onColumn(() => ({
    passed: true,
    observed: 'column present',
    unexpectedCount: 0,
    unexpected: [],
  })),
  'column-type': onColumn((e, table, j) => {
    const type = table.schema[j]!.type;
    return {
      passed: type === e.type,
      observed: type === e.type ? `type is ${type}` : `type is ${type}, expected ${e.type}`,
      unexpectedCount: 0,
      unexpected: [],
    };
  }),
  'values-between': onColumn((e, table, j) => {
    const schema = table.schema[j]!;
    const col = table.columns[j]!;
    const datetime = schema.type === 'datetime';
    const range = `[${formatNumber(datetime, e.min)}, ${formatNumber(datetime, e.max)}]`;
    let bad: (i: number) => boolean;
    if (col instanceof Float64Array) {
      bad = (i) => col[i]! < e.min || col[i]! > e.max;
    } else {
      const outside = (schema.dictionary ?? []).map((text) => {
        const n = parseNumber(text);
        const v = typeof n === 'number' ? n : parseDatetime(text);
        return typeof v !== 'number' || v < e.min || v > e.max;
      });
      bad = (i) => col[i]! >= 0 && outside[col[i]!] === true;
    }
    const o = offending(table, j, bad);
    return {
      passed: o.unexpectedCount === 0,
      observed:
        o.unexpectedCount === 0
          ? `all values in ${range}`
          : `${o.unexpectedCount} value${o.unexpectedCount === 1 ? '' : 's'} outside ${range} or not numeric (e.g. ${examples(o.unexpected)})`,
      ...o,
    };
  }),
  'values-in-set': onColumn((e, table, j) => {
    const schema = table.schema[j]!;
    const col = table.columns[j]!;
    const allowed = new Set(e.values);
    let bad: (i: number) => boolean;
    if (col instanceof Int32Array) {
      const outside = (schema.dictionary ?? []).map((v) => !allowed.has(v));
      bad = (i) => col[i]! >= 0 && outside[col[i]!] === true;
    } else {
      const datetime = schema.type === 'datetime';
      bad = (i) => col[i] === col[i] && !allowed.has(formatNumber(datetime, col[i]!));
    }
    const o = offending(table, j, bad);
    return {
      passed: o.unexpectedCount === 0,
      observed:
        o.unexpectedCount === 0
          ? `all values in the set of ${e.values.length}`
          : `${o.unexpectedCount} value${o.unexpectedCount === 1 ? '' : 's'} not in the set (e.g. ${examples(o.unexpected)})`,
      ...o,
    };
  }),
  'missing-share-at-most': onColumn((e, table, j) => {
    const col = table.columns[j]!;
    const bad =
      col instanceof Int32Array ? (i: number) => col[i]! < 0 : (i: number) => col[i] !== col[i];
    const o = offending(table, j, bad);
    const share = table.rows > 0 ? o.unexpectedCount / table.rows : 0;
    return {
      passed: share <= e.max,
      observed: `${percent(share)} missing (${o.unexpectedCount} of ${table.rows}; limit ${percent(e.max)})`,
      ...o,
    };
  }),
  'values-unique': onColumn((e, table, j) => {
    const col = table.columns[j]!;
    let bad: (i: number) => boolean;
    if (col instanceof Int32Array) {
      const seen = new Uint8Array(table.schema[j]!.dictionary?.length ?? 0);
      bad = (i) => {
        const c = col[i]!;
        if (c < 0) return false;
        if (seen[c]) return true;
        seen[c] = 1;
        return false;
      };
    } else {
      const seen = new Set<number>();
      bad = (i) => {
        const v = col[i]! + 0;
        if (v !== v) return false;
        if (seen.has(v)) return true;
        seen.add(v);
        return false;
      };
    }
    const o = offending(table, j, bad);
    return {
      passed: o.unexpectedCount === 0,
      observed:
        o.unexpectedCount === 0
          ? 'all values distinct'
          : `${o.unexpectedCount} value${o.unexpectedCount === 1 ? ' repeats' : 's repeat'} an earlier row (e.g. ${examples(o.unexpected)})`,
      ...o,
    };
  }),
};

/**
 * Evaluates one expectation against a version.
 * @param expectation the expectation
 * @param table schema, columns, row count and a name → index map
 * @returns its result
 */
function evaluate(expectation: Expectation, table: Table): ExpectationResult {
  const evaluator = EXPECTATION_EVALUATORS[expectation.kind] as Evaluator<Expectation['kind']>;
  return { expectation, ...evaluator(expectation as never, table) };
}

/**
 * Runs a suite against a dataset version (or a new batch, typed with the same rules).
 * @param suite the expectation suite
 * @param versionId the version (or batch) id the run is recorded against
 * @param schema its column schemas
 * @param columns its encoded columns, in schema order
 * @returns the {@link SuiteRun}: `passed` only when every expectation passed
 * @throws {InvalidArgumentError} when columns and schema disagree
 * @example
 * const run = runSuite(suite, 'v2', schema, columns);
 * run.results.filter((r) => !r.passed).map((r) => r.observed)
 * // ['2 values outside [0, 120] or not numeric (e.g. "130", "-4")']
 */
export function runSuite(
  suite: ExpectationSuite,
  versionId: string,
  schema: readonly ColumnSchema[],
  columns: readonly Column[],
): SuiteRun {
  const rows = checkColumns(schema, columns);
  const index = new Map<string, number>();
  schema.forEach((s, j) => {
    if (!index.has(s.name)) index.set(s.name, j);
  });
  const table: Table = { schema, columns, rows, index };
  const results = suite.expectations.map((e) => evaluate(e, table));
  return {
    id: crypto.randomUUID(),
    suiteId: suite.id,
    versionId,
    createdAt: Date.now(),
    passed: results.every((r) => r.passed),
    results,
  };
}
