/**
 * Maps the browser's storage failures to Benchtop's typed errors.
 *
 * A full disk surfaces in many shapes: a `DOMException` named `QuotaExceededError`, Dexie's
 * `QuotaExceededError`, or either one nested as `inner` of a Dexie `AbortError`, in the
 * `failures` of a `BulkError`, or as an `Error.cause`. All of them become {@link StorageFullError}.
 */
import { BenchtopError, StorageFullError } from '../contracts/errors';

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);

/**
 * Whether an error, or any error nested in it, is a quota (storage full) error.
 * @param error any thrown value
 * @returns true when a `QuotaExceededError` is found at any depth (max 8 levels)
 * @example
 * isQuotaExceeded(new DOMException('full', 'QuotaExceededError')) // true
 * isQuotaExceeded(new Error('x')) // false
 */
export function isQuotaExceeded(error: unknown, depth = 0): boolean {
  if (depth > 8 || error === null || typeof error !== 'object') return false;
  const e = error as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  if (typeof e.name === 'string' && QUOTA_NAMES.has(e.name)) return true;
  if (isQuotaExceeded(e.inner, depth + 1) || isQuotaExceeded(e.cause, depth + 1)) return true;
  if (Array.isArray(e.failures)) return e.failures.some((f) => isQuotaExceeded(f, depth + 1));
  return false;
}

/**
 * Converts a storage failure to a typed error: quota errors become {@link StorageFullError};
 * Benchtop errors pass through, unwrapped from Dexie's `inner` (Dexie re-wraps errors thrown
 * inside a transaction whose `name` matches one of its own, e.g. `NotFoundError`, `DataError`);
 * anything else is returned unchanged.
 * @param error the thrown value
 * @param what what was being written, for the message (e.g. `dataset version "ab12…"`)
 * @returns the error to rethrow
 * @example
 * toStorageError(new DOMException('', 'QuotaExceededError'), 'runs').message
 * // 'storage is full (while writing runs); free space by deleting old datasets or runs, ...'
 */
export function toStorageError(error: unknown, what: string): unknown {
  const own = findBenchtopError(error, 0);
  if (own) return own;
  if (isQuotaExceeded(error)) return new StorageFullError(`while writing ${what}`);
  return error;
}

/**
 * Runs a storage write and rethrows its failure through {@link toStorageError}.
 * @param what what is being written, for the message
 * @param write the write to run
 * @returns the write's result
 * @throws {StorageFullError} when the browser refused the write for lack of space
 * @example
 * await withStorageErrors('run "r1"', () => db.runs.put(run));
 */
export async function withStorageErrors<T>(what: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw toStorageError(error, what);
  }
}

function findBenchtopError(error: unknown, depth: number): BenchtopError | undefined {
  if (error instanceof BenchtopError) return error;
  if (depth > 8 || error === null || typeof error !== 'object') return undefined;
  const e = error as { inner?: unknown; cause?: unknown };
  return findBenchtopError(e.inner, depth + 1) ?? findBenchtopError(e.cause, depth + 1);
}
