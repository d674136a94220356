import { describe, expect, it } from 'vitest';
import { validationReport } from '../../../src/lib/validate';
import { cat, gen, num, table } from './helpers';

const run = (t: ReturnType<typeof table>) =>
  validationReport('v', t.schema, t.columns, { checks: ['missing-values'] }).findings;

describe('missing-values', () => {
  it('grades by missing share: info < 5% ≤ warning < 50% ≤ error', () => {
    const f = run(
      table(
        num(
          'a',
          gen(100, (i) => (i === 7 ? null : i)),
        ),
        num(
          'b',
          gen(100, (i) => (i % 10 === 0 ? null : i)),
        ),
        cat(
          'c',
          gen(100, (i) => (i % 5 === 0 ? 'x' : null)),
        ),
        num(
          'd',
          gen(100, () => null),
        ),
      ),
    );
    expect(f.map((x) => [x.column, x.severity, x.count])).toEqual([
      ['c', 'error', 80],
      ['d', 'error', 100],
      ['b', 'warning', 10],
      ['a', 'info', 1],
    ]);
    const a = f.find((x) => x.column === 'a')!;
    expect(a.sampleRows).toEqual([7]);
    expect(a.title).toBe('`a` is missing in 1% of rows (1 of 100)');
    expect(f.find((x) => x.column === 'b')!.sampleRows).toEqual(gen(10, (i) => i * 10));
    expect(f.find((x) => x.column === 'd')!.title).toBe('`d` is missing in every row');
    expect(f.find((x) => x.column === 'c')!.sampleRows).toHaveLength(20);
  });

  it('reports nothing for complete columns', () => {
    expect(run(table(num('a', [1, 2, 3]), cat('c', ['x', 'y', 'x'])))).toEqual([]);
  });
});
