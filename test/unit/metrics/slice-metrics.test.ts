import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/lib/contracts/errors';
import { accuracy } from '../../../src/lib/metrics/accuracy';
import { logLoss } from '../../../src/lib/metrics/log-loss';
import { mae } from '../../../src/lib/metrics/mae';
import { rocAuc } from '../../../src/lib/metrics/roc-auc';
import { sliceMetrics } from '../../../src/lib/metrics/slice-metrics';
import { scoresCases } from './fixtures';

describe('sliceMetrics', () => {
  const c = scoresCases.find((s) => s.name === 'binary random n=200')!;
  const probs = Float32Array.from(c.probs);
  // Three slices by row index: 0..99 → 0, 100..189 → 10, 190..199 → 2 (10 rows).
  const keys = Int32Array.from({ length: 200 }, (_, i) => (i < 100 ? 0 : i < 190 ? 10 : 2));

  it('computes every metric on each slice, equal to computing it on the slice rows', () => {
    const slices = sliceMetrics(keys, c.yTrue, probs, ['no', 'yes']);
    expect(slices.map((s) => [s.key, s.n, s.small])).toEqual([
      ['0', 100, false],
      ['2', 10, false],
      ['10', 90, false],
    ]);
    const rows = (key: number) => c.yTrue.map((_, i) => i).filter((i) => keys[i] === key);
    for (const s of slices) {
      const r = rows(Number(s.key));
      const y = r.map((i) => c.yTrue[i]!);
      const p = r.flatMap((i) => [probs[2 * i]!, probs[2 * i + 1]!]);
      expect(s.metrics.accuracy).toBeCloseTo(
        accuracy(
          y,
          r.map((i) => c.yPred[i]!),
        ),
        12,
      );
      expect(s.metrics.rocAuc).toBeCloseTo(rocAuc(y, p), 12);
      expect(s.metrics.logLoss).toBeCloseTo(logLoss(y, p), 12);
    }
  });

  it('flags small slices and gives null for metrics undefined on a single-class slice', () => {
    const y = [0, 0, 0, 1, 0, 1];
    const p = [0.2, 0.3, 0.6, 0.8, 0.1, 0.7];
    const [a, b] = sliceMetrics(
      ['x', 'x', 'x', 'y', 'y', 'y'],
      y,
      p.flatMap((v) => [1 - v, v]),
      ['neg', 'pos'],
    );
    expect(a).toMatchObject({ key: 'x', n: 3, small: true });
    expect(a!.metrics.rocAuc).toBeNull();
    expect(a!.metrics.prAuc).toBeNull();
    expect(a!.metrics.accuracy).toBeCloseTo(2 / 3, 15);
    expect(b!.metrics.rocAuc).toBe(1);
  });

  it('regression slices, with a custom small threshold', () => {
    const s = sliceMetrics(['a', 'b', 'a'], [1, 2, 3], [1, 2, 5], null, { minRows: 2 });
    expect(s).toEqual([
      {
        key: 'a',
        n: 2,
        small: false,
        metrics: { mae: mae([1, 3], [1, 5]), rmse: Math.SQRT2, r2: -1 },
      },
      { key: 'b', n: 1, small: true, metrics: { mae: 0, rmse: 0, r2: 1 } },
    ]);
  });

  it('rejects mismatched lengths', () => {
    expect(() => sliceMetrics(['a'], [1, 2], [1, 2])).toThrow(/sliceKeys.length/);
    expect(() => sliceMetrics(['a', 'b'], [0, 1], [0.5, 0.5], ['n', 'y'])).toThrow(/pred.length/);
    expect(() => sliceMetrics(['a'], [0], [1], ['only'])).toThrow(InvalidArgumentError);
  });
});
