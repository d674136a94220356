#!/usr/bin/env node
// S1 (PERFORMANCE.md): store 1M × 20 float64 columns with writeDatasetVersion and read them back
// with readColumns, in a module worker on real IndexedDB in headless Chromium. Prints the cold
// first run and the median of 5 warm runs. Targets: write ≤ 2 s, read ≤ 1 s.
import { buildPages, median, openPage, serve } from './pages/harness.mjs';

const WARM = Number(process.env.RUNS ?? 5);
const dir = await buildPages();
const server = await serve(dir);
const { browser, page } = await openPage(server.url);
try {
  const runs = [];
  for (let i = 0; i <= WARM; i++) {
    const r = await page.evaluate((run) => window.bench.storeRun(run), i);
    if (!r.ok) throw new Error('S1: read-back differs from what was written');
    runs.push(r);
    console.log(
      `S1 run ${i}${i === 0 ? ' (cold)' : ''}: write ${r.writeMs.toFixed(0)} ms, read ${r.readMs.toFixed(0)} ms, longest main-thread task ${r.longestTaskMs.toFixed(0)} ms`,
    );
  }
  const warm = runs.slice(1);
  const w = median(warm.map((r) => r.writeMs));
  const rd = median(warm.map((r) => r.readMs));
  console.log(
    `S1 1M x 20 float64: write median ${(w / 1000).toFixed(2)} s (target ≤ 2 s), read median ${(rd / 1000).toFixed(2)} s (target ≤ 1 s); cold write ${(runs[0].writeMs / 1000).toFixed(2)} s, read ${(runs[0].readMs / 1000).toFixed(2)} s`,
  );
} finally {
  await browser.close();
  server.close();
}
