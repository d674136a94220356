/**
 * Bench worker for I1 and S1 (PERFORMANCE.md): the import task and the store, exactly the code
 * the compute worker runs, in a module worker writing real IndexedDB. A fresh database per run
 * (identical content would otherwise be refused as a duplicate), deleted afterwards.
 */
import * as Comlink from 'comlink';
import type { ImportProgress } from '../../src/lib/contracts/compute';
import { closeDb, createDataset, openDb, readColumns, writeDatasetVersion } from '../../src/lib/db';
import { importDataset } from '../../workers/tasks/import-dataset';
import { profileImported } from '../../workers/tasks/quality';
import { SPLIT_MIN_BYTES, setSplitMinBytes } from '../../workers/tasks/import-part';

function dropDb(name: string): Promise<void> {
  closeDb();
  return new Promise((resolve) => {
    const q = indexedDB.deleteDatabase(name);
    q.onsuccess = q.onerror = q.onblocked = () => resolve();
  });
}

const api = {
  /** `split`: whether a big file may be read by two workers (I1_SPLIT=0 turns it off). */
  async importFile(file: Blob, run: number, onProgress: (p: ImportProgress) => void, split = true) {
    setSplitMinBytes(split ? SPLIT_MIN_BYTES : Infinity);
    const name = `bench-i1-${run}-${Date.now()}`;
    await openDb({ name });
    try {
      const t0 = performance.now();
      // When each phase was first reported, in ms from the start (the parse/store split).
      const phases: Record<string, number> = {};
      const table = await importDataset(
        { name: 'i1', fileName: 'i1.csv', file, importId: `i1-${run}` },
        (p) => {
          phases[p.phase] ??= Math.round(performance.now() - t0);
          onProgress(p);
        },
      );
      const { version } = table;
      phases.stored = Math.round(performance.now() - t0);
      // The app profiles every import while its columns are in memory (compute.worker.ts), and
      // issue 3's I1 is "parsed, typed, profiled, stored": the same call, timed here too.
      await profileImported(table);
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
