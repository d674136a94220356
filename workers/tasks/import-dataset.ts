/**
 * Import task: text (or a bundled example fetched from the app's own origin) → parsed, typed
 * columns → a stored dataset version. Chunks are written before the manifest, so a failure
 * leaves nothing visible.
 */
import type { ImportRequest } from '../../src/lib/contracts/compute';
import type { DatasetVersion } from '../../src/lib/contracts/entities';
import { DataError } from '../../src/lib/contracts/errors';
import { buildColumns, parseDelimited } from '../../src/lib/data';
import { createDataset, deleteDataset, writeDatasetVersion } from '../../src/lib/db';

export async function importDataset(request: ImportRequest): Promise<DatasetVersion> {
  const text = request.text ?? (await fetchOwnOrigin(request.url, request.fileName));
  const parsed = parseDelimited(text, { fileName: request.fileName });
  const table = buildColumns(parsed);
  const dataset = await createDataset({
    name: request.name,
    ...(request.description ? { description: request.description } : {}),
  });
  try {
    return await writeDatasetVersion({
      dataset,
      parentId: null,
      schema: table.schema,
      columns: table.columns,
      source: {
        kind: request.url ? 'example' : 'file',
        name: request.fileName,
        bytes: text.length,
      },
    });
  } catch (e) {
    // A dataset without any version would show up empty; remove it so the failure leaves nothing.
    await deleteDataset(dataset.id).catch(() => undefined);
    throw e;
  }
}

async function fetchOwnOrigin(url: string | undefined, fileName: string): Promise<string> {
  if (!url) throw new DataError(`${fileName}: nothing to import (no text and no url)`);
  const resolved = new URL(url, self.location.href);
  if (resolved.origin !== self.location.origin) {
    // The app never fetches from another origin (RELIABILITY.md promise 1).
    throw new DataError(
      `${fileName}: refusing to fetch ${resolved.href}: not the app's own origin`,
    );
  }
  const response = await fetch(resolved);
  if (!response.ok) {
    throw new DataError(
      `${fileName}: could not load the bundled example (HTTP ${response.status})`,
    );
  }
  return response.text();
}
