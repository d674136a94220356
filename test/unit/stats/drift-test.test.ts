import { describe, expect, it } from 'vitest';
import { isDrift } from '../../../src/lib/stats/drift-test';

describe('isDrift', () => {
  it('p-value tests drift strictly below the threshold, distances at or above it', () => {
    expect(isDrift('below', 0.049, 0.05)).toBe(true);
    expect(isDrift('below', 0.05, 0.05)).toBe(false);
    expect(isDrift('at-or-above', 0.1, 0.1)).toBe(true);
    expect(isDrift('at-or-above', 0.099, 0.1)).toBe(false);
  });
});
