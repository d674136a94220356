/**
 * Small key/value app settings and bookkeeping in the `meta` table.
 */
import { getDb } from './connection';
import { withStorageErrors } from './storage-errors';

/**
 * Reads a setting.
 * @param key the setting's key
 * @returns the stored value, or `undefined`
 * @example
 * await getSetting<boolean>('persistAsked') // true
 */
export async function getSetting<T>(key: string): Promise<T | undefined> {
  const db = await getDb();
  return (await db.meta.get(key))?.value as T | undefined;
}

/**
 * Writes a setting (structured-clone-safe values only).
 * @param key the setting's key
 * @param value the value
 * @throws {StorageFullError} when the browser has no space left
 * @example
 * await putSetting('persistAsked', true);
 */
export async function putSetting(key: string, value: unknown): Promise<void> {
  const db = await getDb();
  await withStorageErrors(`setting "${key}"`, () => db.meta.put({ key, value }));
}
