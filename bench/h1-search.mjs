#!/usr/bin/env node
// Workload H1 of PERFORMANCE.md, wall time of a whole search: a random search of T trials
// (default 20) x E epochs (10) on n = 10k rows x 20 float features (binary target), MLP, run by
// workers/tasks/search.ts in a module worker in headless Chromium (WASM), once with its trials
// one at a time (threads 1) and once spread over the cores (threads = --threads, default 2):
// the same seed gives the same trials and values both ways (checked here). Then PERFORMANCE.md's
// per-trial overhead beyond compute: the serial search again with twice the epochs (same seed,
// same trials, no early stopping), so compute doubles and the fixed part does not:
// overhead per trial = (2·T(E) − T(2E)) / trials. An untimed warm-up search runs first: the
// first search in a fresh page pays one-off costs (V8 and WASM warm-up, first IndexedDB writes;
// ~1 s measured) that the formula would otherwise charge to every trial (2·T(E) counts them
// twice, T(2E) once), and the 2E search runs next to the E one in every repetition. Also printed,
// the overhead measured directly: serial wall time minus each trial's training compute (from its
// progress marks: epochs 2..E timed, scaled by E/(E−1)), per trial; it does not depend on two
// searches running at the same speed, which on a shared machine they often do not.
//
//   node bench/h1-search.mjs [--trials T] [--epochs E] [--rows N] [--threads P] [--runs R]
import { opt } from './helpers.mjs';
import { median, openBench } from './pages/ml/harness.mjs';

const TRIALS = opt('trials', 20);
const EPOCHS = opt('epochs', 10);
const ROWS = opt('rows', 10_000);
const THREADS = opt('threads', 2);
const RUNS = opt('runs', 1);

async function main() {
  const bench = await openBench();
  try {
    const times = { 1: [], [THREADS]: [] };
    const doubles = [];
    const direct = [];
    // Warm-up (untimed): see the header.
    await bench.call('h1', {
      n: ROWS,
      d: 20,
      trials: Math.min(TRIALS, 4),
      epochs: EPOCHS,
      threads: [1],
    });
    for (let r = 0; r < RUNS; r++) {
      // Interleaved (serial, then parallel) so both see the same machine load.
      const out = await bench.call('h1', {
        n: ROWS,
        d: 20,
        trials: TRIALS,
        epochs: EPOCHS,
        threads: [1, THREADS],
      });
      const [serial, parallel] = out;
      if (JSON.stringify(serial.values) !== JSON.stringify(parallel.values)) {
        throw new Error('parallel trials gave other values than serial ones');
      }
      times[1].push(serial.ms);
      times[THREADS].push(parallel.ms);
      if (serial.computeMs !== null) direct.push((serial.ms - serial.computeMs) / TRIALS);
      const [double] = await bench.call('h1', {
        n: ROWS,
        d: 20,
        trials: TRIALS,
        epochs: 2 * EPOCHS,
        threads: [1],
      });
      doubles.push(double.ms);
    }
    const double = { ms: median(doubles) };
    const s = median(times[1]);
    const p = median(times[THREADS]);
    console.log(
      `H1 search ${TRIALS} trials x ${EPOCHS} epochs, ${ROWS / 1000}k x 20: serial ` +
        `${(s / 1000).toFixed(2)} s, ${THREADS} threads ${(p / 1000).toFixed(2)} s ` +
        `(${(s / p).toFixed(2)}x; median of ${RUNS}; identical trial values; runs serial ` +
        `${times[1].map((t) => (t / 1000).toFixed(2)).join('/')} s, parallel ` +
        `${times[THREADS].map((t) => (t / 1000).toFixed(2)).join('/')} s)`,
    );
    const overhead = (2 * s - double.ms) / TRIALS;
    console.log(
      `H1 per-trial overhead beyond compute (serial, ${EPOCHS} vs ${2 * EPOCHS} epochs: ` +
        `${(s / 1000).toFixed(2)} s vs ${(double.ms / 1000).toFixed(2)} s): ` +
        `${overhead.toFixed(0)} ms per trial (target ≤ 50 ms); measured directly ` +
        `(serial wall − training compute): ${median(direct).toFixed(0)} ms per trial ` +
        `(runs ${direct.map((t) => t.toFixed(0)).join('/')} ms)`,
    );
  } finally {
    await bench.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
