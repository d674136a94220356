import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/lib/contracts/errors';
import { sampleSizeTwoProportions } from '../../../src/lib/stats/sample-size';
import { ab } from './ab-fixtures';
import { expectStat } from './fixtures';

describe('sampleSizeTwoProportions', () => {
  it('matches the STATS.md formula evaluated with scipy.stats.norm.ppf', () => {
    for (const c of ab.sampleSize) {
      expectStat(sampleSizeTwoProportions(c.p1, c.p2, c), c.n, `${c.p1} -> ${c.p2}`);
    }
  });

  it('is symmetric in p1, p2 and grows with power', () => {
    const o = { alpha: 0.05, power: 0.8 };
    expect(sampleSizeTwoProportions(0.1, 0.12, o)).toBeCloseTo(
      sampleSizeTwoProportions(0.12, 0.1, o),
      9,
    );
    expect(sampleSizeTwoProportions(0.1, 0.12, { alpha: 0.05, power: 0.9 })).toBeGreaterThan(
      sampleSizeTwoProportions(0.1, 0.12, o),
    );
  });

  it('rejects p1 = p2 and arguments outside (0, 1)', () => {
    const o = { alpha: 0.05, power: 0.8 };
    expect(() => sampleSizeTwoProportions(0.1, 0.1, o)).toThrow(
      'p2 = 0.1: must differ from p1 = 0.1',
    );
    expect(() => sampleSizeTwoProportions(0, 0.1, o)).toThrow(InvalidArgumentError);
    expect(() => sampleSizeTwoProportions(0.1, 0.2, { alpha: 1.2, power: 0.8 })).toThrow(
      /options.alpha/,
    );
    expect(() => sampleSizeTwoProportions(0.1, 0.2, { alpha: 0.05, power: 1 })).toThrow(
      /options.power/,
    );
  });
});
