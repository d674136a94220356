import { describe, expect, it } from 'vitest';
import {
  chooseDefaultDriftTest,
  defaultDriftTest,
} from '../../../src/lib/stats/default-drift-test';
import { buildProfile } from '../../../src/lib/stats/profile';

const range = (n: number, mod = Infinity) => Array.from({ length: n }, (_, i) => i % mod);

describe("defaultDriftTest (Evidently's rule)", () => {
  it('small reference (<= 1000 rows)', () => {
    expect(defaultDriftTest(range(1000), range(50), 'numeric')).toBe('ks');
    expect(defaultDriftTest(range(100, 3), range(50, 3), 'numeric')).toBe('chisquare');
    expect(defaultDriftTest(range(100, 2), range(50, 2), 'numeric')).toBe('z');
    expect(defaultDriftTest(['a', 'b'], ['a', 'b', 'c'], 'categorical')).toBe('chisquare');
    expect(defaultDriftTest(['a', 'a'], ['b'], 'categorical')).toBe('z');
  });

  it('large reference (> 1000 rows)', () => {
    expect(defaultDriftTest(range(1001), range(10), 'numeric')).toBe('wasserstein');
    expect(defaultDriftTest(range(1001, 5), range(10, 5), 'numeric')).toBe('jensenshannon');
    const cats = range(2000, 7).map((i) => `c${i}`);
    expect(defaultDriftTest(cats, ['c1'], 'categorical')).toBe('jensenshannon');
  });

  it('counts distinct values over ref and cur together', () => {
    // ref has 3 values, cur 3 others: u = 6 > 5 -> KS, although each alone has 3
    expect(defaultDriftTest([1, 2, 3], [4, 5, 6], 'numeric')).toBe('ks');
    expect(defaultDriftTest([1, 1, 1], [2, 2], 'numeric')).toBe('z');
  });

  it('explains its choice', () => {
    const r = chooseDefaultDriftTest(
      buildProfile(range(2000), 'numeric'),
      buildProfile(range(10), 'numeric'),
    );
    expect(r.test).toBe('wasserstein');
    expect(r.reason).toBe(
      "numeric column, reference has 2,000 rows (> 1000), ref ∪ cur has more than 5 distinct values → normed Wasserstein (Evidently's default rule)",
    );
  });
});
