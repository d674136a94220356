/**
 * Serving health of a window: the share of requests whose input failed validation (answered by
 * a fallback, or rejected and therefore not in the log) and the share answered by a fallback.
 */
import type { PredictionLogEntry } from '../contracts/entities';

/** Rates of a window. */
export interface WindowRates {
  /** (invalid logged entries + rejects) / (logged entries + rejects); 0 for no request. */
  validationFailureRate: number;
  /** Entries answered by a fallback / logged entries; 0 for no entry. */
  fallbackRate: number;
}

/**
 * The rates of a window.
 * @param entries the window's log entries
 * @param rejected requests rejected for invalid input in the window's span
 * @returns the validation-failure and fallback rates
 * @example
 * windowRates([{ responder: 'fallback', invalid: true }, { responder: 'primary' }], 2)
 * // { validationFailureRate: 0.75, fallbackRate: 0.5 }
 */
export function windowRates(
  entries: readonly Pick<PredictionLogEntry, 'responder' | 'invalid'>[],
  rejected: number,
): WindowRates {
  let invalid = 0;
  let fallback = 0;
  for (const e of entries) {
    if (e.invalid) invalid++;
    if (e.responder === 'fallback') fallback++;
  }
  const requests = entries.length + rejected;
  return {
    validationFailureRate: requests === 0 ? 0 : (invalid + rejected) / requests,
    fallbackRate: entries.length === 0 ? 0 : fallback / entries.length,
  };
}
