#!/usr/bin/env node
// Workload T1 of PERFORMANCE.md: MLP 50 -> 128 -> 64 -> 2, Adam, batch 1024, 100k rows x 50
// features, trained by workers/ml's fit() in a module worker in headless Chromium with the
// automatically chosen backend, against scikit-learn's MLPClassifier on the same data, measured
// in the same run (runs interleaved, so both see the same machine load).
//
//   node bench/t1-train.mjs [--rows N] [--epochs E] [--runs R] [--backend auto|wasm|cpu|webgpu]
//                           [--no-peer] [--isolated] [--no-minify]
//
// Prints the median of R warm runs (default 5), the cold first run, the spread, and the ratio.
// --isolated serves the page cross-origin isolated (COOP/COEP), --no-minify builds unminified;
// both only for experiments (STACK.md pitfall 3: WASM threads).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { args, opt, optText } from './helpers.mjs';
import { median, openBench } from './pages/ml/harness.mjs';

const ROWS = opt('rows', 100_000);
const D = 50;
const EPOCHS = opt('epochs', 3);
const RUNS = opt('runs', 5);
const BACKEND = optText('backend', 'auto');
const PYTHON = '/usr/bin/python3';

/** Seeded synthetic binary classification: x ~ N(0, 1), y = [x.w + x0*x1 + 0.5 noise > 0]. */
function generate(n, d, seed) {
  let s = seed >>> 0;
  const uniform = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  const w = Array.from({ length: d }, () => normal() / Math.sqrt(d));
  const x = new Float32Array(n * d);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let z = 0;
    for (let j = 0; j < d; j++) {
      const v = normal();
      x[i * d + j] = v;
      z += v * w[j];
    }
    z += x[i * d] * x[i * d + 1] + 0.5 * normal();
    y[i] = z > 0 ? 1 : 0;
  }
  return { x, y };
}

/**
 * The scikit-learn peer as a line-oriented subprocess; `{ skipped }` when it cannot run here.
 * @param blasThreads null for OpenBLAS' default (every core), or a thread count
 */
async function startPeer(dataDir, blasThreads = null) {
  if (args.includes('--no-peer')) return { skipped: 'skipped (--no-peer)' };
  if (!existsSync(PYTHON)) return { skipped: `skipped (${PYTHON} not found)` };
  const script = new URL('./peers/t1_sklearn.py', import.meta.url).pathname;
  const child = spawn(
    PYTHON,
    [script, join(dataDir, 't1-x.bin'), join(dataDir, 't1-y.bin'), ROWS, D, EPOCHS],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
      env:
        blasThreads === null
          ? process.env
          : {
              ...process.env,
              OPENBLAS_NUM_THREADS: String(blasThreads),
              OMP_NUM_THREADS: String(blasThreads),
              MKL_NUM_THREADS: String(blasThreads),
            },
    },
  );
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const read = async () => {
    const { value, done } = await lines.next();
    if (done) throw new Error('scikit-learn peer exited');
    return JSON.parse(value);
  };
  try {
    await read(); // ready
  } catch {
    return { skipped: 'skipped (scikit-learn not importable by /usr/bin/python3)' };
  }
  return {
    fit: async () => {
      child.stdin.write('fit\n');
      return read();
    },
    close: () => child.stdin.end('quit\n'),
  };
}

const k = (samplesPerSecond) => `${Math.round(samplesPerSecond / 1000)}k`;

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'benchtop-t1-'));
  const { x, y } = generate(ROWS, D, 20240601);
  writeFileSync(join(dataDir, 't1-x.bin'), x);
  writeFileSync(join(dataDir, 't1-y.bin'), y);
  const bench = await openBench({
    dataDir,
    isolated: args.includes('--isolated'),
    minify: !args.includes('--no-minify'),
  });
  const peer = await startPeer(dataDir);
  // The same peer on one BLAS thread: on 2-vCPU machines its second thread may not help (seen
  // here: 1 thread faster than 2), which says what the ratio is made of.
  const peer1 = peer.fit ? await startPeer(dataDir, 1) : { skipped: peer.skipped };
  try {
    const setup = await bench.call('setup', { backend: BACKEND });
    console.log(
      `backend: ${setup.name}${setup.threads ? ' (threads)' : ''} — ${setup.reason} (setup ${Math.round(setup.setupMs)} ms)`,
    );
    const samples = ROWS * EPOCHS;
    const ours = [];
    const theirs = [];
    const theirs1 = [];
    let leaked = 0;
    for (let r = 0; r <= RUNS; r++) {
      const run = await bench.call('t1', { n: ROWS, d: D, epochs: EPOCHS });
      leaked += run.tensorsLeaked;
      ours.push({ sps: samples / (run.ms / 1000), run });
      if (peer.fit) {
        const p = await peer.fit();
        theirs.push({ sps: samples / p.seconds, run: p });
      }
      if (peer1.fit) {
        const p = await peer1.fit();
        theirs1.push({ sps: samples / p.seconds, run: p });
      }
    }
    const warm = ours.slice(1).map((o) => o.sps);
    const med = median(warm);
    const epochMs = ours.slice(1).flatMap((o) => o.run.epochMs.slice(1));
    console.log(
      `  tfjs runs (samples/s): cold ${k(ours[0].sps)}; warm ${warm.map(k).join(', ')}; ` +
        `per epoch after the first: median ${Math.round(median(epochMs))} ms; ` +
        `final loss ${ours.at(-1).run.losses.at(-1).toFixed(4)}; tensors leaked ${leaked}`,
    );
    let peerText = peer.skipped ?? '';
    let ratio = '';
    if (peer.fit) {
      const pw = theirs.slice(1).map((o) => o.sps);
      const pmed = median(pw);
      console.log(
        `  sklearn runs (samples/s): cold ${k(theirs[0].sps)}; warm ${pw.map(k).join(', ')}; ` +
          `final loss ${theirs.at(-1).run.loss.toFixed(4)}`,
      );
      peerText = `sklearn ${k(pmed)} samples/s (${Math.round((1000 * ROWS) / pmed)} ms/epoch)`;
      ratio = `; ratio ${(med / pmed).toFixed(2)}x`;
    }
    if (peer1.fit) {
      const pw = theirs1.slice(1).map((o) => o.sps);
      console.log(
        `  sklearn on 1 BLAS thread (samples/s): cold ${k(theirs1[0].sps)}; warm ${pw.map(k).join(', ')}; ` +
          `median ${k(median(pw))}; ratio ${(med / median(pw)).toFixed(2)}x`,
      );
    }
    console.log(
      `T1 train MLP 50-128-64-2 ${Math.round(ROWS / 1000)}k rows: ${k(med)} samples/s ` +
        `(median of ${RUNS}; cold ${k(ours[0].sps)}; ${Math.round((1000 * ROWS) / med)} ms/epoch); ` +
        `${peerText}${ratio}`,
    );
  } finally {
    peer.close?.();
    peer1.close?.();
    await bench.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
