/** Reads a stored dataset version's columns into memory (inside the worker). */
import type { DatasetVersion } from '../../src/lib/contracts/entities';
import { NotFoundError } from '../../src/lib/contracts/errors';
import type { Column } from '../../src/lib/data';
import { getVersion, readColumns } from '../../src/lib/db';

export interface LoadedTable {
  version: DatasetVersion;
  columns: Column[];
}

export async function loadTable(versionId: string): Promise<LoadedTable> {
  const version = await getVersion(versionId);
  if (!version) throw new NotFoundError('dataset version', versionId);
  const columns = await readColumns(
    versionId,
    version.schema.map((c) => c.name),
  );
  return { version, columns };
}
