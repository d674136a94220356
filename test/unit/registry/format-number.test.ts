import { describe, expect, it } from 'vitest';
import { formatFigure, formatPercent, formatSigned } from '../../../src/lib/registry/format-number';

describe('formatFigure', () => {
  it.each([
    [0.91234, '0.9123'],
    [0.004, '0.004'],
    [0.9, '0.9'],
    [0.30000000000000004, '0.3'],
    [-0.5, '-0.5'],
    [1234567.8, '1234568'],
    [12345, '12345'],
    [1234.56, '1235'],
    [0, '0'],
    [-0, '0'],
    [null, 'n/a'],
    [Number.NaN, 'n/a'],
    [Number.POSITIVE_INFINITY, '∞'],
  ])('%s → %s', (x, text) => {
    expect(formatFigure(x)).toBe(text);
  });

  it('formats signed differences and percentages', () => {
    expect(formatSigned(0.01)).toBe('+0.01');
    expect(formatSigned(-0.5)).toBe('−0.5');
    expect(formatSigned(0)).toBe('0');
    expect(formatPercent(0.05)).toBe('5%');
    expect(formatPercent(0.0375)).toBe('3.75%');
    expect(formatPercent(0.125)).toBe('12.5%');
  });
});
