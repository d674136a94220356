import { describe, expect, it } from 'vitest';
import { groupMajorityAccuracy, validationReport } from '../../../src/lib/validate';
import { createRng } from '../../../src/lib/stats/rng';
import { cat, gen, num, table } from './helpers';

const run = (t: ReturnType<typeof table>, target: string) =>
  validationReport('v', t.schema, t.columns, { target, checks: ['target-leakage'] }).findings;

describe('target-leakage: classification', () => {
  const rng = createRng(3);
  const n = 400;
  const y = gen(n, () => (rng.next() < 0.4 ? 'churn' : 'stay'));
  const t = table(
    cat('y', y),
    // Noise-free mappings of the target: a category and a number.
    cat(
      'status',
      y.map((v) => (v === 'churn' ? 'closed' : 'open')),
    ),
    num(
      'refund',
      y.map((v) => (v === 'churn' ? 1 : 0)),
    ),
    // Honest features: related to the target, but far from perfectly.
    num(
      'tenure',
      y.map((v) => rng.normal() + (v === 'churn' ? 0.8 : 0)),
    ),
    cat(
      'plan',
      y.map((v) => (rng.next() < (v === 'churn' ? 0.7 : 0.3) ? 'basic' : 'pro')),
    ),
    // One value per row: memorising rows must not look like leakage.
    cat(
      'note',
      gen(n, (i) => `n${i}`),
      'text',
    ),
  );

  it('flags features that map to the target noise-free', () => {
    const f = run(t, 'y');
    expect(f.map((x) => x.column)).toEqual(['status', 'refund']);
    expect(f[0]).toMatchObject({ check: 'target-leakage', severity: 'error', count: n });
    expect(f[0]!.details).toMatchObject({ accuracy: 1 });
    expect(f[0]!.sampleRows).toEqual(gen(20, (i) => i));
  });

  it('does not flag an imbalanced target predicted by a useless feature', () => {
    const yy = gen(1000, (i) => (i < 995 ? 'a' : 'b'));
    const tt = table(
      cat('y', yy),
      num(
        'x',
        gen(1000, (i) => i % 7),
      ),
    );
    expect(run(tt, 'y')).toEqual([]);
  });

  it('groupMajorityAccuracy is leave-one-out', () => {
    // Two groups with one row each: each row is predicted by the overall majority class (0).
    expect(groupMajorityAccuracy(Int32Array.of(0, 1), 2, Int32Array.of(0, 1), 2, 0)).toBe(0.5);
    // Group 0 = [0, 0, 1]: leaving out a 0 leaves a tie (wrong); leaving out the 1 leaves 0s.
    expect(groupMajorityAccuracy(Int32Array.of(0, 0, 0), 1, Int32Array.of(0, 0, 1), 2, 0)).toBe(0);
    expect(
      groupMajorityAccuracy(Int32Array.of(0, 0, 0, 1, 1), 2, Int32Array.of(0, 0, -1, 1, 1), 2, 0),
    ).toBe(1);
  });
});

describe('target-leakage: regression', () => {
  it('flags |r| ≥ 0.99 and categories that fix the value; not honest features', () => {
    const rng = createRng(5);
    const x = gen(300, () => rng.normal());
    const price = x.map((v) => 3 * v + 10);
    const t = table(
      num('price', price),
      num(
        'price_eur',
        price.map((v) => -0.9 * v + 1),
      ),
      num(
        'size',
        x.map((v) => v + rng.normal()),
      ),
      cat(
        'bucket',
        price.map((v) => v.toFixed(6)),
      ),
      cat(
        'region',
        gen(300, (i) => `r${i % 4}`),
      ),
    );
    const f = run(t, 'price');
    expect(f.map((e) => e.column)).toEqual(['price_eur']);
    expect(f[0]!.details!.pearsonR).toBeCloseTo(-1, 12);
  });

  it('flags a category column whose groups fix a repeated target value', () => {
    const y = gen(200, (i) => (i % 5) * 10);
    const t = table(
      num('y', y),
      cat(
        'g',
        y.map((v) => `g${v}`),
      ),
    );
    expect(run(t, 'y').map((e) => [e.column, e.details?.r2])).toEqual([['g', 1]]);
  });
});
