import { describe, expect, it } from 'vitest';
import { validationReport } from '../../../src/lib/validate';
import { cat, gen, table } from './helpers';

const run = (t: ReturnType<typeof table>) =>
  validationReport('v', t.schema, t.columns, { checks: ['type-mismatch'] }).findings;

describe('type-mismatch', () => {
  it('flags a text column that is numeric except for a few values', () => {
    const values = gen(100, (i) => (i === 3 ? 'Infinity' : i === 50 ? '1,5' : `${i * 1.5}`));
    const [f] = run(table(cat('price', values, 'text')));
    expect(f).toMatchObject({
      check: 'type-mismatch',
      severity: 'warning',
      column: 'price',
      count: 2,
      sampleRows: [3, 50],
    });
    expect(f!.title).toContain('"Infinity", "1,5"');
  });

  it('flags a category column that is nearly all dates', () => {
    const values = gen(40, (i) =>
      i === 0 ? 'soon' : `2024-01-${String((i % 28) + 1).padStart(2, '0')}`,
    );
    expect(run(table(cat('d', values)))[0]).toMatchObject({
      count: 1,
      details: { expectedType: 'datetime' },
    });
  });

  it('leaves alone all-numeric codes, words, and mixed columns under 90% numeric', () => {
    expect(
      run(
        table(
          cat(
            'zip',
            gen(30, (i) => `0${1000 + (i % 5)}`),
          ),
          cat(
            'word',
            gen(30, (i) => ['red', 'green'][i % 2]!),
          ),
          cat(
            'mix',
            gen(30, (i) => (i % 5 === 0 ? 'x' : String(i))),
          ),
        ),
      ),
    ).toEqual([]);
  });
});
