import { describe, expect, it } from 'vitest';
import { argmaxRows } from '../../../src/lib/metrics/argmax-rows';

describe('argmaxRows', () => {
  it('takes the first maximum on ties (np.argmax)', () => {
    expect(Array.from(argmaxRows([0.2, 0.8, 0.5, 0.5], 2))).toEqual([1, 0]);
    expect(Array.from(argmaxRows([0.1, 0.45, 0.45, 0.6, 0.2, 0.2], 3))).toEqual([1, 0]);
  });

  it('reads a width-1 input as class-1 probabilities with 0.5 going to class 0', () => {
    expect(Array.from(argmaxRows([0.2, 0.5, 0.51], 1))).toEqual([0, 0, 1]);
  });
});
