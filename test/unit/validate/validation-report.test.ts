import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/lib/contracts/errors';
import { profileDataset } from '../../../src/lib/data/profile';
import { getCheck, listChecks, registerCheck, validationReport } from '../../../src/lib/validate';
import { cat, gen, num, table } from './helpers';

describe('check registry', () => {
  it('lists the built-in checks in report order and looks them up by id', () => {
    expect(listChecks().map((c) => c.id)).toEqual([
      'missing-values',
      'constant-columns',
      'duplicate-rows',
      'outliers',
      'type-mismatch',
      'class-imbalance',
      'target-leakage',
      'id-like-columns',
    ]);
    expect(getCheck('outliers').appliesTo).toEqual({ columnTypes: ['number', 'integer'] });
    expect(() => getCheck('nope')).toThrow(InvalidArgumentError);
    expect(() => registerCheck(getCheck('outliers'))).toThrow(/already registered/);
  });
});

describe('validationReport', () => {
  const t = table(num('x', [1, null, 1]), cat('y', ['a', 'b', 'a']));

  it('runs every check, sorts findings by severity and uses the given id', () => {
    const r = validationReport('v1', t.schema, t.columns, { id: 'r-1', target: 'y' });
    expect(r).toMatchObject({ id: 'r-1', versionId: 'v1', target: 'y' });
    // x: 1 of 3 missing (33%: warning) and constant among the rest (warning); y: 'b' is 1 of 3
    // (33%: balanced enough); row 2 repeats row 0 (33% < 50%: warning).
    expect(r.findings.map((f) => [f.check, f.column, f.severity])).toEqual([
      ['missing-values', 'x', 'warning'],
      ['constant-columns', 'x', 'warning'],
      ['duplicate-rows', undefined, 'warning'],
    ]);
    const ranks = r.findings.map((f) => ({ error: 0, warning: 1, info: 2 })[f.severity]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(r.findings.map((f) => f.check)).toEqual(
      expect.arrayContaining(['missing-values', 'constant-columns', 'duplicate-rows']),
    );
  });

  it('generates a UUID id and reuses a given profile', () => {
    const profile = profileDataset('v1', t.schema, t.columns);
    const r = validationReport('v1', t.schema, t.columns, { profile });
    expect(r.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.target).toBeUndefined();
    const other = profileDataset('v2', [num('z', [1, 2, 3]).schema], [Float64Array.of(1, 2, 3)]);
    expect(() => validationReport('v1', t.schema, t.columns, { profile: other })).toThrow(
      /does not describe these columns/,
    );
  });

  it('names an unknown target or check', () => {
    expect(() => validationReport('v', t.schema, t.columns, { target: 'nope' })).toThrow(
      'options.target = "nope": is not a column of this version (columns: x, y)',
    );
    expect(() => validationReport('v', t.schema, t.columns, { checks: ['typo'] })).toThrow(
      InvalidArgumentError,
    );
  });

  it('handles edge cases: no rows, one row, all missing, a text target', () => {
    const empty = table(num('x', []), cat('c', []));
    expect(validationReport('v', empty.schema, empty.columns, { target: 'c' }).findings).toEqual(
      [],
    );
    const one = table(num('x', [4]), cat('c', ['a']));
    const r1 = validationReport('v', one.schema, one.columns, { target: 'c' });
    expect(r1.findings.map((f) => f.check).sort()).toEqual([
      'class-imbalance',
      'constant-columns',
      'constant-columns',
    ]);
    const missing = table(num('x', [null, null]));
    expect(
      validationReport('v', missing.schema, missing.columns).findings.map((f) => f.check),
    ).toEqual(['missing-values', 'duplicate-rows']);
    const text = table(
      cat(
        't',
        gen(30, (i) => `w ${i}`),
        'text',
      ),
      num(
        'x',
        gen(30, (i) => i),
      ),
    );
    expect(validationReport('v', text.schema, text.columns, { target: 't' }).findings).toEqual([]);
  });
});
