import { describe, expect, it } from 'vitest';
import { studentTPpf } from '../../../src/lib/stats/student-t-ppf';
import { studentTSf } from '../../../src/lib/stats/student-t';
import { abLib } from '../ab/fixtures';
import { expectStat } from './fixtures';

describe('studentTPpf', () => {
  it.each(abLib.tPpf)('matches scipy.stats.t.ppf($q, $df)', (c) => {
    // The statistics library's tolerance for SciPy values (1e-9 relative, see fixtures.ts).
    expectStat(studentTPpf(c.q, c.df), c.x, `t.ppf(${c.q}, ${c.df})`);
  });

  it('inverts the survival function', () => {
    for (const df of [1, 3.7, 40]) {
      for (const q of [0.6, 0.9, 0.99])
        expect(studentTSf(studentTPpf(q, df), df)).toBeCloseTo(1 - q, 12);
    }
  });

  it('is symmetric and rejects bad arguments', () => {
    expect(studentTPpf(0.1, 5)).toBeCloseTo(-studentTPpf(0.9, 5), 14);
    expect(studentTPpf(0.5, 5)).toBe(0);
    expect(() => studentTPpf(1, 5)).toThrow('q = 1');
    expect(() => studentTPpf(0.5, 0)).toThrow('df = 0');
  });
});
