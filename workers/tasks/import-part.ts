/**
 * Reading a big delimited file on two cores (IMPORT.md §2, "two workers"): the file is cut at
 * a line break near the middle; a second worker types the rows after the cut while the import
 * worker reads the rows before it, and the two halves' columns are merged. The second half is
 * used only if the cut turns out to be a record boundary (not inside quotes) and every column
 * was typed in the same mode on both sides; otherwise the import worker reads the second half
 * itself, so the result is always exactly the one-pass result.
 */
import type { TextEncoding } from '../../src/lib/contracts/compute';
import {
  DelimitedTableBuilder,
  type DelimitedTableOptions,
  type TablePart,
} from '../../src/lib/data/delimited-table';
import type { SplitSource } from '../../src/lib/data/read-table';
import { decodeBlobRange, type ImportSource } from './import-source';

/** Files smaller than this are read by one worker (default; see {@link setSplitMinBytes}). */
export const SPLIT_MIN_BYTES = 32 * 1024 * 1024;

let splitMin = SPLIT_MIN_BYTES;

/**
 * Sets the smallest file read by two workers (tests and benchmarks; `Infinity` turns it off).
 * @param bytes the threshold
 */
export function setSplitMinBytes(bytes: number): void {
  splitMin = bytes;
}

/** Bytes looked at after the middle for a line break. */
const SEARCH_BYTES = 1 << 20;

/** What the second worker is asked to read. */
export interface PartRequest {
  blob: Blob;
  start: number;
  end: number;
  encoding: TextEncoding;
  options: DelimitedTableOptions & { header: string[] };
}

/** What it answers (`progress` messages carry bytes read so far). */
export type PartMessage =
  { kind: 'progress'; bytes: number } | { kind: 'done'; part: TablePart } | { kind: 'failed' };

/**
 * Reads bytes `[start, end)` of a blob (starting at a record boundary) into a table part.
 * @param request the blob, range, encoding and builder options (with the header's names)
 * @param onBytes bytes read so far, after each piece
 * @returns the part
 * @throws DataError / InvalidTextError on anything the builder or decoder refuses
 */
export async function readPart(
  request: PartRequest,
  onBytes?: (bytes: number) => void,
): Promise<TablePart> {
  const { blob, start, end, encoding, options } = request;
  const builder = new DelimitedTableBuilder(options);
  const counter = { bytesRead: 0 };
  for await (const c of decodeBlobRange(blob, start, end, encoding, options.fileName, counter)) {
    builder.push(c.text, c.bytes);
    onBytes?.(counter.bytesRead);
  }
  return builder.exportPart();
}

/** The typed arrays of a part (to transfer them). */
export function partBuffers(part: TablePart): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const c of part.columns) {
    for (const a of c.f64 ?? c.i32 ?? []) if (a.buffer instanceof ArrayBuffer) out.add(a.buffer);
  }
  return [...out];
}

/** Runs a {@link PartRequest} somewhere; resolves to the part or null. */
export type PartRunner = (
  request: PartRequest,
  onBytes: (bytes: number) => void,
) => { result: Promise<TablePart | null>; cancel(): void };

/**
 * A part worker that answered its request (or never got one) and is kept, its code loaded and
 * compiled, for the next big import; starting a worker takes a few hundred ms under load.
 */
let idleWorker: Worker | null = null;

function partWorker(): Worker {
  const kept = idleWorker;
  idleWorker = null;
  return (
    kept ?? new Worker(new URL('./import-part.worker.ts', import.meta.url), { type: 'module' })
  );
}

/**
 * Starts a second worker ahead of an import of a file big enough to be cut in two (called by
 * the preview, which the user sees first), so that its start-up is not paid by the import.
 * @param bytes the file's size
 */
export function preparePartWorker(bytes: number): void {
  if (idleWorker || bytes < splitMin || typeof Worker === 'undefined') return;
  idleWorker = partWorker();
}

/** Keeps a worker that has no request running for the next import (one is kept at most). */
function keep(worker: Worker): void {
  worker.onmessage = null;
  worker.onerror = null;
  worker.onmessageerror = null;
  if (idleWorker) worker.terminate();
  else idleWorker = worker;
}

/** Runs a part in a module worker (`import-part.worker.ts`). */
export const workerRunner: PartRunner = (request, onBytes) =>
  runInWorker(partWorker(), request, onBytes);

/**
 * A {@link workerRunner} whose worker is started now (or was kept from an earlier import), so
 * that it has loaded its code by the time the request comes (the header must be read first).
 * @returns the runner (for one request) and `dispose`, which puts the worker back when no
 *   request came (harmless after one)
 */
export function preparedWorkerRunner(): { runner: PartRunner; dispose(): void } {
  let worker: Worker | null = partWorker();
  return {
    runner: (request, onBytes) => {
      const w = worker ?? partWorker();
      worker = null;
      return runInWorker(w, request, onBytes);
    },
    dispose: () => {
      if (worker) keep(worker);
      worker = null;
    },
  };
}

function runInWorker(
  worker: Worker,
  request: PartRequest,
  onBytes: (bytes: number) => void,
): ReturnType<PartRunner> {
  let settle: (p: TablePart | null) => void = () => undefined;
  const result = new Promise<TablePart | null>((resolve) => {
    settle = resolve;
  });
  let settled = false;
  // A worker that answered is kept for the next import; one stopped mid-way (cancel, error)
  // is terminated, which also stops its reading.
  const stop = (part: TablePart | null, answered = false): void => {
    if (settled) return;
    settled = true;
    if (answered) keep(worker);
    else worker.terminate();
    settle(part);
  };
  worker.onmessage = (e: MessageEvent<PartMessage>) => {
    const m = e.data;
    if (m.kind === 'progress') onBytes(m.bytes);
    else stop(m.kind === 'done' ? m.part : null, m.kind === 'done');
  };
  worker.onerror = () => stop(null);
  worker.onmessageerror = () => stop(null);
  worker.postMessage(request);
  return { result, cancel: () => stop(null) };
}

/** Runs a part in this thread (no Worker: Node tests), interleaved with the first half. */
export const inlineRunner: PartRunner = (request, onBytes) => {
  let cancelled = false;
  const result = readPart(request, (b) => {
    if (cancelled) throw new Error('cancelled');
    onBytes(b);
  }).catch(() => null);
  return {
    result: result.then((p) => (cancelled ? null : p)),
    cancel: () => {
      cancelled = true;
    },
  };
};

/**
 * Cuts a byte source in two for {@link readTable}'s `split`, when it is big enough and in a
 * one-byte-per-ASCII-character encoding.
 * @param source the import source (a blob source)
 * @param runner where the second half is read (default: a worker when workers exist)
 * @param minBytes smallest file to cut (tests use tiny ones)
 * @returns the split source, or undefined when the file is read in one piece
 */
export async function splitSource(
  source: ImportSource,
  runner?: PartRunner,
  minBytes = splitMin,
): Promise<SplitSource | undefined> {
  const blob = source.blob;
  if (!runner && typeof Worker === 'undefined') return undefined;
  if (!blob || !source.openRange || blob.size < minBytes) return undefined;
  if (source.encoding !== 'utf-8' && source.encoding !== 'windows-1252') return undefined;
  const mid = Math.floor(blob.size / 2);
  const window = new Uint8Array(await blob.slice(mid, mid + SEARCH_BYTES).arrayBuffer());
  const lf = window.indexOf(10);
  if (lf < 0) return undefined;
  const cut = mid + lf + 1;
  if (cut >= blob.size) return undefined;
  // The second worker loads while the header is read here (readTable cancels it when unused).
  const prepared = runner ? null : preparedWorkerRunner();
  const run = runner ?? prepared!.runner;
  const openRange = source.openRange.bind(source);
  let running: ReturnType<PartRunner> | null = null;
  let restBytes = 0;
  return {
    openFirst: () => {
      source.bytesRead = 0;
      restBytes = 0;
      return openRange(0, cut);
    },
    openRest: () => openRange(cut, blob.size),
    readRest(options) {
      running = run(
        { blob, start: cut, end: blob.size, encoding: source.encoding, options },
        (b) => {
          // Progress: the second half's bytes count as read too.
          source.bytesRead += b - restBytes;
          restBytes = b;
        },
      );
      return running.result;
    },
    cancel() {
      running?.cancel();
      running = null;
      prepared?.dispose();
    },
  };
}
