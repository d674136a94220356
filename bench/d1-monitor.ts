/**
 * Workload D1M: D1 of PERFORMANCE.md measured through the monitor's window code. One monitor
 * window of 1M current rows against a 1M-row reference, 20 numeric columns, with the reference
 * profile cached (built once, as the compute worker's `referenceFor` keeps it), so each window
 * only profiles (sorts) its own values.
 *
 *   npx tsx bench/d1-monitor.ts [--rows N] [--cols N]
 *
 * The timed call is `windowDrift` (src/lib/monitor), the drift step of `logWindowReport` that
 * workers/tasks/monitor.ts runs for every window: per column the monitor's test (the D1 tests,
 * assigned in turn: KS, normed Wasserstein, PSI, Jensen–Shannon, 5 columns each), the drift
 * decision, and the reference-vs-current histogram for the plot; then the dataset drift share.
 * It runs on one thread, as the app's single compute worker does: first here in Node, then in a
 * module worker in headless Chromium (bench/pages/ml, the T1/Q1 harness; `--no-browser` skips it). Not timed: generating the
 * data, building the reference profile (once, like the worker's cache), and reading the log
 * from IndexedDB (the store's cost; S1 measures reads).
 * Prints the median of 5 warm windows and the cold first window.
 */
import type { MonitorColumnSetting } from '../src/lib/contracts/monitoring';
import {
  buildMonitorReference,
  windowDrift,
  type ColumnValues,
  type MonitoredColumn,
} from '../src/lib/monitor/index';
import type { DriftTestName } from '../src/lib/stats/drift-test';
import { createRng } from '../src/lib/stats/index';
import { args, fmt, median, opt } from './helpers.mjs';

const ROWS = opt('rows', 1_000_000);
const COLS = opt('cols', 20);
const RUNS = 5;
const SEED = 20240601;
const TESTS: DriftTestName[] = ['ks', 'wasserstein', 'psi', 'jensenshannon'];

function generate(): { ref: Map<string, ColumnValues>; cur: Map<string, ColumnValues> } {
  const rng = createRng(SEED);
  const ref = new Map<string, ColumnValues>();
  const cur = new Map<string, ColumnValues>();
  for (let c = 0; c < COLS; c++) {
    // As D1: columns drift by 0, 0.01, ..., 0.04 standard deviations in turn.
    const shift = 0.01 * (c % 5);
    const r = new Float64Array(ROWS);
    const x = new Float64Array(ROWS);
    for (let i = 0; i < ROWS; i++) r[i] = rng.normal();
    for (let i = 0; i < ROWS; i++) x[i] = rng.normal() + shift;
    ref.set(`x${c}`, r);
    cur.set(`x${c}`, x);
  }
  return { ref, cur };
}

function main(): void {
  const label = `D1M monitor window ${COLS} cols ${ROWS / 1e6}M vs ${ROWS / 1e6}M`;
  console.log(`${label}: generating data (seed ${SEED}) ...`);
  const { ref, cur } = generate();
  const columns: MonitoredColumn[] = [...ref.keys()].map((name) => ({ name, kind: 'numeric' }));
  const settings: Record<string, MonitorColumnSetting> = {};
  columns.forEach((c, i) => (settings[c.name] = { test: TESTS[i % TESTS.length]! }));
  const t0 = performance.now();
  const reference = buildMonitorReference('bench', columns, ref);
  const build = (performance.now() - t0) / 1000;
  const times: number[] = [];
  let drifted = 0;
  let share = 0;
  for (let i = 0; i <= RUNS; i++) {
    const t = performance.now();
    const r = windowDrift(reference, cur, settings, 0.5);
    times.push((performance.now() - t) / 1000);
    drifted = r.columns.filter((c) => c.drift).length;
    share = r.driftShare;
  }
  const warm = times.slice(1);
  console.log(
    `${label}, reference profile cached: median ${fmt(median(warm))} s per window ` +
      `(warm ${fmt(Math.min(...warm))}–${fmt(Math.max(...warm))} s, cold ${fmt(times[0]!)} s); ` +
      `one-time reference profile ${fmt(build)} s; ${drifted}/${COLS} columns drifted (share ${share})`,
  );
}

async function browser(): Promise<void> {
  if (args.includes('--no-browser')) return;
  const { openBench } = (await import('./pages/ml/harness.mjs')) as {
    openBench: () => Promise<{
      call: (
        c: string,
        a?: object,
      ) => Promise<{ runs: number[]; buildMs: number; drifted: number }>;
      close: () => Promise<void>;
    }>;
  };
  const bench = await openBench();
  try {
    const r = await bench.call('d1m', { rows: ROWS, cols: COLS, runs: RUNS });
    const warm = r.runs.slice(1).map((ms) => ms / 1000);
    console.log(
      `D1M monitor window ${COLS} cols ${ROWS / 1e6}M vs ${ROWS / 1e6}M in a Chromium worker: ` +
        `median ${fmt(median(warm))} s (warm ${fmt(Math.min(...warm))}–${fmt(Math.max(...warm))} s, ` +
        `cold ${fmt(r.runs[0]! / 1000)} s); one-time reference profile ${fmt(r.buildMs / 1000)} s; ` +
        `${r.drifted}/${COLS} columns drifted`,
    );
  } finally {
    await bench.close();
  }
}

main();
await browser();
