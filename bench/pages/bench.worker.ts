/**
 * Bench worker for I1 and S1 (PERFORMANCE.md): the import task and the store, exactly the code
 * the compute worker runs, in a module worker writing real IndexedDB. A fresh database per run
 * (identical content would otherwise be refused as a duplicate), deleted afterwards.
 */
import * as Comlink from 'comlink';
import type { ImportProgress } from '../../src/lib/contracts/compute';
import {
  closeDb,
  createDataset,
  datasetContentHash,
  encodeChunk,
  getDb,
  openDb,
  readColumns,
  writeDatasetVersion,
} from '../../src/lib/db';
import { importDataset } from '../../workers/tasks/import-dataset';
import { SPLIT_MIN_BYTES, setSplitMinBytes } from '../../workers/tasks/import-part';
import { DelimitedScanner } from '../../src/lib/data/delimited-stream';
import { readTable } from '../../src/lib/data/read-table';
import { decodeTextChunks } from '../../src/lib/data/decode-text';

function dropDb(name: string): Promise<void> {
  closeDb();
  return new Promise((resolve) => {
    const q = indexedDB.deleteDatabase(name);
    q.onsuccess = q.onerror = q.onblocked = () => resolve();
  });
}

async function* blobChunks(file: Blob): AsyncGenerator<Uint8Array> {
  const reader = file.stream().getReader();
  let parts: Uint8Array[] = [];
  let held = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    held += value.byteLength;
    if (held >= 1 << 20) {
      const out = new Uint8Array(held);
      let o = 0;
      for (const p of parts) {
        out.set(p, o);
        o += p.byteLength;
      }
      parts = [];
      held = 0;
      yield out;
    }
  }
  if (held > 0) {
    const out = new Uint8Array(held);
    let o = 0;
    for (const p of parts) {
      out.set(p, o);
      o += p.byteLength;
    }
    yield out;
  }
}

const api = {
  /** Where the time goes (a developer aid): read, read+decode, +scan, +type. */
  async profile(file: Blob) {
    const out: Record<string, number> = {};
    let t = performance.now();
    let n = 0;
    for await (const b of blobChunks(file)) n += b.length;
    out.read = performance.now() - t;
    for (const size of [1 << 20, 4 << 20, 16 << 20]) {
      t = performance.now();
      let next = file.slice(0, size).arrayBuffer();
      for (let p = 0; p < file.size; p += size) {
        const cur = await next;
        if (p + size < file.size) next = file.slice(p + size, p + 2 * size).arrayBuffer();
        n += cur.byteLength;
      }
      out[`slice${size >> 20}M`] = performance.now() - t;
    }
    t = performance.now();
    n += (await file.arrayBuffer()).byteLength;
    out.whole = performance.now() - t;
    {
      const bufs: Uint8Array[] = [];
      for await (const b of blobChunks(file)) bufs.push(b);
      const dd = new TextDecoder();
      const strs = bufs.map((b) => dd.decode(b, { stream: true }));
      let c = 0;
      t = performance.now();
      for (const b of bufs) for (let i = 0; i < b.length; i++) if (b[i] === 44) c++;
      out.countBytes = performance.now() - t;
      t = performance.now();
      for (const s of strs) for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 44) c++;
      out.countStr = performance.now() - t;
      t = performance.now();
      const sc0 = new DelimitedScanner(',');
      for (const s of strs) c += sc0.push(s).records;
      out.scanStrOnly = performance.now() - t;
      n += c;
    }
    t = performance.now();
    const dec = new TextDecoder();
    let chars = 0;
    for await (const b of blobChunks(file)) chars += dec.decode(b, { stream: true }).length;
    out.decode = performance.now() - t;
    t = performance.now();
    const dec2 = new TextDecoder();
    const sc = new DelimitedScanner(',');
    let recs = 0;
    for await (const b of blobChunks(file)) recs += sc.push(dec2.decode(b, { stream: true })).records;
    out.scan = performance.now() - t;
    t = performance.now();
    const table = await readTable(() => decodeTextChunks(blobChunks(file), 'utf-8', 'i1.csv'), {
      fileName: 'i1.csv',
    });
    out.readTable = performance.now() - t;
    t = performance.now();
    await datasetContentHash(table.schema, table.columns);
    out.hashSeq = performance.now() - t;
    t = performance.now();
    {
      const ps: Promise<unknown>[] = [];
      for (const c of table.columns)
        for (let k = 0; k < 16; k++) ps.push(crypto.subtle.digest('SHA-256', c.slice(k * 65536, (k + 1) * 65536)));
      await Promise.all(ps);
    }
    out.hashPar = performance.now() - t;
    t = performance.now();
    const payloads: ArrayBuffer[] = [];
    for (const c of table.columns)
      for (let k = 0; k < 16; k++)
        payloads.push(await encodeChunk({ versionId: 'x', column: 0, index: k }, c.subarray(k * 65536, (k + 1) * 65536)));
    out.encode = performance.now() - t;
    const name = `bench-prof-${Date.now()}`;
    await openDb({ name });
    try {
      const db = await getDb();
      t = performance.now();
      let i = 0;
      for (let b = 0; b < payloads.length; b += 64) {
        await db.chunks.bulkPut(payloads.slice(b, b + 64).map((payload) => ({ versionId: 'v', column: i >> 4, index: i++ & 15, payload })));
      }
      out.put = performance.now() - t;
      const dataset = await createDataset({ name: 'p' });
      t = performance.now();
      await writeDatasetVersion({ dataset, parentId: null, schema: table.schema, columns: table.columns, source: { kind: 'file', name: 'p' } });
      out.writeVersion = performance.now() - t;
    } finally {
      await dropDb(name);
    }
    out.rows = table.rowCount + 0 * n + 0 * chars + 0 * recs;
    return out;
  },

  async importFile(
    file: Blob,
    run: number,
    onProgress: (p: ImportProgress) => void,
    split = true,
  ) {
    setSplitMinBytes(split ? SPLIT_MIN_BYTES : Infinity);
    const name = `bench-i1-${run}-${Date.now()}`;
    await openDb({ name });
    try {
      const t0 = performance.now();
      // When each phase was first reported, in ms from the start (the parse/store split).
      const phases: Record<string, number> = {};
      const { version } = await importDataset(
        { name: 'i1', fileName: 'i1.csv', file, importId: `i1-${run}` },
        (p) => {
          phases[p.phase] ??= Math.round(performance.now() - t0);
          onProgress(p);
        },
      );
      const ms = performance.now() - t0;
      return { ms, rows: version.rowCount, types: version.schema.map((c) => c.type), phases };
    } finally {
      await dropDb(name);
    }
  },

  async store(rows: number, cols: number, run: number) {
    const name = `bench-s1-${run}-${Date.now()}`;
    await openDb({ name });
    try {
      let seed = run + 1;
      const columns = Array.from({ length: cols }, () => {
        const c = new Float64Array(rows);
        for (let i = 0; i < rows; i++) {
          seed = (Math.imul(seed, 1103515245) + 12345) | 0;
          c[i] = seed / 2 ** 31;
        }
        return c;
      });
      const schema = columns.map((_, j) => ({
        name: `x${j}`,
        type: 'number' as const,
        encoding: 'f64' as const,
        missing: 0,
      }));
      const dataset = await createDataset({ name: 's1' });
      const t0 = performance.now();
      const version = await writeDatasetVersion({
        dataset,
        parentId: null,
        schema,
        columns,
        source: { kind: 'file', name: 's1' },
      });
      const t1 = performance.now();
      const back = await readColumns(
        version.id,
        schema.map((c) => c.name),
      );
      const t2 = performance.now();
      const ok = back.every((c, j) => c.length === rows && c[rows - 1] === columns[j]![rows - 1]);
      return { writeMs: t1 - t0, readMs: t2 - t1, ok };
    } finally {
      await dropDb(name);
    }
  },
};

export type BenchWorker = typeof api;
Comlink.expose(api);
