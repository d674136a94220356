import { describe, expect, it } from 'vitest';
import { validationReport } from '../../../src/lib/validate';
import { cat, gen, num, table } from './helpers';

const run = (t: ReturnType<typeof table>) =>
  validationReport('v', t.schema, t.columns, { checks: ['id-like-columns'] }).findings;

describe('id-like-columns', () => {
  it('warns for integer/category/text columns with ≥ 95% distinct values over ≥ 20 rows', () => {
    const f = run(
      table(
        num(
          'order',
          gen(40, (i) => 1000 + i * 7),
          'integer',
        ),
        cat(
          'code',
          gen(40, (i) => (i === 39 ? 'c0' : `c${i}`)),
        ),
        cat(
          'uid',
          gen(40, (i) => `u${i}`),
          'id',
        ),
      ),
    );
    expect(f.map((x) => [x.column, x.severity])).toEqual([
      ['order', 'warning'],
      ['code', 'warning'],
      ['uid', 'info'],
    ]);
    expect(f[1]!.details?.uniqueShare).toBe(0.975);
    expect(f[0]!.sampleRows).toHaveLength(20);
  });

  it('leaves alone floats, short columns, repeated values and free text', () => {
    expect(
      run(
        table(
          num(
            'x',
            gen(40, (i) => i / 3),
          ),
          cat(
            'few',
            gen(40, (i) => `v${i % 30}`),
          ),
          cat(
            'comment',
            gen(40, (i) => `nice item ${i}`),
            'text',
          ),
        ),
      ),
    ).toEqual([]);
    expect(
      run(
        table(
          num(
            'n',
            gen(19, (i) => i * 3),
            'integer',
          ),
        ),
      ),
    ).toEqual([]);
  });
});
