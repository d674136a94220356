import { describe, expect, it } from 'vitest';
import type { ExpectationSuite } from '../../../src/lib/contracts/entities';
import { InvalidArgumentError } from '../../../src/lib/contracts/errors';
import {
  inferSuite,
  missingShareLimit,
  reviseSuite,
  runSuite,
  validateSuite,
} from '../../../src/lib/validate';
import { createRng } from '../../../src/lib/stats/rng';
import { cat, gen, num, table } from './helpers';

const rng = createRng(9);
const n = 200;
const A = table(
  num(
    'age',
    gen(n, (i) => (i === 5 ? null : 18 + rng.int(60))),
    'integer',
  ),
  cat(
    'plan',
    gen(n, (i) => ['basic', 'pro', 'team'][i % 3]!),
  ),
  cat(
    'active',
    gen(n, (i) => (i % 4 === 0 ? 'false' : 'true')),
    'boolean',
  ),
  cat(
    'uid',
    gen(n, (i) => `u${i}`),
    'id',
  ),
  num(
    'signup',
    gen(n, (i) => Date.UTC(2024, 0, 1 + (i % 300))),
    'datetime',
  ),
);

describe('inferSuite', () => {
  const suite = inferSuite('customers', 'vA', A.schema, A.columns);

  it('infers types, ranges, sets, missing limits, uniqueness and a row-count range', () => {
    expect(suite).toMatchObject({
      id: 'customers@1',
      name: 'customers',
      version: 1,
      sourceVersionId: 'vA',
    });
    const e = suite.expectations;
    expect(e[0]).toEqual({ kind: 'row-count-between', min: 20, max: 2000 });
    const ages = A.columns[0]!.filter((v) => !Number.isNaN(v)) as Float64Array;
    expect(e).toContainEqual({
      kind: 'values-between',
      column: 'age',
      min: Math.min(...ages),
      max: Math.max(...ages),
    });
    expect(e).toContainEqual({ kind: 'column-type', column: 'age', type: 'integer' });
    expect(e).toContainEqual({
      kind: 'values-in-set',
      column: 'plan',
      values: ['basic', 'pro', 'team'],
    });
    expect(e).toContainEqual({
      kind: 'values-in-set',
      column: 'active',
      values: ['false', 'true'],
    });
    expect(e).toContainEqual({ kind: 'missing-share-at-most', column: 'age', max: 0.015 });
    expect(e).toContainEqual({ kind: 'missing-share-at-most', column: 'plan', max: 0.01 });
    expect(e).toContainEqual({ kind: 'values-unique', column: 'uid' });
    expect(
      e.filter((x) => x.kind === 'values-in-set').map((x) => 'column' in x && x.column),
    ).toEqual(['plan', 'active']);
    expect(e).toContainEqual({
      kind: 'values-between',
      column: 'signup',
      min: Date.UTC(2024, 0, 1),
      max: Date.UTC(2024, 0, 200),
    });
    expect(() => validateSuite(suite)).not.toThrow();
  });

  it('rounds the missing-share limit up with a margin', () => {
    expect([0, 0.005, 0.1, 0.3333, 0.8, 1].map(missingShareLimit)).toEqual([
      0.01, 0.015, 0.15, 0.5, 1, 1,
    ]);
  });

  it('passes on the data it was inferred from', () => {
    const run = runSuite(suite, 'vA', A.schema, A.columns);
    expect(run).toMatchObject({ suiteId: 'customers@1', versionId: 'vA', passed: true });
    expect(run.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(run.results.filter((r) => !r.passed)).toEqual([]);
    // A passing missing-share expectation still lists the missing rows it counted.
    expect(run.results.filter((r) => r.unexpectedCount > 0).map((r) => r.observed)).toEqual([
      '0.5% missing (1 of 200; limit 1.5%)',
    ]);
    expect(run.results.find((r) => r.expectation.kind === 'values-between')!.observed).toMatch(
      /^all values in \[/,
    );
  });

  it('fails on a drifted batch, listing the offending values and rows', () => {
    const m = 50;
    const B = table(
      // 'age' now has junk, so it is typed category; and out-of-range values.
      cat(
        'age',
        gen(m, (i) => (i === 2 ? 'unknown' : i === 7 ? '130' : i % 10 === 9 ? null : '40')),
      ),
      cat(
        'plan',
        gen(m, (i) => (i === 4 || i === 30 ? 'enterprise' : 'pro')),
      ),
      cat(
        'active',
        gen(m, () => 'true'),
        'boolean',
      ),
      cat(
        'uid',
        gen(m, (i) => (i === 10 ? 'u3' : `u${i}`)),
        'id',
      ),
      // no 'signup' column
    );
    const run = runSuite(suite, 'vB', B.schema, B.columns);
    expect(run.passed).toBe(false);
    const failed = run.results.filter((r) => !r.passed);
    const byKey = new Map(
      failed.map((r) => [
        `${r.expectation.kind}:${'column' in r.expectation ? r.expectation.column : ''}`,
        r,
      ]),
    );
    expect([...byKey.keys()].sort()).toEqual([
      'column-exists:signup',
      'column-type:age',
      'column-type:signup',
      'missing-share-at-most:age',
      'missing-share-at-most:signup',
      'values-between:age',
      'values-between:signup',
      'values-in-set:plan',
      'values-unique:uid',
    ]);
    expect(byKey.get('column-type:age')!.observed).toBe('type is category, expected integer');
    expect(byKey.get('values-between:age')).toMatchObject({
      unexpectedCount: 2,
      unexpected: [
        { row: 2, value: 'unknown' },
        { row: 7, value: '130' },
      ],
    });
    expect(byKey.get('values-in-set:plan')).toMatchObject({
      unexpectedCount: 2,
      unexpected: [
        { row: 4, value: 'enterprise' },
        { row: 30, value: 'enterprise' },
      ],
      observed: '2 values not in the set (e.g. "enterprise")',
    });
    expect(byKey.get('missing-share-at-most:age')).toMatchObject({
      unexpectedCount: 5,
      observed: '10% missing (5 of 50; limit 1.5%)',
    });
    expect(byKey.get('missing-share-at-most:age')!.unexpected[0]).toEqual({ row: 9, value: '' });
    expect(byKey.get('values-unique:uid')).toMatchObject({
      unexpectedCount: 1,
      unexpected: [{ row: 10, value: 'u3' }],
    });
    expect(byKey.get('column-exists:signup')).toMatchObject({
      observed: 'column `signup` is not in this version',
      unexpectedCount: 0,
    });
    // The row count (50) is inside [20, 2000]; 'active' only lost a value: both still pass.
    expect(run.results.find((r) => r.expectation.kind === 'row-count-between')!.passed).toBe(true);
  });

  it('reports out-of-range numbers and datetimes as display text', () => {
    const C = table(
      num('age', [20, 99, 5], 'integer'),
      num('signup', [Date.UTC(2023, 11, 31), Date.UTC(2024, 0, 2), null], 'datetime'),
    );
    const run = runSuite(suite, 'vC', C.schema, C.columns);
    const between = run.results.filter((r) => r.expectation.kind === 'values-between');
    // A's ages span [18, 77] (seeded), so 99 and 5 are out; its signups start 2024-01-01.
    expect(between.map((r) => r.unexpected)).toEqual([
      [
        { row: 1, value: '99' },
        { row: 2, value: '5' },
      ],
      [{ row: 0, value: '2023-12-31T00:00:00.000Z' }],
    ]);
    expect(run.results[0]).toMatchObject({
      passed: false,
      observed: '3 rows (expected 20 to 2000)',
    });
  });

  it('infers from an empty or one-row version', () => {
    const one = table(num('x', [3]), cat('c', [null]));
    const s1 = inferSuite('one', 'v1', one.schema, one.columns);
    expect(s1.expectations[0]).toEqual({ kind: 'row-count-between', min: 0, max: 10 });
    expect(s1.expectations).toContainEqual({ kind: 'missing-share-at-most', column: 'c', max: 1 });
    expect(runSuite(s1, 'v1', one.schema, one.columns).passed).toBe(true);
    const empty = table(num('x', []));
    expect(inferSuite('e', 'v0', empty.schema, empty.columns).expectations).toEqual([
      { kind: 'row-count-between', min: 0, max: 0 },
      { kind: 'column-exists', column: 'x' },
      { kind: 'column-type', column: 'x', type: 'number' },
      { kind: 'missing-share-at-most', column: 'x', max: 0.01 },
    ]);
    expect(() => inferSuite(' ', 'v', empty.schema, empty.columns)).toThrow(InvalidArgumentError);
  });
});

describe('validateSuite / reviseSuite', () => {
  const base: ExpectationSuite = {
    id: 's@1',
    name: 's',
    version: 1,
    createdAt: 0,
    sourceVersionId: null,
    expectations: [{ kind: 'column-exists', column: 'x' }],
  };
  const bad = (expectations: unknown[]) => () =>
    validateSuite({ ...base, expectations: expectations as ExpectationSuite['expectations'] });

  it('names the expectation index and field at fault', () => {
    expect(
      bad([base.expectations[0], { kind: 'values-between', column: 'x', min: 5, max: 1 }]),
    ).toThrow('expectations[1].min = 5: must be ≤ max (1)');
    expect(bad([{ kind: 'missing-share-at-most', column: 'x', max: 1.5 }])).toThrow(
      'expectations[0].max = 1.5: must be a share in [0, 1]',
    );
    expect(bad([{ kind: 'column-type', column: '', type: 'number' }])).toThrow(
      'expectations[0].column',
    );
    expect(bad([{ kind: 'column-type', column: 'x', type: 'float' }])).toThrow(
      'expectations[0].type = "float"',
    );
    expect(bad([{ kind: 'row-count-between', min: 1.5, max: 3 }])).toThrow(
      'expectations[0].min = 1.5',
    );
    expect(bad([{ kind: 'values-in-set', column: 'x', values: [] }])).toThrow(
      'expectations[0].values',
    );
    expect(bad([{ kind: 'values-between', column: 'x', min: NaN, max: 1 }])).toThrow(
      'expectations[0].min = NaN',
    );
    expect(bad([{ kind: 'guess', column: 'x' }])).toThrow('expectations[0].kind = "guess"');
    expect(() => validateSuite({ ...base, name: '' })).toThrow('name = "": must not be empty');
  });

  it('saves an edit as the next version', () => {
    const next = reviseSuite(base, [{ kind: 'values-unique', column: 'x' }]);
    expect(next).toMatchObject({
      id: 's@2',
      version: 2,
      expectations: [{ kind: 'values-unique', column: 'x' }],
    });
    expect(() =>
      reviseSuite(base, [{ kind: 'missing-share-at-most', column: 'x', max: -1 }]),
    ).toThrow(InvalidArgumentError);
  });
});
