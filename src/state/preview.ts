/** Reads the first rows of a dataset version as display text (for the Data view). */
import type { DatasetVersion } from '../lib/contracts/entities';
import { readColumn } from '../lib/db';

export async function previewRows(version: DatasetVersion, count: number): Promise<string[][]> {
  const n = Math.min(count, version.rowCount);
  const columns = await Promise.all(version.schema.map((_, i) => readColumn(version.id, i)));
  const rows: string[][] = [];
  for (let r = 0; r < n; r++) {
    rows.push(
      version.schema.map((c, i) => {
        const v = columns[i]![r]!;
        if (c.encoding === 'dict') return v < 0 ? '' : (c.dictionary?.[v] ?? '');
        if (Number.isNaN(v)) return '';
        return c.type === 'datetime' ? new Date(v).toISOString() : String(v);
      }),
    );
  }
  return rows;
}
