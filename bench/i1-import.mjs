#!/usr/bin/env node
// I1 (PERFORMANCE.md): 1M rows × 21 columns CSV (20 float, 1 string) → parse, infer types, write
// column chunks to IndexedDB and profile the columns (as the app does on every import; issue 3:
// "parsed, typed, profiled, stored"), end to end through the import task in a module worker in
// headless Chromium, against pandas.read_csv of the same file on this machine. Prints the cold
// first run, the median of 5 warm runs, pandas' warm median and the ratio, the longest
// main-thread task, and (phases) when storing finished, before profiling.
//
//   node bench/i1-import.mjs            values like -1.234567 / 123.456789 (6 decimals)
//   I1_FULL=1 node bench/i1-import.mjs  full-precision values as numpy/pandas write them
//                                       (shortest round-trip repr, ~17 digits: the 398 MB file)
//   I1_SPLIT=0 node bench/i1-import.mjs one import worker only (no second worker for the
//                                       second half of the file), for comparison
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  renameSync,
  statSync,
  writeSync,
} from 'node:fs';
import { buildPages, median, openPage, serve } from './pages/harness.mjs';

const ROWS = Number(process.env.I1_ROWS ?? 1_000_000);
const FULL = process.env.I1_FULL === '1';
const WARM = Number(process.env.RUNS ?? 5);
const SPLIT = process.env.I1_SPLIT !== '0';
const name = `i1-${ROWS}${FULL ? '-full' : ''}.csv`;
const path = `bench/data/${name}`;
const CATS = [
  'north',
  'south',
  'east',
  'west',
  'centre',
  'harbour',
  'airport',
  'station',
  'market',
  'campus',
];

/** Writes the I1 file once (seeded): f0..f19 floats, then `site`, a 10-value category. */
function generate() {
  mkdirSync('bench/data', { recursive: true });
  let s = 0x9e3779b9 | 0;
  const uniform = () => {
    s = (s + 0x6d2b79f5) | 0; // mulberry32
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  const tmp = `${path}.tmp`;
  const fd = openSync(tmp, 'w');
  const header = `${Array.from({ length: 20 }, (_, j) => `f${j}`).join(',')},site\n`;
  writeSync(fd, header);
  let buf = '';
  for (let i = 0; i < ROWS; i++) {
    let line = '';
    for (let j = 0; j < 20; j++) {
      const x = normal() * 10 ** (j % 4);
      line += `${FULL ? String(x) : x.toFixed(6)},`;
    }
    buf += `${line}${CATS[Math.floor(uniform() * CATS.length)]}\n`;
    if (buf.length > 1 << 22) {
      writeSync(fd, buf);
      buf = '';
    }
  }
  writeSync(fd, buf);
  closeSync(fd);
  renameSync(tmp, path);
}

if (!existsSync(path)) {
  const t0 = performance.now();
  generate();
  console.log(`generated ${path} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
const bytes = statSync(path).size;
console.log(
  `I1 file: ${path}, ${(bytes / 1e6).toFixed(0)} MB, ${ROWS.toLocaleString('en-US')} rows × 21 columns`,
);

const py = spawnSync('/usr/bin/python3', ['bench/peers/i1_pandas.py', path, '4'], {
  encoding: 'utf8',
});
if (py.status !== 0) throw new Error(`pandas peer failed: ${py.stderr}`);
const pandas = JSON.parse(py.stdout);
const pandasWarm = median(pandas.seconds.slice(1));
console.log(
  `pandas ${pandas.pandas} read_csv: cold ${pandas.seconds[0].toFixed(2)} s, warm median ${pandasWarm.toFixed(2)} s (${pandas.rows} × ${pandas.cols})`,
);

const dir = await buildPages();
const server = await serve(dir);
const { browser, page } = await openPage(server.url);
try {
  await page.evaluate((u) => window.bench.load(u), `${server.url}data/${name}`);
  const runs = [];
  for (let i = 0; i <= WARM; i++) {
    const r = await page.evaluate(([run, split]) => window.bench.importRun(run, split), [i, SPLIT]);
    if (r.rows !== ROWS) throw new Error(`I1: ${r.rows} rows stored, ${ROWS} expected`);
    runs.push(r);
    console.log(
      `Benchtop run ${i}${i === 0 ? ' (cold)' : ''}: ${(r.pageMs / 1000).toFixed(2)} s end to end (${Math.round(ROWS / (r.pageMs / 1000)).toLocaleString('en-US')} rows/s), longest main-thread task ${r.longestTaskMs.toFixed(0)} ms, ${r.reports} progress reports; phases at ms ${JSON.stringify(r.phases)}`,
    );
  }
  const types = runs[0].types;
  const warm = median(runs.slice(1).map((r) => r.pageMs)) / 1000;
  const longest = Math.max(...runs.map((r) => r.longestTaskMs));
  console.log(`types: ${[...new Set(types)].join(', ')}`);
  console.log(
    `I1 ${(bytes / 1e6).toFixed(0)} MB: Benchtop warm median ${warm.toFixed(2)} s, cold ${(runs[0].pageMs / 1000).toFixed(2)} s; pandas ${pandasWarm.toFixed(2)} s; ratio pandas/Benchtop ${(pandasWarm / warm).toFixed(2)}× (target ≥ 1×); longest main-thread task ${longest.toFixed(0)} ms (target ≤ 50 ms)`,
  );
} finally {
  await browser.close();
  server.close();
}
