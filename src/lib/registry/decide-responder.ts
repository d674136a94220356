/**
 * Who answers a serving request: the primary (the deployment alias's holder), a fallback
 * version, a rule (a fixed default answer such as the majority class or the training mean), or
 * nobody (the request is rejected). Pure: the caller runs the chosen responder, and when it
 * fails, calls again with that failure recorded, until a responder answers or the decision is
 * `reject`.
 *
 * Decision table ("next fallback" = the first version of `fallbackChain` that is not the
 * primary and has not failed for this request):
 *
 * | input valid | onInvalid  | primary failed | next fallback | rule | responder                 |
 * |-------------|------------|----------------|---------------|------|---------------------------|
 * | yes         | any        | no             | any           | any  | primary                   |
 * | yes         | any        | yes            | yes           | any  | fallback (next)           |
 * | yes         | any        | yes            | no            | yes  | rule                      |
 * | yes         | any        | yes            | no            | no   | reject (primary's error)  |
 * | no          | `reject`   | any            | any           | any  | reject (validation errors)|
 * | no          | `fallback` | any            | yes           | any  | fallback (next)           |
 * | no          | `fallback` | any            | no            | yes  | rule                      |
 * | no          | `fallback` | any            | no            | no   | reject (validation errors)|
 *
 * `onInvalid` defaults to `fallback` (a deployment's `validation` field sets it). With invalid
 * input the primary is never called, so `primaryError` does not matter there.
 */
import type { ServingIssue, ServingValidation } from './validate-serving-input';

/** A rule-based last resort: a fixed answer that needs no model (e.g. the majority class). */
export interface RuleResponder {
  /** What the rule answers, for the reason text, e.g. `majority class "Adelie"`. */
  description: string;
}

/** Inputs of {@link decideResponder}. */
export interface ResponderRequest {
  /** The serving input's validation. */
  validation: Pick<ServingValidation, 'ok' | 'errors'>;
  /** The primary's version id (the alias holder), when known; named in the decision. */
  primaryVersionId?: string | null;
  /** Why the primary failed for this request (its error message); absent when it has not. */
  primaryError?: string;
  /** Fallback version ids, in order. */
  fallbackChain: readonly string[];
  /** Fallback versions that already failed for this request, with their errors. */
  failedFallbacks?: readonly { modelVersionId: string; error: string }[];
  /** The rule-based last resort, when the deployment has one. */
  rules?: RuleResponder | null;
  /** Invalid input: reject it, or let the fallbacks answer. Default `fallback`. */
  onInvalid?: 'reject' | 'fallback';
}

/** The decision. */
export interface ResponderDecision {
  responder: 'primary' | 'fallback' | 'rule' | 'reject';
  /** The version to call (primary and fallback), when known. */
  modelVersionId?: string;
  /** Why, in a sentence. */
  reason: string;
  /** For a rejection of invalid input: the validation errors. */
  errors?: ServingIssue[];
}

/**
 * Decides who answers a request (see the decision table in the module doc).
 * @param request the validation, the failures so far, the chain and the rule
 * @returns the responder, the version id to call and the reason
 * @throws never
 * @example
 * decideResponder({ validation: { ok: true, errors: [] }, primaryVersionId: 'm@3',
 *   primaryError: 'weights failed to load', fallbackChain: ['m@2', 'm@1'] })
 * // { responder: 'fallback', modelVersionId: 'm@2',
 * //   reason: 'the primary (m@3) failed: weights failed to load; fallback m@2 answers' }
 */
export function decideResponder(request: ResponderRequest): ResponderDecision {
  const { validation, primaryVersionId, primaryError, rules } = request;
  const failed = request.failedFallbacks ?? [];
  const primary = primaryVersionId ? `the primary (${primaryVersionId})` : 'the primary';
  const failedIds = new Set(failed.map((f) => f.modelVersionId));
  // The primary listed in its own chain is skipped: it would only fail again.
  const chain = request.fallbackChain.filter((id) => id !== primaryVersionId);
  const next = chain.find((id) => !failedIds.has(id));
  const failures = failed.map((f) => `fallback ${f.modelVersionId} failed: ${f.error}`).join('; ');
  const also = failures ? `; ${failures}` : '';

  if (!validation.ok) {
    const problems = validation.errors
      .map((e) => (e.field ? `\`${e.field}\` ${e.message}` : e.message))
      .join('; ');
    const invalid = `the input is invalid (${problems || 'no details'})`;
    if (request.onInvalid === 'reject') {
      return { responder: 'reject', reason: `${invalid}; rejected`, errors: validation.errors };
    }
    if (next !== undefined) {
      return {
        responder: 'fallback',
        modelVersionId: next,
        reason: `${invalid}${also}; fallback ${next} answers`,
      };
    }
    if (rules) {
      return {
        responder: 'rule',
        reason: `${invalid}${also}; the rule answers (${rules.description})`,
      };
    }
    return {
      responder: 'reject',
      reason: `${invalid}${also}; no fallback is configured, so it is rejected`,
      errors: validation.errors,
    };
  }
  if (primaryError === undefined) {
    const decision: ResponderDecision = { responder: 'primary', reason: `${primary} answers` };
    if (primaryVersionId) decision.modelVersionId = primaryVersionId;
    return decision;
  }
  const down = `${primary} failed: ${primaryError}${also}`;
  if (next !== undefined) {
    return {
      responder: 'fallback',
      modelVersionId: next,
      reason: `${down}; fallback ${next} answers`,
    };
  }
  if (rules)
    return { responder: 'rule', reason: `${down}; the rule answers (${rules.description})` };
  const none = chain.length === 0 ? 'no fallback is configured' : 'every fallback failed';
  return { responder: 'reject', reason: `${down}; ${none}, so the request fails` };
}
