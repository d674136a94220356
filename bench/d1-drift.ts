/**
 * Workload D1 of PERFORMANCE.md: KS + normed Wasserstein + PSI + Jensen–Shannon on 20 numeric
 * columns, 1M reference vs 1M current rows, columns spread over Node worker_threads.
 *
 *   npx tsx bench/d1-drift.ts [--rows N] [--cols N] [--workers N] [--no-peer] [--no-single]
 *
 * Prints the median of 5 warm runs and the cold first run, (a) recomputing everything (both
 * samples profiled/sorted: the same work as the SciPy peer) and (b) with the reference profiles
 * cached (only `cur` sorted per window, as monitoring runs); then (c) the full recompute through
 * the library on the main thread alone (median of 3 warm runs), i.e. the cost without workers.
 * Only the statistics are timed: the data are generated once, before the workers start, into
 * SharedArrayBuffers that the workers read in place (nothing is copied per run). When /usr/bin/python3 has SciPy,
 * the peer bench/peers/d1_scipy.py is timed on the same data (written to a temp binary file) in
 * the same run, and the values of both are compared.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { createRng } from '../src/lib/stats/index';
import {
  driftColumn,
  transferList,
  type D1ColumnResult,
  type D1Job,
  type D1Reply,
} from './d1-worker';
import { args, fmt, median, opt } from './helpers.mjs';

const ROWS = opt('rows', 1_000_000);
const COLS = opt('cols', 20);
const WORKERS = opt('workers', 2);
const RUNS = 5;
const SEED = 20240601;
const PYTHON = '/usr/bin/python3';

function generate(): { ref: SharedArrayBuffer; cur: SharedArrayBuffer } {
  const ref = new SharedArrayBuffer(ROWS * COLS * 8);
  const cur = new SharedArrayBuffer(ROWS * COLS * 8);
  const r = new Float64Array(ref);
  const c = new Float64Array(cur);
  const rng = createRng(SEED);
  for (let col = 0; col < COLS; col++) {
    // Columns drift by 0, 0.01, ..., 0.04 standard deviations in turn ("slightly shifted").
    const shift = 0.01 * (col % 5);
    for (let i = 0; i < ROWS; i++) r[col * ROWS + i] = rng.normal();
    for (let i = 0; i < ROWS; i++) c[col * ROWS + i] = rng.normal() + shift;
  }
  return { ref, cur };
}

/**
 * Starts a worker on a .ts entry. On Node 20 `new Worker(url, { execArgv: ['--import', 'tsx'] })`
 * fails with ERR_UNKNOWN_FILE_EXTENSION (the entry is resolved before tsx's hooks apply), so a
 * tiny eval'd bootstrap registers tsx in the worker and then imports the entry.
 */
function tsWorker(entry: URL, workerData: unknown): Worker {
  const api = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(code, { eval: true, workerData });
}

class Pool {
  private readonly workers: Worker[];
  constructor(ref: SharedArrayBuffer, cur: SharedArrayBuffer) {
    this.workers = Array.from({ length: WORKERS }, () =>
      tsWorker(new URL('./d1-worker.ts', import.meta.url), { ref, cur, rows: ROWS }),
    );
  }

  /** Reference profiles from the last full run, by column (held here between runs). */
  private readonly profiles: Array<D1Job['profile']> = [];

  /**
   * Runs every column across the workers. Each worker takes the next column as soon as it is
   * free, so a worker slowed down by other load on the machine takes fewer columns. With
   * `cachedProfile`, each job carries the column's reference profile from the last full run
   * (transferred, not copied), so only `cur` is sorted.
   */
  async runAll(cachedProfile: boolean): Promise<D1ColumnResult[]> {
    const results: D1ColumnResult[] = [];
    let next = 0;
    await Promise.all(
      this.workers.map(async (worker) => {
        while (next < COLS) {
          const column = next++;
          const profile = cachedProfile ? this.profiles[column] : undefined;
          const reply = await this.call(worker, profile ? { column, profile } : { column });
          this.profiles[column] = reply.profile;
          results.push(reply.result);
        }
      }),
    );
    return results.sort((a, b) => a.column - b.column);
  }

  /** Resolves once every worker has loaded (tsx compiles the worker on start). */
  ready(): Promise<unknown> {
    return Promise.all(this.workers.map((w) => this.reply(w)));
  }

  private call(worker: Worker, job: D1Job): Promise<D1Reply> {
    const reply = this.reply<D1Reply>(worker);
    worker.postMessage(job, job.profile ? transferList(job.profile) : []);
    return reply;
  }

  private reply<T>(worker: Worker): Promise<T> {
    return new Promise((resolve, reject) => {
      const onMessage = (m: T): void => {
        worker.off('error', onError);
        resolve(m);
      };
      const onError = (e: Error): void => {
        worker.off('message', onMessage);
        reject(e);
      };
      worker.once('message', onMessage);
      worker.once('error', onError);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** The full recompute on the calling thread, column after column. */
function runSingleThread(ref: SharedArrayBuffer, cur: SharedArrayBuffer): D1ColumnResult[] {
  const out: D1ColumnResult[] = [];
  for (let column = 0; column < COLS; column++) {
    const offset = column * ROWS * 8;
    out.push(
      driftColumn(column, new Float64Array(ref, offset, ROWS), new Float64Array(cur, offset, ROWS))
        .result,
    );
  }
  return out;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return (performance.now() - t0) / 1000;
}

interface PeerResult {
  seconds: number;
  columns: Array<{
    ks: number;
    ksP: number;
    wassersteinNormed: number;
    psi: number;
    jensenShannon: number;
  }>;
}

function runPeer(ref: SharedArrayBuffer, cur: SharedArrayBuffer): PeerResult | string {
  if (args.includes('--no-peer')) return 'skipped (--no-peer)';
  if (!existsSync(PYTHON)) return `skipped (${PYTHON} not found)`;
  const probe = spawnSync(PYTHON, ['-c', 'import scipy, numpy']);
  if (probe.status !== 0) return 'skipped (SciPy not importable)';
  const dir = mkdtempSync(join(tmpdir(), 'd1-'));
  try {
    const data = join(dir, 'd1.f64');
    writeFileSync(data, Buffer.concat([Buffer.from(ref), Buffer.from(cur)]));
    const out = join(dir, 'out.json');
    const script = new URL('./peers/d1_scipy.py', import.meta.url).pathname;
    const r = spawnSync(PYTHON, [script, data, String(COLS), String(ROWS), out], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (r.status !== 0) return `failed (exit ${r.status})`;
    return JSON.parse(readFileSync(out, 'utf8')) as PeerResult;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function maxRelDiff(ours: D1ColumnResult[], peer: PeerResult): Record<string, number> {
  const keys = ['ks', 'ksP', 'wassersteinNormed', 'psi', 'jensenShannon'] as const;
  const out: Record<string, number> = {};
  for (const k of keys) {
    let m = 0;
    ours.forEach((o, i) => {
      const e = peer.columns[i]![k];
      const a = o[k];
      const d = Math.abs(a - e);
      // p-values far below 1e-300 underflow differently; compare absolutely there.
      m = Math.max(m, k === 'ksP' ? d : d / Math.max(Math.abs(e), 1e-300));
    });
    out[k] = m;
  }
  return out;
}

async function main(): Promise<void> {
  const label = `D1 drift ${COLS} cols ${ROWS / 1e6}M vs ${ROWS / 1e6}M`;
  console.log(`${label}: generating data (seed ${SEED}), ${WORKERS} workers ...`);
  const { ref, cur } = generate();
  const pool = new Pool(ref, cur);
  await pool.ready();
  let results: D1ColumnResult[] = [];
  const full: number[] = [];
  for (let i = 0; i <= RUNS; i++)
    full.push(await time(async () => (results = await pool.runAll(false))));
  // The pool now holds every column's reference profile; later windows only sort cur.
  const cached: number[] = [];
  for (let i = 0; i < RUNS; i++) cached.push(await time(() => pool.runAll(true)));
  await pool.close();
  const fullMedian = median(full.slice(1));
  const cachedMedian = median(cached);
  const single: number[] = [];
  if (!args.includes('--no-single')) {
    for (let i = 0; i <= 3; i++) single.push(await time(async () => runSingleThread(ref, cur)));
  }

  const peer = runPeer(ref, cur);
  const peerText = typeof peer === 'string' ? `scipy ${peer}` : `scipy ${fmt(peer.seconds)} s`;
  const ratio = (s: number): string =>
    typeof peer === 'string' ? '' : `; ratio ${Math.round(peer.seconds / s)}x`;
  // The range shows how much the other load on a shared machine moved the warm runs.
  const range = (xs: number[]): string => `${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))} s`;
  console.log(
    `${label}: median ${fmt(fullMedian)} s (warm ${range(full.slice(1))}, cold ${fmt(full[0]!)} s); ${peerText}${ratio(fullMedian)}`,
  );
  console.log(
    `${label}, reference profiles cached (only cur sorted): median ${fmt(cachedMedian)} s (${range(cached)}); ${peerText}${ratio(cachedMedian)}`,
  );
  if (single.length > 0) {
    const s = median(single.slice(1));
    console.log(
      `${label}, one thread through the library (no workers): median ${fmt(s)} s (cold ${fmt(single[0]!)} s); ${peerText}${ratio(s)}`,
    );
  }
  if (typeof peer !== 'string') {
    const diffs = maxRelDiff(results, peer);
    console.log(
      `  agreement with SciPy (max rel. diff; KS p abs.): ${Object.entries(diffs)
        .map(([k, v]) => `${k} ${v.toExponential(1)}`)
        .join(', ')}`,
    );
  }
  const c0 = results[COLS > 4 ? 4 : 0]!;
  console.log(
    `  column ${c0.column}: KS D ${c0.ks.toFixed(5)} p ${c0.ksP.toExponential(3)}, W/std ${c0.wassersteinNormed.toFixed(5)}, PSI ${c0.psi.toFixed(6)}, JS ${c0.jensenShannon.toFixed(6)}`,
  );
}

await main();
