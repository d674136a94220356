import { useFreshDb } from './helpers';
import { describe, expect, it } from 'vitest';
import { BenchtopError } from '../../../src/lib/contracts/errors';
import {
  closeDb,
  createDataset,
  CURRENT_SCHEMA_VERSION,
  durabilityFor,
  getDb,
  getSetting,
  listDatasets,
  onVersionChange,
  openDb,
  putSetting,
} from '../../../src/lib/db';

/** What another tab with a newer schema does: open the same database at a higher version. */
function upgradeElsewhere(name: string, idbVersion: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, idbVersion);
    request.onblocked = () => resolve('blocked');
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      request.result.close();
      resolve('upgraded');
    };
  });
}

// Dexie stores schema version v as IndexedDB version 10 v; a newer Benchtop opens at NEXT.
const NEXT = CURRENT_SCHEMA_VERSION + 1;

describe('connection', () => {
  const t = useFreshDb();

  it('closes itself and tells the page when another tab upgrades; the upgrade is not blocked', async () => {
    await createDataset({ name: 'd' });
    const seen: unknown[] = [];
    const off = onVersionChange((info) => seen.push(info));
    expect(await upgradeElsewhere(t.name(), NEXT * 10)).toBe('upgraded');
    off();
    expect(seen).toEqual([{ oldVersion: CURRENT_SCHEMA_VERSION, newVersion: NEXT }]);
    const error = await getDb().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BenchtopError);
    expect((error as BenchtopError).code).toBe('db-closed');
    await expect(listDatasets()).rejects.toThrow(/reload this page/);
  });

  it('refuses to open a database written by a newer schema, with a reload message', async () => {
    const name = t.name();
    closeDb();
    expect(await upgradeElsewhere(name, NEXT * 10)).toBe('upgraded');
    const error = await openDb({ name }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BenchtopError);
    expect((error as BenchtopError).code).toBe('schema-newer');
  });

  it('stores settings in the meta table', async () => {
    expect(await getSetting('backendPreference')).toBeUndefined();
    await putSetting('backendPreference', 'wasm');
    expect(await getSetting<string>('backendPreference')).toBe('wasm');
  });

  it('uses relaxed durability only for chunk-only writes', () => {
    expect(durabilityFor(['chunks'], 'readwrite')).toBe('relaxed');
    expect(durabilityFor(['datasetVersions', 'chunks'], 'readwrite')).toBe('strict');
    expect(durabilityFor(['aliases', 'aliasEvents', 'meta'], 'readwrite')).toBe('strict');
    expect(durabilityFor(['chunks'], 'readonly')).toBe('default');
  });
});
