import { describe, expect, it } from 'vitest';
import { validationReport } from '../../../src/lib/validate';
import { cat, gen, num, table } from './helpers';

const run = (t: ReturnType<typeof table>, target: string) =>
  validationReport('v', t.schema, t.columns, { target, checks: ['class-imbalance'] }).findings;

describe('class-imbalance', () => {
  it('warns below 10% minority share and samples the minority rows', () => {
    const [f] = run(
      table(
        cat(
          'y',
          gen(100, (i) => (i % 20 === 0 ? 'yes' : 'no')),
        ),
      ),
      'y',
    );
    expect(f).toMatchObject({
      severity: 'warning',
      column: 'y',
      count: 5,
      sampleRows: [0, 20, 40, 60, 80],
    });
    expect(f!.details).toMatchObject({ share: 0.05, minorityClass: 'yes' });
  });

  it('is an error below 1%, and for a single class', () => {
    const y = gen(1000, (i) => (i < 5 ? 1 : 0));
    expect(run(table(num('y', y, 'integer')), 'y')[0]).toMatchObject({
      severity: 'error',
      count: 5,
    });
    expect(run(table(cat('y', ['a', 'a', null])), 'y')[0]).toMatchObject({
      severity: 'error',
      title: 'Target `y` has a single class ("a")',
    });
  });

  it('says nothing for balanced classes, regression targets or no target', () => {
    expect(
      run(
        table(
          cat(
            'y',
            gen(100, (i) => (i % 5 < 2 ? 'a' : 'b')),
          ),
        ),
        'y',
      ),
    ).toEqual([]);
    expect(
      run(
        table(
          num(
            'y',
            gen(100, (i) => (i < 2 ? 1000 : i / 7)),
          ),
        ),
        'y',
      ),
    ).toEqual([]);
    const t = table(
      cat(
        'y',
        gen(100, (i) => (i < 2 ? 'a' : 'b')),
      ),
    );
    expect(
      validationReport('v', t.schema, t.columns, { checks: ['class-imbalance'] }).findings,
    ).toEqual([]);
  });
});
