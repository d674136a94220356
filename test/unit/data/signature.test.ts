import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/lib/contracts/errors';
import { buildColumns } from '../../../src/lib/data/columns';
import { parseDelimited } from '../../../src/lib/data/parse-delimited';
import { buildSignature } from '../../../src/lib/data/signature';

const t = buildColumns(
  parseDelimited('x,c,d,y\n1,a,2020-01-01,p\n5,b,,q\nNA,a,2020-01-03,p\n100,zzz,2030-01-01,q\n', {
    fileName: 't.csv',
  }),
  [undefined, 'category', undefined, undefined],
);

describe('buildSignature', () => {
  it('lists train categories and train min/max only', () => {
    const sig = buildSignature(
      t.schema,
      t.columns,
      ['x', 'c', 'd'],
      'y',
      'binary',
      ['p', 'q'],
      [0, 1, 2],
    );
    expect(sig).toEqual({
      inputs: [
        { name: 'x', type: 'integer', min: 1, max: 5 },
        { name: 'c', type: 'category', categories: ['a', 'b'] },
        { name: 'd', type: 'datetime', min: Date.UTC(2020, 0, 1), max: Date.UTC(2020, 0, 3) },
      ],
      target: { name: 'y', task: 'binary', labels: ['p', 'q'] },
    });
  });

  it('omits the range when no train value is present, and labels for regression', () => {
    const sig = buildSignature(t.schema, t.columns, ['x'], 'x', 'regression', undefined, [2]);
    expect(sig.inputs[0]).toEqual({ name: 'x', type: 'integer' });
    expect(sig.target).toEqual({ name: 'x', task: 'regression' });
  });

  it('rejects unknown features and targets', () => {
    expect(() => buildSignature(t.schema, t.columns, ['nope'], 'y', 'binary', [], [0])).toThrow(
      InvalidArgumentError,
    );
    expect(() => buildSignature(t.schema, t.columns, ['x'], 'nope', 'binary', [], [0])).toThrow(
      InvalidArgumentError,
    );
  });
});
