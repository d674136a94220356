import { describe, expect, it } from 'vitest';
import { checkInputSignature } from '../../../src/lib/registry/check-input-signature';
import { checkPreprocessingSpec } from '../../../src/lib/registry/check-preprocessing-spec';
import { preprocessing, signature } from './fixtures';

const fail = (message: string): never => {
  throw new Error(message);
};
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe('checkPreprocessingSpec', () => {
  it('returns an equal copy of a valid spec, every kind included', () => {
    const spec = {
      ...clone(preprocessing),
      transforms: [
        ...clone(preprocessing.transforms),
        {
          kind: 'scale',
          column: 'z',
          method: 'min-max',
          impute: 'constant',
          center: 0,
          scale: 2,
          fill: 0,
        },
      ],
      outputWidth: 12,
      target: { mean: 1, std: 2 },
    };
    const out = checkPreprocessingSpec(spec, fail);
    expect(out).toEqual(spec);
    expect(out).not.toBe(spec);
  });

  it.each([
    [null, 'preprocessing must be an object, not null'],
    [{ transforms: {} }, 'preprocessing.transforms must be an array'],
    [
      {
        transforms: [{ kind: 'one-hot', column: 'c', categories: ['a'], unseen: 'yes' }],
        outputWidth: 2,
      },
      'preprocessing.transforms[0].unseen must be true or false',
    ],
    [
      {
        transforms: [{ kind: 'one-hot', column: 'c', categories: [1], unseen: true }],
        outputWidth: 2,
      },
      'preprocessing.transforms[0].categories[0] must be a string, not 1',
    ],
    [
      {
        transforms: [
          { kind: 'one-hot', column: 'c', categories: [], unseen: true, missing: 'drop' },
        ],
        outputWidth: 1,
      },
      'missing must be one of unseen, bucket, most-frequent',
    ],
    [
      {
        transforms: [{ kind: 'standardize', column: '', mean: 0, std: 1, fill: 0 }],
        outputWidth: 1,
      },
      'column must be a non-empty string',
    ],
    [
      {
        transforms: [{ kind: 'standardize', column: 'x', mean: 'NaN', std: 1, fill: 0 }],
        outputWidth: 1,
      },
      'mean must be a finite number, not "NaN"',
    ],
    [
      {
        transforms: [
          {
            kind: 'date-parts',
            column: 'd',
            parts: [],
            method: 'none',
            impute: 'mean',
            center: [],
            scale: [],
            fill: [],
          },
        ],
        outputWidth: 0,
      },
      'parts must be a non-empty array',
    ],
    [
      {
        transforms: [
          {
            kind: 'date-parts',
            column: 'd',
            parts: ['week'],
            method: 'none',
            impute: 'mean',
            center: [0],
            scale: [1],
            fill: [0],
          },
        ],
        outputWidth: 1,
      },
      'parts[0] must be one of year, month, day, weekday, hour',
    ],
    [
      {
        transforms: [
          {
            kind: 'date-parts',
            column: 'd',
            parts: ['year'],
            method: 'none',
            impute: 'mean',
            center: [0],
            scale: [0],
            fill: [0],
          },
        ],
        outputWidth: 1,
      },
      'scale[0] must not be 0',
    ],
    [
      { transforms: [], outputWidth: 0, target: { mean: 0, std: 0 } },
      'preprocessing.target.std must not be 0',
    ],
    [
      { transforms: [], outputWidth: '0' },
      'preprocessing.outputWidth is 0, but the transforms produce 0 values',
    ],
  ])('refuses %j', (spec, message) => {
    expect(() => checkPreprocessingSpec(spec, fail)).toThrow(message);
  });
});

describe('checkInputSignature', () => {
  it('returns an equal copy of a valid signature', () => {
    const out = checkInputSignature(clone(signature), fail);
    expect(out).toEqual(signature);
    expect(
      checkInputSignature({ inputs: [], target: { name: 'y', task: 'regression' } }, fail),
    ).toEqual({
      inputs: [],
      target: { name: 'y', task: 'regression' },
    });
  });

  it.each([
    [
      {
        inputs: [{ name: 'x', type: 'number', min: 2, max: 1 }],
        target: { name: 'y', task: 'regression' },
      },
      'signature.inputs[0]: min 2 is greater than max 1',
    ],
    [
      {
        inputs: [{ name: 'x', type: 'number', min: null }],
        target: { name: 'y', task: 'regression' },
      },
      'signature.inputs[0].min must be a finite number, not null',
    ],
    [
      { inputs: [], target: { name: 'y', task: 'ranking' } },
      'signature.target.task must be one of binary, multiclass, regression',
    ],
    [
      { inputs: [], target: { name: 'y', task: 'binary', labels: ['a'] } },
      'must list at least 2 classes for binary classification',
    ],
    [{ inputs: [] }, 'signature.target must be an object'],
  ])('refuses %j', (sig, message) => {
    expect(() => checkInputSignature(sig, fail)).toThrow(message);
  });
});
