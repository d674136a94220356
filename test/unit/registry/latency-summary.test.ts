import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/lib/contracts/errors';
import { latencySummary } from '../../../src/lib/registry/latency-summary';

// Reference values: Debian /usr/bin/python3, numpy 1.24.2,
//   numpy.percentile(x, [50, 95, 99]).tolist()   (default method='linear')
// formula(n) = [((i * 7919) % 1000) / 10 + 0.5 * (i % 3) for i in range(n)]
const formula = (n: number) =>
  Array.from({ length: n }, (_, i) => ((i * 7919) % 1000) / 10 + 0.5 * (i % 3));

describe('latencySummary', () => {
  it.each([
    ['five', [1, 2, 3, 4, 10], [3.0, 8.799999999999999, 9.76]],
    ['one', [5], [5, 5, 5]],
    ['unsorted', [3, 1, 2], [2.0, 2.9, 2.98]],
    ['ties', [2, 2, 2, 2], [2, 2, 2]],
    ['two', [0.25, 7.5], [3.875, 7.137499999999999, 7.4275]],
    ['formula37', formula(37), [49.4, 92.96, 96.992]],
    ['formula1000', formula(1000), [50.3, 95.205, 99.6]],
  ])('matches numpy.percentile on %s', (_, samples, [p50, p95, p99]) => {
    const s = latencySummary(samples);
    expect(s.n).toBe(samples.length);
    // Same virtual index and the same two-sided lerp as NumPy's _lerp: equal to the last bit.
    expect([s.p50, s.p95, s.p99]).toEqual([p50, p95, p99]);
  });

  it('returns nulls for no samples', () => {
    expect(latencySummary([])).toEqual({ p50: null, p95: null, p99: null, n: 0 });
  });

  it("does not reorder the caller's array and is order-independent", () => {
    const x = [10, 1, 4, 3, 2];
    const before = [...x];
    expect(latencySummary(x)).toEqual(latencySummary([...x].reverse()));
    expect(x).toEqual(before);
  });

  it('keeps p50 ≤ p95 ≤ p99 within [min, max]', () => {
    const s = latencySummary(formula(101));
    expect(s.p50!).toBeLessThanOrEqual(s.p95!);
    expect(s.p95!).toBeLessThanOrEqual(s.p99!);
    expect(s.p99!).toBeLessThanOrEqual(Math.max(...formula(101)));
  });

  it.each([[Number.NaN], [Number.POSITIVE_INFINITY], [-1]])(
    'rejects %s, naming the index',
    (bad) => {
      expect(() => latencySummary([1, bad])).toThrow(InvalidArgumentError);
      expect(() => latencySummary([1, bad])).toThrow(/^samples\[1\]/);
    },
  );
});
