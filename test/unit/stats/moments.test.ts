import { describe, expect, it } from 'vitest';
import { meanStd, meanVariance } from '../../../src/lib/stats/moments';

describe('moments', () => {
  it('meanStd uses ddof 0 like np.std', () => {
    // np.mean([1,2,3,4]) -> 2.5, np.std([1,2,3,4]) -> 1.118033988749895
    expect(meanStd([1, 2, 3, 4])).toEqual({ mean: 2.5, std: 1.118033988749895 });
    expect(meanStd([5])).toEqual({ mean: 5, std: 0 });
  });

  it('meanVariance uses ddof 1 like np.var(ddof=1)', () => {
    // np.var([1,2,3,4], ddof=1) -> 1.6666666666666667
    expect(meanVariance([1, 2, 3, 4])).toEqual({ mean: 2.5, variance: 1.6666666666666667, n: 4 });
  });
});
