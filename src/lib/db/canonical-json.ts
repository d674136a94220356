/**
 * Canonical JSON for hashing: object keys sorted by code unit, no whitespace, `undefined`
 * properties dropped (as `JSON.stringify` does). Equal values always give equal text, whatever
 * order their keys were written in.
 */
import { InvalidArgumentError } from '../contracts/errors';

/**
 * Serialises a plain JSON value canonically.
 * @param value null, boolean, finite number, string, array or plain object of these
 * @returns the canonical JSON text
 * @throws {InvalidArgumentError} for non-finite numbers or non-JSON values (they would hash
 *   ambiguously: `JSON.stringify(NaN)` is `null`)
 * @example
 * canonicalJson({ b: 1, a: [true, null] }) // '{"a":[true,null],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') {
    return JSON.stringify(value);
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new InvalidArgumentError('value', value, 'canonical JSON needs finite numbers');
    }
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  }
  if (typeof value === 'object' && !ArrayBuffer.isView(value) && !(value instanceof ArrayBuffer)) {
    const entries = Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  throw new InvalidArgumentError('value', String(value), 'is not a JSON value');
}
