/**
 * Batch scoring on every core (PERFORMANCE.md Q1). One WASM thread is compute-bound on the
 * matmuls (an MLP 50-128-64-2 forward pass is ~29 kFLOP per row; WASM SIMD reaches ~15-25
 * GFLOP/s here, so one thread tops out near 0.85M rows/s), and the threaded WASM build is out
 * (STACK.md pitfall 3). So a big batch is cut into row blocks that this thread and scoring
 * helpers (score.worker.ts, one per extra core, each its own WASM instance) take from one queue.
 *
 * Results are bit-identical to {@link predictBatch}: each row's output depends only on that row
 * and the weights (the same XNNPACK kernels run on every block), and blocks are written back at
 * their row offsets (pinned by test/browser/ml/score-pool.test.ts).
 */
import * as Comlink from 'comlink';
import * as tf from '@tensorflow/tfjs';
import type { BackendName, Task } from '../../src/lib/contracts/entities';
import type { ScoreWorkerApi } from '../score.worker';
import { availableThreads } from './parallelism';
import { checkShapes, predictBatch } from './predict';
import { modelToArtifacts } from './serialize';
import { yieldToEventLoop } from './yield';

/** Largest block: ~80 ms of one thread's work, small enough to balance the threads. */
const MAX_BLOCK = 65536;
/** Smallest block: a block costs a copy and two messages (~1 ms), noise next to ~20 ms here. */
const MIN_BLOCK = 16384;
/**
 * Batches below this many rows (~0.15 s on one thread) run on this thread alone: measured here
 * under load, 100k rows gained nothing from a second thread, 1M rows ~1.5x.
 */
const PARALLEL_MIN_ROWS = 8 * MIN_BLOCK;
/** Blocks each helper has in flight, so it never waits on this thread's own block. */
const IN_FLIGHT = 2;

interface Helper {
  api: Comlink.Remote<ScoreWorkerApi>;
  worker: Worker;
  /** Loads of model keys this helper was given (it may evict some; `score` then says null). */
  loads: Map<string, Promise<void>>;
}

let helpers: Helper[] = [];

/** Rows scored by this thread and by helpers since the page started (tests and benchmarks). */
const stats = { localRows: 0, helperRows: 0 };

/**
 * Rows scored here and by helpers so far by {@link predictBatchParallel}.
 * @example
 * scorePoolStats() // { localRows: 524288, helperRows: 475712 }
 */
export function scorePoolStats(): { localRows: number; helperRows: number } {
  return { ...stats };
}

function pool(size: number): Helper[] {
  while (helpers.length < size) {
    const worker = new Worker(new URL('../score.worker.ts', import.meta.url), {
      type: 'module',
      name: 'benchtop-score',
    });
    helpers.push({ api: Comlink.wrap<ScoreWorkerApi>(worker), worker, loads: new Map() });
  }
  return helpers.slice(0, size);
}

/** Stops the scoring helpers (the next parallel call starts new ones). */
export function closeScorePool(): void {
  for (const h of helpers) {
    h.api[Comlink.releaseProxy]();
    h.worker.terminate();
  }
  helpers = [];
}

/**
 * {@link predictBatch} spread over the cores: bit-identical output, faster for big batches on
 * the WASM backend. Small batches, other backends (a GPU is one device) and machines with one
 * core run {@link predictBatch} unchanged.
 *
 * @param model the model
 * @param x n x d features, row-major
 * @param n row count
 * @param d feature count
 * @param task the model's task
 * @param key names the model's weights for the helpers' caches: the same key must always mean
 *   the same weights (e.g. a stored artifact's id)
 * @returns what {@link predictBatch} returns
 * @throws Error when the shapes do not match the model
 * @example
 * await predictBatchParallel(model, x, 1_000_000, 50, 'binary', artifact.id) // Float32Array(2M)
 */
export async function predictBatchParallel(
  model: tf.LayersModel,
  x: Float32Array,
  n: number,
  d: number,
  task: Task,
  key: string,
): Promise<Float32Array> {
  const k = checkShapes(model, x, n, d, task);
  const threads = availableThreads();
  const backend = tf.getBackend() as BackendName;
  if (threads < 2 || backend !== 'wasm' || n < PARALLEL_MIN_ROWS) {
    return predictBatch(model, x, n, d, task);
  }
  // About four blocks per thread, so a thread slowed by other work gets fewer of them.
  const block = Math.min(MAX_BLOCK, Math.max(MIN_BLOCK, Math.ceil(n / (4 * threads))));
  const out = new Float32Array(n * k);
  let next = 0;
  const take = (): { start: number; rows: number } | null => {
    if (next >= n) return null;
    const start = next;
    const rows = Math.min(block, n - start);
    next += rows;
    return { start, rows };
  };
  const scoreHere = async (start: number, rows: number) => {
    const y = await predictBatch(model, x.subarray(start * d, (start + rows) * d), rows, d, task);
    out.set(y, start * k);
    stats.localRows += rows;
  };
  let artifacts: ReturnType<typeof modelToArtifacts> | null = null;
  let broken = false;
  const helperLoop = async (h: Helper) => {
    for (let block = take(); block; block = take()) {
      const { start, rows } = block;
      try {
        if (broken) throw new Error('scoring helpers failed');
        let y: Float32Array | null = null;
        for (let attempt = 0; y === null && attempt < 2; attempt++) {
          if (attempt > 0) h.loads.delete(key);
          let loaded = h.loads.get(key);
          if (!loaded) {
            artifacts ??= modelToArtifacts(model);
            // Each helper gets its own copy of the weights (structured clone, a few MB at most).
            loaded = artifacts.then((a) => h.api.load(key, a, backend));
            h.loads.set(key, loaded);
          }
          await loaded;
          const xs = x.slice(start * d, (start + rows) * d);
          y = await h.api.score(key, Comlink.transfer(xs, [xs.buffer]), rows, d, task);
        }
        if (y === null) throw new Error(`scoring helper lost model ${key}`);
        out.set(y, start * k);
        stats.helperRows += rows;
      } catch {
        // A helper that fails (crashed worker, out of memory) is replaced next call; its
        // block is scored here so the result is still complete and identical.
        broken = true;
        await scoreHere(start, rows);
      }
    }
  };
  const loops = pool(threads - 1).flatMap((h) =>
    Array.from({ length: IN_FLIGHT }, () => helperLoop(h)),
  );
  const local = (async () => {
    for (let block = take(); block; block = take()) {
      await scoreHere(block.start, block.rows);
      // WASM's data() resolves in a microtask: without a macrotask here the helpers' answers
      // (messages) would wait until this thread had taken every remaining block.
      await yieldToEventLoop();
    }
  })();
  await Promise.all([local, ...loops]);
  if (broken) closeScorePool();
  return out;
}
