import { describe, expect, it } from 'vitest';
import { findDuplicateRows, validationReport } from '../../../src/lib/validate';
import { createRng } from '../../../src/lib/stats/rng';
import { cat, gen, num, table } from './helpers';

const run = (t: ReturnType<typeof table>) =>
  validationReport('v', t.schema, t.columns, { checks: ['duplicate-rows'] }).findings;

describe('duplicate-rows', () => {
  it('finds exact repeats of earlier rows (missing = missing, -0 = +0), like pandas duplicated()', () => {
    // pandas: DataFrame({'x': [1, 2, 1, nan, nan, -0.0, 0.0], 'c': list('abaqqzz')}).duplicated()
    //   -> [F, F, T, F, T, F, T]
    const t = table(
      num('x', [1, 2, 1, null, null, -0, 0]),
      cat('c', ['a', 'b', 'a', 'q', 'q', 'z', 'z']),
    );
    const [f] = run(t);
    expect(f).toMatchObject({
      check: 'duplicate-rows',
      severity: 'warning',
      count: 3,
      sampleRows: [2, 4, 6],
    });
    expect(f!.details).toMatchObject({ firstRepeat: 2, firstOriginal: 0 });
  });

  it('does not call rows duplicates when only some columns agree', () => {
    expect(run(table(num('x', [1, 1, 1]), cat('c', ['a', 'b', 'c'])))).toEqual([]);
    expect(run(table(num('x', [5])))).toEqual([]);
  });

  it('matches a string-key reference on 50k random rows', () => {
    const rng = createRng(11);
    const n = 50_000;
    const t = table(
      num(
        'a',
        gen(n, () => rng.int(30)),
      ),
      cat(
        'b',
        gen(n, () => (rng.next() < 0.1 ? null : `k${rng.int(40)}`)),
      ),
      num(
        'c',
        gen(n, () => rng.int(3)),
      ),
    );
    const seen = new Set<string>();
    const expected: number[] = [];
    for (let i = 0; i < n; i++) {
      const key = t.columns.map((c) => String(c[i])).join('|');
      if (seen.has(key)) expected.push(i);
      else seen.add(key);
    }
    const got = findDuplicateRows(t.columns, n);
    expect(got.count).toBe(expected.length);
    expect(got.sampleRows).toEqual(expected.slice(0, 20));
  });

  it('calls a table that is mostly copies an error', () => {
    const [f] = run(
      table(
        num(
          'x',
          gen(10, (i) => (i < 8 ? 1 : i)),
        ),
      ),
    );
    expect(f).toMatchObject({ severity: 'error', count: 7 });
  });
});
