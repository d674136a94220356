import { describe, expect, it } from 'vitest';
import { sameTestData } from '../../../src/lib/registry/same-test-data';
import { classificationEval, regressionEval } from './fixtures';

describe('sameTestData', () => {
  it('accepts equal task, row count and fingerprint', () => {
    const a = classificationEval({}, { fingerprint: 9 });
    expect(sameTestData(a, classificationEval({ accuracy: 1 }, { fingerprint: 9 }))).toEqual({
      same: true,
      reason: 'both were evaluated on the same 400 test rows',
    });
  });

  it('refuses different tasks before anything else', () => {
    const check = sameTestData(
      classificationEval({}, { n: 200, fingerprint: 42 }),
      regressionEval({}),
    );
    expect(check.same).toBe(false);
    expect(check.reason).toBe(
      'the candidate is a multiclass model and the champion a regression model; their metrics cannot be compared',
    );
  });

  it('is symmetric in its verdict', () => {
    const a = classificationEval({}, { fingerprint: 1 });
    const b = classificationEval({}, { fingerprint: 0xffffffff });
    expect(sameTestData(a, b).same).toBe(sameTestData(b, a).same);
    expect(sameTestData(b, a).reason).toContain('ffffffff and 00000001');
  });
});
