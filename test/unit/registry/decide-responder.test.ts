import { describe, expect, it } from 'vitest';
import { decideResponder, type ResponderRequest } from '../../../src/lib/registry/decide-responder';

const valid = { ok: true, errors: [] };
const invalid = {
  ok: false,
  errors: [{ field: 'age', value: 'abc', message: '"abc" is not a number' }],
};
const rule = { description: 'majority class "Adelie"' };

describe('decideResponder: the decision table', () => {
  // One row per line of the table in the module doc.
  const table: [string, ResponderRequest, string, string | undefined][] = [
    [
      'valid, primary ok',
      { validation: valid, primaryVersionId: 'm@3', fallbackChain: ['m@2'] },
      'primary',
      'm@3',
    ],
    [
      'valid, primary failed, fallback left',
      {
        validation: valid,
        primaryVersionId: 'm@3',
        primaryError: 'boom',
        fallbackChain: ['m@2', 'm@1'],
      },
      'fallback',
      'm@2',
    ],
    [
      'valid, primary failed, no fallback, rule',
      { validation: valid, primaryError: 'boom', fallbackChain: [], rules: rule },
      'rule',
      undefined,
    ],
    [
      'valid, primary failed, nothing',
      { validation: valid, primaryError: 'boom', fallbackChain: [] },
      'reject',
      undefined,
    ],
    [
      'invalid, reject mode',
      { validation: invalid, fallbackChain: ['m@2'], rules: rule, onInvalid: 'reject' },
      'reject',
      undefined,
    ],
    [
      'invalid, fallback mode, fallback left',
      { validation: invalid, fallbackChain: ['m@2'], onInvalid: 'fallback' },
      'fallback',
      'm@2',
    ],
    [
      'invalid, fallback mode, rule',
      { validation: invalid, fallbackChain: [], rules: rule },
      'rule',
      undefined,
    ],
    [
      'invalid, fallback mode, nothing',
      { validation: invalid, fallbackChain: [] },
      'reject',
      undefined,
    ],
  ];
  it.each(table)('%s', (_, request, responder, versionId) => {
    const d = decideResponder(request);
    expect(d.responder).toBe(responder);
    expect(d.modelVersionId).toBe(versionId);
  });
});

describe('decideResponder: details', () => {
  it('explains a fallback answer', () => {
    expect(
      decideResponder({
        validation: valid,
        primaryVersionId: 'm@3',
        primaryError: 'weights failed to load',
        fallbackChain: ['m@2', 'm@1'],
      }),
    ).toEqual({
      responder: 'fallback',
      modelVersionId: 'm@2',
      reason: 'the primary (m@3) failed: weights failed to load; fallback m@2 answers',
    });
  });

  it('walks the chain as fallbacks fail, then the rule, then rejects', () => {
    const base = {
      validation: valid,
      primaryVersionId: 'm@3',
      primaryError: 'boom',
      fallbackChain: ['m@2', 'm@1'],
    };
    const second = decideResponder({
      ...base,
      failedFallbacks: [{ modelVersionId: 'm@2', error: 'NaN output' }],
    });
    expect(second).toMatchObject({ responder: 'fallback', modelVersionId: 'm@1' });
    expect(second.reason).toBe(
      'the primary (m@3) failed: boom; fallback m@2 failed: NaN output; fallback m@1 answers',
    );
    const failedAll = [
      { modelVersionId: 'm@2', error: 'x' },
      { modelVersionId: 'm@1', error: 'y' },
    ];
    expect(decideResponder({ ...base, failedFallbacks: failedAll, rules: rule })).toEqual({
      responder: 'rule',
      reason:
        'the primary (m@3) failed: boom; fallback m@2 failed: x; fallback m@1 failed: y; the rule answers (majority class "Adelie")',
    });
    const none = decideResponder({ ...base, failedFallbacks: failedAll });
    expect(none.responder).toBe('reject');
    expect(none.reason).toMatch(/every fallback failed, so the request fails$/);
  });

  it('skips the primary when it is listed in its own chain', () => {
    const d = decideResponder({
      validation: valid,
      primaryVersionId: 'm@3',
      primaryError: 'boom',
      fallbackChain: ['m@3'],
    });
    expect(d.responder).toBe('reject');
    expect(d.reason).toMatch(/no fallback is configured/);
  });

  it('rejects invalid input with the errors, in reject mode and with nothing to fall back to', () => {
    const rejected = decideResponder({
      validation: invalid,
      fallbackChain: ['m@2'],
      onInvalid: 'reject',
    });
    expect(rejected).toEqual({
      responder: 'reject',
      reason: 'the input is invalid (`age` "abc" is not a number); rejected',
      errors: invalid.errors,
    });
    const nothing = decideResponder({ validation: invalid, fallbackChain: [] });
    expect(nothing.errors).toEqual(invalid.errors);
    expect(nothing.reason).toMatch(/no fallback is configured, so it is rejected$/);
  });

  it('ignores a primary error for invalid input (the primary is not called)', () => {
    const d = decideResponder({
      validation: invalid,
      primaryError: 'boom',
      fallbackChain: ['m@2'],
    });
    expect(d).toMatchObject({ responder: 'fallback', modelVersionId: 'm@2' });
    expect(d.reason).not.toContain('boom');
  });

  it('answers with the primary without knowing its id', () => {
    expect(decideResponder({ validation: valid, fallbackChain: [] })).toEqual({
      responder: 'primary',
      reason: 'the primary answers',
    });
  });
});
