/**
 * The order repositories list records in: newest first, equal times by id descending (so the
 * order is total and the same on every read).
 */

/**
 * Compares two records for `Array.prototype.sort`: larger `createdAt` first, then larger `id`.
 * @param a a record
 * @param b another record
 * @returns negative when `a` comes first, positive when `b` does, 0 for the same time and id
 * @example
 * [{ id: 'a', createdAt: 1 }, { id: 'c', createdAt: 2 }, { id: 'b', createdAt: 2 }]
 *   .sort(newestFirst).map((r) => r.id) // ['c', 'b', 'a']
 */
export function newestFirst(
  a: { createdAt: number; id: string },
  b: { createdAt: number; id: string },
): number {
  return b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}
