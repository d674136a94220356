/**
 * JSON parsing for untrusted files (RELIABILITY X5): a reviver drops every `__proto__`,
 * `constructor` and `prototype` key, so nothing read from a file can reach an object's
 * prototype when it is later spread, merged or assigned.
 */

const DROPPED = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * `JSON.parse` with the prototype-safe reviver.
 * @param text JSON text
 * @returns the parsed value without `__proto__` / `constructor` / `prototype` keys at any depth
 * @throws SyntaxError for invalid JSON (as `JSON.parse`)
 * @example
 * safeJsonParse('{"__proto__": {"polluted": 1}, "a": 1}') // { a: 1 }
 */
export function safeJsonParse(text: string): unknown {
  return JSON.parse(text, (key, value: unknown) => (DROPPED.has(key) ? undefined : value));
}
