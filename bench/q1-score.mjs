#!/usr/bin/env node
// Workloads Q1 and Q2 of PERFORMANCE.md, through T1's model (MLP 50 -> 128 -> 64 -> 2) in a
// module worker in headless Chromium with the automatically chosen backend:
// - Q1: batch scoring (class probabilities) of 1M rows (and 100k) with workers/ml's
//   predictBatchParallel, as the app's batch scoring runs it (row blocks over every core, up to
//   4), and with predictBatch on one thread; target ≥ 1M rows/s on WASM. No peer runs here; the
//   target is absolute.
// - Q2's in-worker part: latency of predictBatch for 1 row inside the worker (no postMessage),
//   p50/p99; bench/q2-serve.mjs measures Q2 itself (click to result on the Serve page).
//
//   node bench/q1-score.mjs [--rows N] [--runs R] [--backend auto|wasm|cpu|webgpu]
//                           [--isolated] [--no-minify]
import { args, opt, optText } from './helpers.mjs';
import { median, openBench, quantile } from './pages/ml/harness.mjs';

const ROWS = opt('rows', 1_000_000);
const RUNS = opt('runs', 5);
const BACKEND = optText('backend', 'auto');
const Q2_CALLS = 2000;

const m = (rowsPerSecond) => `${(rowsPerSecond / 1e6).toFixed(2)}M`;

async function main() {
  const bench = await openBench({
    isolated: args.includes('--isolated'),
    minify: !args.includes('--no-minify'),
  });
  try {
    const setup = await bench.call('setup', { backend: BACKEND });
    console.log(
      `backend: ${setup.name}${setup.threads ? ' (threads)' : ''} — ${setup.reason} (setup ${Math.round(setup.setupMs)} ms)`,
    );
    for (const parallel of [true, false]) {
      for (const n of [...new Set([100_000, ROWS])]) {
        // One call: the first run is cold (kernels, XNNPACK operators, heap growth, and for the
        // parallel path the helper workers starting), then warm.
        const { runs, threads, helperShare } = await bench.call('q1', {
          n,
          runs: RUNS + 1,
          parallel,
        });
        const rates = runs.map((ms) => n / (ms / 1000));
        const warm = rates.slice(1);
        console.log(
          `Q1 score MLP 50-128-64-2 ${n >= 1e6 ? `${n / 1e6}M` : `${n / 1000}k`} rows, ` +
            `${parallel ? `all cores (${threads} threads, ${Math.round(100 * helperShare)}% of rows by helpers)` : '1 thread'}: ` +
            `${m(median(warm))} rows/s (median of ${RUNS}; cold ${m(rates[0])}; ` +
            `warm ${m(Math.min(...warm))}-${m(Math.max(...warm))}); target ≥ 1M rows/s on WASM`,
        );
      }
    }
    const { times } = await bench.call('q2', { runs: Q2_CALLS });
    const warm = times.slice(20);
    console.log(
      `Q2 (in-worker part) predictBatch 1 row in the worker: p50 ${quantile(warm, 0.5).toFixed(2)} ms, ` +
        `p99 ${quantile(warm, 0.99).toFixed(2)} ms, max ${Math.max(...warm).toFixed(2)} ms ` +
        `(${warm.length} calls after 20 warm-up; cold first ${times[0].toFixed(1)} ms; ` +
        `timer resolution ${setup.isolated ? '~5 µs' : '~0.1 ms (page not cross-origin isolated)'})`,
    );
  } finally {
    await bench.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
