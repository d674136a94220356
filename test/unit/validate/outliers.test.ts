import { describe, expect, it } from 'vitest';
import { validationReport } from '../../../src/lib/validate';
import { gen, num, table } from './helpers';

const run = (t: ReturnType<typeof table>) =>
  validationReport('v', t.schema, t.columns, { checks: ['outliers'] }).findings;

describe('outliers', () => {
  it('counts IQR and z-score outliers separately and flags rows matching either', () => {
    // x = 1..100 plus 1000 at row 100 and -60 at row 101.
    // numpy.quantile(x, [.25, .75]) -> [25.25, 75.75]; fences [-50.5, 151.5]
    // x.mean() 58.725..., x.std(ddof=1) 99.014... -> only 1000 has |z| > 3
    const x = [...gen(100, (i) => i + 1), 1000, -60];
    const [f] = run(table(num('x', x)));
    expect(f).toMatchObject({ check: 'outliers', column: 'x', count: 2, sampleRows: [100, 101] });
    expect(f!.details).toMatchObject({
      iqrCount: 2,
      zCount: 1,
      lowerFence: -50.5,
      upperFence: 151.5,
    });
    expect(f!.severity).toBe('info'); // 2 of 102 < 5%
  });

  it('is a warning when at least 5% of values are flagged', () => {
    const x = [...gen(90, (i) => i % 10), ...gen(10, () => 500)];
    expect(run(table(num('x', x)))[0]!.severity).toBe('warning');
  });

  it('finds nothing in a uniform column, and skips the IQR rule when IQR = 0', () => {
    expect(
      run(
        table(
          num(
            'u',
            gen(100, (i) => i + 1),
          ),
        ),
      ),
    ).toEqual([]);
    // 95 zeros and five 1s: IQR = 0, z of a 1 = (1 - 0.05) / 0.219 ≈ 4.3 > 3
    const [f] = run(
      table(
        num(
          'z',
          gen(100, (i) => (i < 95 ? 0 : 1)),
          'integer',
        ),
      ),
    );
    expect(f!.details).toMatchObject({ iqrCount: 0, zCount: 5 });
  });
});
