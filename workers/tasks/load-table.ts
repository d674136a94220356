/**
 * Reads a stored dataset version's columns into memory (inside the worker). The most recently
 * used table is kept, because the Data view asks for profile, rows, report and suite runs of the
 * same version one after another; versions are immutable, so the copy can never be stale.
 */
import type { ColumnSchema, DatasetVersion } from '../../src/lib/contracts/entities';
import { NotFoundError } from '../../src/lib/contracts/errors';
import type { Column } from '../../src/lib/data';
import { getVersion, readColumns } from '../../src/lib/db';

export interface LoadedTable {
  version: DatasetVersion;
  columns: Column[];
}

let last: Promise<LoadedTable> | null = null;
let lastId: string | null = null;

export function loadTable(versionId: string): Promise<LoadedTable> {
  if (last && lastId === versionId) return last;
  const loading = (async () => {
    const version = await getVersion(versionId);
    if (!version) throw new NotFoundError('dataset version', versionId);
    const columns = await readColumns(
      versionId,
      version.schema.map((c) => c.name),
    );
    return { version, columns };
  })();
  last = loading;
  lastId = versionId;
  loading.catch(() => {
    if (last === loading) {
      last = null;
      lastId = null;
    }
  });
  return loading;
}

/** Remembers a table just built in memory (e.g. by an import) so it is not read back. */
export function rememberTable(table: LoadedTable): void {
  last = Promise.resolve(table);
  lastId = table.version.id;
}

/** Formats rows of a table as display text (missing values as empty strings). */
export function formatRows(table: LoadedTable, rows: readonly number[]): string[][] {
  const { version, columns } = table;
  return rows.map((r) => {
    if (!Number.isInteger(r) || r < 0 || r >= version.rowCount) {
      throw new NotFoundError('row', String(r + 1));
    }
    return version.schema.map((c, j) => {
      const v = columns[j]![r]!;
      if (c.encoding === 'dict') return v < 0 ? '' : (c.dictionary?.[v] ?? '');
      if (Number.isNaN(v)) return '';
      return c.type === 'datetime' ? new Date(v).toISOString() : String(v);
    });
  });
}

/**
 * A stored cell as a serving input or label reads it: a dictionary column's string (null for a
 * missing code), NaN as null, a datetime as its ISO text, any other number as is.
 * @example
 * cellValue({ name: 'island', type: 'categorical', encoding: 'dict', dictionary: ['Biscoe'] }, 0)
 * // 'Biscoe'
 */
export function cellValue(c: ColumnSchema, v: number): string | number | null {
  if (c.encoding === 'dict') return v < 0 ? null : (c.dictionary?.[v] ?? null);
  if (Number.isNaN(v)) return null;
  return c.type === 'datetime' ? new Date(v).toISOString() : v;
}
