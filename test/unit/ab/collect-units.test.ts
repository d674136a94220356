import { describe, expect, it } from 'vitest';
import { collectUnits } from '../../../src/lib/ab/collect-units';
import { armStats } from '../../../src/lib/ab/arm-stats';
import { entry, experiment } from './helpers';

describe('collectUnits', () => {
  it('one unit per key and arm; latest known value wins; other experiments skipped', () => {
    const exp = experiment();
    const { units, counts } = collectUnits(exp, [
      entry({ rowKey: 'u1', arm: 'A', at: 10, label: 'no' }),
      entry({ rowKey: 'u1', arm: 'A', at: 20, label: 'yes' }),
      entry({ rowKey: 'u1', arm: 'A', at: 30 }), // no label: keeps 'yes'
      entry({ rowKey: 'u2', arm: 'B', at: 5, label: 'no' }),
      entry({ rowKey: 'u3', arm: 'B', at: 7 }),
      entry({ rowKey: 'u4', arm: 'A', experimentId: 'other' }),
      entry({ rowKey: 'u5', arm: 'Z' }),
    ]);
    expect(counts).toEqual([1, 2]);
    expect(units.map((u) => [u.arm, u.at, u.values[0]])).toEqual([
      [1, 5, 0],
      [1, 7, null],
      [0, 10, 1],
    ]);
  });

  it('uses the unit key column when the inputs carry it', () => {
    const exp = experiment({ unitKey: { kind: 'column', column: 'user' } });
    const { counts } = collectUnits(exp, [
      entry({ rowKey: 'r1', inputs: { user: 'ana' } }),
      entry({ rowKey: 'r2', inputs: { user: 'ana' } }),
      entry({ rowKey: 'r3', inputs: { user: 'bo' } }),
    ]);
    expect(counts).toEqual([2, 0]);
  });
});

describe('armStats', () => {
  it('count, sum, mean and ddof-1 variance, skipping nulls', () => {
    const s = armStats('A', [1, null, 0, 1, 1]);
    expect(s).toMatchObject({ arm: 'A', n: 4, sum: 3, mean: 0.75 });
    expect(s.variance).toBeCloseTo(0.25, 14);
    // numpy.var([2, 4, 4, 4, 5, 5, 7, 9], ddof=1) -> 4.571428571428571
    expect(armStats('B', [2, 4, 4, 4, 5, 5, 7, 9]).variance).toBeCloseTo(4.571428571428571, 14);
    expect(armStats('C', [])).toMatchObject({ n: 0, variance: 0 });
    expect(armStats('C', []).mean).toBeNaN();
  });
});
