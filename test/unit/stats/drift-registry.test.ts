import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/lib/contracts/errors';
import {
  getDriftTest,
  listDriftTests,
  registerDriftTest,
} from '../../../src/lib/stats/drift-registry';

describe('drift test registry', () => {
  it('holds the six tests of STATS.md with their kinds, thresholds and directions', () => {
    const table = Object.fromEntries(
      listDriftTests().map((d) => [d.name, [d.kinds.join('+'), d.defaultThreshold, d.direction]]),
    );
    expect(table).toEqual({
      ks: ['numeric', 0.05, 'below'],
      wasserstein: ['numeric', 0.1, 'at-or-above'],
      psi: ['numeric+categorical', 0.1, 'at-or-above'],
      jensenshannon: ['numeric+categorical', 0.1, 'at-or-above'],
      chisquare: ['numeric+categorical', 0.05, 'below'],
      z: ['numeric+categorical', 0.05, 'below'],
    });
  });

  it('looks tests up by name and rejects unknown names and duplicates', () => {
    expect(getDriftTest('psi').label).toBe('Population Stability Index');
    expect(() => getDriftTest('anderson')).toThrow(InvalidArgumentError);
    expect(() => getDriftTest('anderson')).toThrow(/test = "anderson": must be one of ks,/);
    expect(() => registerDriftTest(getDriftTest('ks'))).toThrow(/already registered/);
  });
});
