/**
 * Import task: a File/Blob (streamed), text or own-origin url → decoded text → typed columns
 * (src/lib/data/read-table.ts) → a stored dataset version. Progress goes back at most every
 * 100 ms; cancel is checked between chunks. Nothing is created in the store until parsing has
 * succeeded, chunks are written before the manifest, and a failed or cancelled import removes
 * the dataset it created, so nothing partial is ever visible (IMPORT.md §6).
 */
import type { ImportPreview, ImportProgress, ImportRequest } from '../../src/lib/contracts/compute';
import type { ColumnType, DatasetVersion } from '../../src/lib/contracts/entities';
import { CancelledError, DataError, NotFoundError } from '../../src/lib/contracts/errors';
import type { Column } from '../../src/lib/data/columns';
import { appendTable, checkSameColumns } from '../../src/lib/data/append-table';
import { InvalidTextError } from '../../src/lib/data/decode-text';
import { PREVIEW_CHARS, previewSource } from '../../src/lib/data/preview-source';
import { readTable, type ReadTableResult } from '../../src/lib/data/read-table';
import {
  createDataset,
  deleteDataset,
  getDataset,
  listVersions,
  readColumns,
  writeDatasetVersion,
} from '../../src/lib/db';
import { preparePartWorker, splitSource } from './import-part';
import { openSource, type ImportSource } from './import-source';

/** What {@link importDataset} returns: the stored version and its columns, still in memory. */
export interface ImportResult {
  version: DatasetVersion;
  columns: Column[];
}

/** Least time between two progress reports. */
const PROGRESS_MS = 100;
/** Share of the progress bar given to reading and parsing (the rest is storing). */
const PARSE_SHARE = 0.85;

const cancelled = new Set<string>();

/**
 * Asks a running import to stop; it stops at its next chunk (or right after storing, removing
 * what it stored when it created the dataset).
 * @param importId the request's `importId`
 */
export function cancelImport(importId: string): void {
  cancelled.add(importId);
}

/**
 * Previews an import: format, encoding, delimiter, header, first rows, types and notes.
 * @param request the source and any corrections in `options`
 * @returns the preview
 * @throws DataError when the source cannot be read as a table
 */
export async function previewImport(request: ImportRequest): Promise<ImportPreview> {
  const source = await openSource(request, request.options?.encoding);
  if (source.blob) preparePartWorker(source.blob.size);
  const { text, truncated } = await source.headText(PREVIEW_CHARS);
  const preview = previewSource(text, request.fileName, request.options ?? {}, truncated);
  return { ...preview, encoding: source.encoding, notes: [...source.notes, ...preview.notes] };
}

/**
 * Imports a source as a new dataset, or as a new version of `request.appendTo`.
 * @param request source, name, options, `importId` (for cancel) and `appendTo`
 * @param onProgress progress, at most every 100 ms
 * @returns the stored version and the in-memory typed columns (for profiling without a re-read)
 * @throws DataError on malformed input, an unfitting value for a chosen type, or columns that
 *   differ from the appended dataset's; CancelledError; StorageFullError
 */
export async function importDataset(
  request: ImportRequest,
  onProgress?: (p: ImportProgress) => void,
): Promise<ImportResult> {
  const importId = request.importId ?? crypto.randomUUID();
  cancelled.delete(importId);
  const started = performance.now();
  let lastReport = -Infinity;
  let rows = 0;
  let source: ImportSource | null = null;
  const report = (phase: ImportProgress['phase'], fraction: number): void => {
    const seconds = (performance.now() - started) / 1000;
    onProgress?.({
      importId,
      phase,
      bytesRead: source?.bytesRead ?? 0,
      totalBytes: source?.totalBytes ?? null,
      rows,
      rowsPerSecond: seconds > 0 ? Math.round(rows / seconds) : 0,
      fraction: Math.min(1, Math.max(0, fraction)),
    });
  };
  const checkCancel = (): void => {
    if (cancelled.has(importId)) throw new CancelledError(`import of ${request.fileName}`);
  };

  try {
    const base = request.appendTo ? await latestVersion(request.appendTo) : null;
    const types: Record<string, ColumnType> | undefined = base
      ? Object.fromEntries(base.schema.map((c) => [c.name, c.type]))
      : request.options?.types;
    const options = { ...request.options, fileName: request.fileName, ...(types ? { types } : {}) };

    source = await openSource(request, request.options?.encoding);
    report('reading', 0);
    const src = source;
    const read = async (): Promise<ReadTableResult> =>
      readTable(
        () => src.openText(),
        options,
        async ({ rows: r }) => {
          rows = r;
          const now = performance.now();
          if (now - lastReport < PROGRESS_MS) return;
          lastReport = now;
          report('parsing', src.totalBytes ? (PARSE_SHARE * src.bytesRead) / src.totalBytes : 0);
          // Let the worker take messages (a cancel) even when the source never waits.
          await new Promise((resolve) => setTimeout(resolve, 0));
          checkCancel();
        },
        // A big delimited file: its second half is typed by a second worker (two cores).
        await splitSource(src),
      );
    let table: ReadTableResult;
    try {
      table = await read();
    } catch (e) {
      // Valid UTF-8 at the start but not further on: read it all as Windows-1252 (P3), unless
      // the user chose UTF-8.
      if (
        !(e instanceof InvalidTextError) ||
        request.options?.encoding ||
        src.encoding !== 'utf-8'
      ) {
        throw e;
      }
      src.encoding = 'windows-1252';
      src.notes.push(
        `not valid UTF-8 (${e.message.split(';')[0]}), so read as Windows-1252; if characters look wrong, save the file as UTF-8`,
      );
      table = await read();
    }
    rows = table.rowCount;
    checkCancel();
    report('typing', PARSE_SHARE);

    let schema = table.schema;
    let columns = table.columns;
    if (base) {
      checkSameColumns(base.schema, table.header, request.fileName);
      const stored = await readColumns(
        base.id,
        base.schema.map((c) => c.name),
      );
      ({ schema, columns } = appendTable({ schema: base.schema, columns: stored }, table));
      rows = columns[0]?.length ?? 0;
    }
    checkCancel();
    report('storing', PARSE_SHARE);

    const dataset = base
      ? base.datasetId
      : await createDataset({
          name: request.name,
          ...(request.description ? { description: request.description } : {}),
        });
    const source0 = {
      kind: request.url ? ('example' as const) : ('file' as const),
      name: request.fileName,
      ...(source.totalBytes !== null ? { bytes: source.totalBytes } : {}),
    };
    let version: DatasetVersion;
    try {
      version = await writeDatasetVersion({
        dataset,
        parentId: base?.id ?? null,
        schema,
        columns,
        source: source0,
        ...(src.notes.length > 0 || src.encoding !== 'utf-8'
          ? { note: [`encoding: ${src.encoding}`, ...src.notes].join('; ') }
          : {}),
      });
      // Cancelled while storing: a dataset this import created goes again (an appended version
      // cannot be taken back; it completes).
      if (!base) checkCancel();
    } catch (e) {
      // A dataset without any version would show up empty; remove it so the failure leaves nothing.
      if (typeof dataset !== 'string') await deleteDataset(dataset.id).catch(() => undefined);
      throw e;
    }
    report('done', 1);
    return { version, columns };
  } finally {
    cancelled.delete(importId);
  }
}

async function latestVersion(datasetId: string): Promise<DatasetVersion> {
  if (!(await getDataset(datasetId))) throw new NotFoundError('dataset', datasetId);
  const [latest] = await listVersions(datasetId);
  if (!latest) {
    throw new DataError(`the dataset has no version to append to; import it as a new dataset`);
  }
  return latest;
}
