import { describe, expect, it } from 'vitest';
import type { ExpectationSuite, InputSignature } from '../../../src/lib/contracts/entities';
import type { InputRow } from '../../../src/lib/contracts/compute';
import { encodeInputRow } from '../../../src/lib/data/preprocess';
import { validateServingInput } from '../../../src/lib/registry/validate-serving-input';
import { preprocessing, signature } from './fixtures';

const good: InputRow = {
  Island: 'Dream',
  'Body Mass (g)': '4200',
  Sex: 'yes',
  Seen: '2008-05-01',
};

const suite = (expectations: ExpectationSuite['expectations']): ExpectationSuite => ({
  id: 'penguins-suite@2',
  name: 'penguins-suite',
  version: 2,
  createdAt: 0,
  sourceVersionId: null,
  expectations,
});

describe('validateServingInput: signature rules', () => {
  it('accepts a clean row with no warnings', () => {
    expect(validateServingInput(signature, good)).toEqual({ ok: true, errors: [], warnings: [] });
    expect(validateServingInput(signature, { ...good, 'Body Mass (g)': 4200, Sex: true }).ok).toBe(
      true,
    );
  });

  it('errors on a missing field, naming it', () => {
    const { Island: _, ...row } = good;
    const v = validateServingInput(signature, row);
    expect(v.ok).toBe(false);
    expect(v.errors).toEqual([
      {
        field: 'Island',
        value: undefined,
        message:
          'is missing from the input; give a value (or leave it empty to use the training default)',
      },
    ]);
  });

  it.each([
    ['Body Mass (g)', 'abc', '"abc" is not a number'],
    ['Body Mass (g)', '1,5', '"1,5" is not a number'],
    ['Body Mass (g)', '0x10', '"0x10" is not a number'],
    ['Body Mass (g)', '1e309', '"1e309" is not a number'],
    ['Body Mass (g)', Number.NaN, 'NaN is not a finite number'],
    ['Body Mass (g)', Number.POSITIVE_INFINITY, 'Infinity is not a finite number'],
    ['Body Mass (g)', true, 'true is not a number'],
    ['Seen', '03/04/2020', '"03/04/2020" is not an ISO 8601 date (YYYY-MM-DD)'],
    ['Seen', '2020-02-30', '"2020-02-30" is not an ISO 8601 date (YYYY-MM-DD)'],
    ['Sex', 'maybe', '"maybe" is not true/false/yes/no'],
    ['Sex', 1, '1 is not true/false/yes/no'],
  ])('errors on %s = %j (same rules as import)', (field, value, message) => {
    const v = validateServingInput(signature, { ...good, [field]: value });
    expect(v.ok).toBe(false);
    expect(v.errors).toEqual([{ field, value, message }]);
  });

  it('agrees with encodeInputRow: an error here is a throw there', () => {
    for (const value of ['abc', '1,5', Number.NaN, true]) {
      const row = { ...good, 'Body Mass (g)': value };
      expect(validateServingInput(signature, row).ok).toBe(false);
      expect(() => encodeInputRow(preprocessing, signature, row)).toThrow();
    }
    expect(() => encodeInputRow(preprocessing, signature, good)).not.toThrow();
  });

  it('accepts numbers written as import accepts them', () => {
    for (const value of ['007', ' 4200 ', '4.2e3', '+4200', '.5e4']) {
      expect(validateServingInput(signature, { ...good, 'Body Mass (g)': value }).errors).toEqual(
        [],
      );
    }
  });

  it('warns on missing values, which are filled as in training', () => {
    for (const value of [null, '', 'NA', ' n/a ', 'NaN', '.']) {
      const v = validateServingInput(signature, { ...good, 'Body Mass (g)': value, Island: value });
      expect(v.ok).toBe(true);
      expect(v.warnings.map((w) => w.field)).toEqual(['Island', 'Body Mass (g)']);
      expect(v.warnings[0]!.message).toBe('is empty; the training default will be used');
    }
  });

  it('warns on an unseen category (encoded as unseen, like encodeInputRow)', () => {
    const v = validateServingInput(signature, { ...good, Island: ' Atlantis ' });
    expect(v.ok).toBe(true);
    expect(v.warnings).toEqual([
      {
        field: 'Island',
        value: ' Atlantis ',
        message: '"Atlantis" was not seen in training; treated as an unseen category',
      },
    ]);
    expect(
      encodeInputRow(preprocessing, signature, { ...good, Island: 'Atlantis' }).warnings,
    ).toHaveLength(1);
  });

  it('warns on values outside the training range', () => {
    const v = validateServingInput(signature, {
      ...good,
      'Body Mass (g)': 9000,
      Seen: '2020-01-01',
    });
    expect(v.ok).toBe(true);
    expect(v.warnings.map((w) => w.message)).toEqual([
      '9000 is outside the training range [2700, 6300]',
      '2020-01-01T00:00:00.000Z is outside the training range [2007-01-01T00:00:00.000Z, 2009-12-31T00:00:00.000Z]',
    ]);
  });

  it('warns on fields the model does not use, including prototype names', () => {
    const row = JSON.parse('{"__proto__": "x", "constructor": 1}') as InputRow;
    const v = validateServingInput(signature, { ...good, ...row, extra: 'y' });
    expect(v.ok).toBe(true);
    expect(v.warnings.map((w) => w.field).sort()).toEqual(
      ['__proto__', 'constructor', 'extra'].sort(),
    );
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });

  it('treats a field named __proto__ or constructor as an ordinary field', () => {
    const sig: InputSignature = {
      inputs: [
        { name: '__proto__', type: 'number' },
        { name: 'constructor', type: 'category', categories: ['a'] },
      ],
      target: { name: 'y', task: 'regression' },
    };
    const missing = validateServingInput(sig, {});
    expect(missing.errors.map((e) => e.field)).toEqual(['__proto__', 'constructor']);
    const row = JSON.parse('{"__proto__": "3", "constructor": "a"}') as InputRow;
    expect(validateServingInput(sig, row)).toEqual({ ok: true, errors: [], warnings: [] });
  });

  it('reports a row that is not an object as one error', () => {
    for (const row of [null, [], 'x']) {
      const v = validateServingInput(signature, row as unknown as InputRow);
      expect(v.ok).toBe(false);
      expect(v.errors[0]!.message).toBe('the input must be an object of field → value');
    }
  });
});

describe('validateServingInput: suite rules', () => {
  it('errors on a value outside values-between', () => {
    const s = suite([{ kind: 'values-between', column: 'Body Mass (g)', min: 2500, max: 6500 }]);
    expect(validateServingInput(signature, good, s).ok).toBe(true);
    const v = validateServingInput(signature, { ...good, 'Body Mass (g)': '9000' }, s);
    expect(v.ok).toBe(false);
    expect(v.errors).toEqual([
      {
        field: 'Body Mass (g)',
        value: '9000',
        message:
          '9000 is outside the allowed range [2500, 6500] (expectation suite penguins-suite@2)',
      },
    ]);
    // The signature's range only warns; the suite's is the contract.
    expect(v.warnings).toHaveLength(1);
  });

  it('formats datetimes in values-between', () => {
    const s = suite([
      {
        kind: 'values-between',
        column: 'Seen',
        min: Date.UTC(2007, 0, 1),
        max: Date.UTC(2010, 0, 1),
      },
    ]);
    const v = validateServingInput(signature, { ...good, Seen: '2011-01-01' }, s);
    expect(v.errors[0]!.message).toBe(
      '2011-01-01T00:00:00.000Z is outside the allowed range [2007-01-01T00:00:00.000Z, 2010-01-01T00:00:00.000Z] (expectation suite penguins-suite@2)',
    );
  });

  it('errors on a value not in values-in-set, after trimming like import', () => {
    const s = suite([{ kind: 'values-in-set', column: 'Island', values: ['Biscoe', 'Dream'] }]);
    expect(validateServingInput(signature, { ...good, Island: ' Dream ' }, s).ok).toBe(true);
    const v = validateServingInput(signature, { ...good, Island: 'Torgersen' }, s);
    expect(v.errors).toEqual([
      {
        field: 'Island',
        value: 'Torgersen',
        message:
          '"Torgersen" is not one of the allowed values "Biscoe", "Dream" (expectation suite penguins-suite@2)',
      },
    ]);
  });

  it('applies values-in-set to a numeric field by its display text (as runSuite)', () => {
    const s = suite([{ kind: 'values-in-set', column: 'Body Mass (g)', values: ['4200', '5000'] }]);
    expect(validateServingInput(signature, { ...good, 'Body Mass (g)': '4200.0' }, s).ok).toBe(
      true,
    );
    expect(validateServingInput(signature, { ...good, 'Body Mass (g)': 4300 }, s).ok).toBe(false);
  });

  it('never breaks values rules on a missing value', () => {
    const s = suite([
      { kind: 'values-between', column: 'Body Mass (g)', min: 0, max: 1 },
      { kind: 'values-in-set', column: 'Island', values: ['Biscoe'] },
    ]);
    const v = validateServingInput(signature, { ...good, 'Body Mass (g)': 'NA', Island: null }, s);
    expect(v.ok).toBe(true);
  });

  it('checks fields outside the signature when present, and column-exists', () => {
    const s = suite([
      { kind: 'values-between', column: 'Flipper', min: 170, max: 240 },
      { kind: 'column-exists', column: 'Flipper' },
      { kind: 'column-exists', column: 'Island' },
    ]);
    const absent = validateServingInput(signature, good, s);
    expect(absent.errors).toEqual([
      {
        field: 'Flipper',
        value: undefined,
        message: 'is required (expectation suite penguins-suite@2)',
      },
    ]);
    const text = validateServingInput(signature, { ...good, Flipper: 'long' }, s);
    expect(text.errors[0]!.message).toBe(
      '"long" is not a number, so it cannot be in [170, 240] (expectation suite penguins-suite@2)',
    );
    expect(validateServingInput(signature, { ...good, Flipper: '200' }, s).ok).toBe(true);
    expect(validateServingInput(signature, { ...good, Flipper: 300 }, s).ok).toBe(false);
  });

  it('skips batch-level expectations', () => {
    const s = suite([
      { kind: 'row-count-between', min: 100, max: 200 },
      { kind: 'values-unique', column: 'Island' },
      { kind: 'missing-share-at-most', column: 'Island', max: 0 },
      { kind: 'column-type', column: 'Island', type: 'number' },
    ]);
    expect(validateServingInput(signature, { ...good, Island: null }, s).ok).toBe(true);
  });

  it('does not double-report a missing signature field under column-exists', () => {
    const { Island: _, ...row } = good;
    const v = validateServingInput(
      signature,
      row,
      suite([{ kind: 'column-exists', column: 'Island' }]),
    );
    expect(v.errors).toHaveLength(1);
  });
});
