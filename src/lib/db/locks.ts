/**
 * Cross-tab coordination through the Web Locks API (`navigator.locks`), available in pages and
 * workers. Where it is missing (Node tests, very old browsers) the callback simply runs.
 */

/** Lock held shared by chunk writers and exclusively by the orphan-chunk cleaner. */
export const CHUNK_WRITE_LOCK = 'benchtop:chunk-writes';

/**
 * Runs `fn` holding the named Web Lock.
 * @param name lock name
 * @param mode `shared` or `exclusive`
 * @param fn the work to do while holding the lock
 * @param ifAvailable when true and the lock is taken, `fn` is not run and `undefined` returned
 * @returns the result of `fn`, or `undefined` when skipped
 * @example
 * await withLock(CHUNK_WRITE_LOCK, 'shared', () => writeChunks());
 */
export async function withLock<T>(
  name: string,
  mode: 'shared' | 'exclusive',
  fn: () => Promise<T>,
  ifAvailable = false,
): Promise<T | undefined> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return fn();
  return locks.request(name, { mode, ifAvailable }, async (lock) =>
    lock === null ? undefined : fn(),
  );
}
