import { describe, expect, it } from 'vitest';
import { validationReport } from '../../../src/lib/validate';
import { cat, gen, num, table } from './helpers';

const run = (t: ReturnType<typeof table>) =>
  validationReport('v', t.schema, t.columns, { checks: ['constant-columns'] }).findings;

describe('constant-columns', () => {
  it('flags constant columns as warnings (missing values ignored)', () => {
    const f = run(table(num('k', [3, null, 3, 3]), cat('s', ['a', 'a', null, 'a'])));
    expect(f.map((x) => [x.column, x.severity, x.count])).toEqual([
      ['k', 'warning', 3],
      ['s', 'warning', 3],
    ]);
    expect(f[0]!.title).toBe('`k` is constant (always "3")');
  });

  it('flags near-constant columns (top share ≥ 99%) as info, sampling the exceptions', () => {
    const f = run(
      table(
        cat(
          'c',
          gen(1000, (i) => (i === 10 || i === 500 ? 'rare' : 'common')),
        ),
        num(
          'n',
          gen(1000, (i) => (i === 999 ? 1 : 0)),
          'integer',
        ),
      ),
    );
    expect(f.map((x) => [x.column, x.severity, x.count, x.sampleRows])).toEqual([
      ['c', 'info', 2, [10, 500]],
      ['n', 'info', 1, [999]],
    ]);
    expect(f[0]!.details?.share).toBe(0.998);
  });

  it('does not flag varied columns or a 98% top share', () => {
    expect(
      run(
        table(
          cat(
            'c',
            gen(100, (i) => (i < 98 ? 'a' : 'b')),
          ),
          num(
            'x',
            gen(100, (i) => i),
          ),
        ),
      ),
    ).toEqual([]);
    expect(run(table(num('e', []), cat('f', [])))).toEqual([]);
  });
});
