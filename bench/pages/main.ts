/**
 * Bench page: drives the bench worker and watches the main thread. Every long task (> 50 ms,
 * PerformanceObserver 'longtask') is recorded; progress updates a real <progress> element, as
 * the app would.
 */
import * as Comlink from 'comlink';
import type { ImportProgress } from '../../src/lib/contracts/compute';
import type { BenchWorker } from './bench.worker';

const worker = Comlink.wrap<BenchWorker>(
  new Worker(new URL('./bench.worker.ts', import.meta.url), { type: 'module' }),
);
let longest = 0;
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) longest = Math.max(longest, e.duration);
}).observe({ type: 'longtask', buffered: true });

const bar = document.getElementById('progress') as HTMLProgressElement;
const status = document.getElementById('status') as HTMLOutputElement;
let file: Blob | null = null;

declare global {
  interface Window {
    bench: typeof bench;
  }
}

const bench = {
  async load(url: string): Promise<number> {
    file = await (await fetch(url)).blob();
    return file.size;
  },
  async importRun(run: number, split = true) {
    longest = 0;
    let reports = 0;
    const t0 = performance.now();
    const r = await worker.importFile(
      file!,
      run,
      Comlink.proxy((p: ImportProgress) => {
        reports++;
        bar.value = p.fraction;
        status.textContent = `${p.phase} ${p.rows.toLocaleString()} rows, ${p.rowsPerSecond.toLocaleString()} rows/s`;
      }),
      split,
    );
    const ms = performance.now() - t0;
    // Let any pending long-task entries arrive.
    await new Promise((resolve) => setTimeout(resolve, 50));
    return { ...r, pageMs: ms, longestTaskMs: longest, reports };
  },
  async storeRun(run: number) {
    longest = 0;
    const r = await worker.store(1_000_000, 20, run);
    await new Promise((resolve) => setTimeout(resolve, 50));
    return { ...r, longestTaskMs: longest };
  },
};
window.bench = bench;
