/**
 * Small readers for values parsed from untrusted JSON: each checks one value's type and returns
 * it typed, or calls `fail` with a message naming where the value sits (`signature.inputs[2].name`)
 * and what was found. Keys are read with `Object.hasOwn`, never through the prototype.
 */
import { formatValue } from '../contracts/errors';

/** Throws the caller's error with a message. */
export type Fail = (message: string) => never;

/** A JSON object (not null, not an array). */
export type JsonRecord = Record<string, unknown>;

/**
 * Whether a value is a JSON object.
 * @param v any value
 * @returns true for a non-null, non-array object
 * @throws never
 * @example
 * isRecord([]) // false
 */
export function isRecord(v: unknown): v is JsonRecord {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * An own property of an object, or undefined.
 * @param obj the object
 * @param key the key
 * @returns the value of the own property
 * @throws never
 * @example
 * own({}, 'constructor') // undefined
 */
export function own(obj: JsonRecord, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/**
 * Reads a JSON object.
 * @param v the value
 * @param where its path, for the message
 * @param fail the error thrower
 * @returns the object
 * @throws whatever `fail` throws, when `v` is not an object
 * @example
 * readRecord({ a: 1 }, 'meta', fail) // { a: 1 }
 */
export function readRecord(v: unknown, where: string, fail: Fail): JsonRecord {
  if (!isRecord(v)) fail(`${where} must be an object, not ${formatValue(v)}`);
  return v;
}

/**
 * Reads a string (non-empty unless `allowEmpty`).
 * @param v the value
 * @param where its path
 * @param fail the error thrower
 * @param allowEmpty accept ''
 * @returns the string
 * @throws whatever `fail` throws
 * @example
 * readString('a', 'name', fail) // 'a'
 */
export function readString(v: unknown, where: string, fail: Fail, allowEmpty = false): string {
  if (typeof v !== 'string' || (!allowEmpty && v === '')) {
    fail(`${where} must be a${allowEmpty ? '' : ' non-empty'} string, not ${formatValue(v)}`);
  }
  return v;
}

/**
 * Reads a finite number.
 * @param v the value
 * @param where its path
 * @param fail the error thrower
 * @returns the number
 * @throws whatever `fail` throws
 * @example
 * readFinite(1.5, 'mean', fail) // 1.5
 */
export function readFinite(v: unknown, where: string, fail: Fail): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    fail(`${where} must be a finite number, not ${formatValue(v)}`);
  }
  return v;
}

/**
 * Reads an array of strings.
 * @param v the value
 * @param where its path
 * @param fail the error thrower
 * @returns a copy of the array
 * @throws whatever `fail` throws
 * @example
 * readStringArray(['a'], 'categories', fail) // ['a']
 */
export function readStringArray(v: unknown, where: string, fail: Fail): string[] {
  if (!Array.isArray(v)) fail(`${where} must be an array of strings, not ${formatValue(v)}`);
  return v.map((s: unknown, i) => readString(s, `${where}[${i}]`, fail, true));
}

/**
 * Reads an array of finite numbers.
 * @param v the value
 * @param where its path
 * @param fail the error thrower
 * @returns a copy of the array
 * @throws whatever `fail` throws
 * @example
 * readFiniteArray([1, 2], 'center', fail) // [1, 2]
 */
export function readFiniteArray(v: unknown, where: string, fail: Fail): number[] {
  if (!Array.isArray(v)) fail(`${where} must be an array of numbers, not ${formatValue(v)}`);
  return v.map((x: unknown, i) => readFinite(x, `${where}[${i}]`, fail));
}

/**
 * Reads one of a fixed set of strings.
 * @param v the value
 * @param allowed the accepted values
 * @param where its path
 * @param fail the error thrower
 * @returns the value, typed
 * @throws whatever `fail` throws
 * @example
 * readOneOf('mean', ['mean', 'median'] as const, 'impute', fail) // 'mean'
 */
export function readOneOf<T extends string>(
  v: unknown,
  allowed: readonly T[],
  where: string,
  fail: Fail,
): T {
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
    fail(`${where} must be one of ${allowed.join(', ')}, not ${formatValue(v)}`);
  }
  return v as T;
}
