/**
 * Worker of the T1/Q1/Q2 (and D1M) benchmarks: the workers/ml code as the app's compute worker runs it,
 * timed here (inside the worker, so postMessage is not counted) up to the read-back.
 */
import * as tf from '@tensorflow/tfjs';
import type { SearchRequest } from '../../../src/lib/contracts/compute';
import type { ModelConfig } from '../../../src/lib/contracts/entities';
import { createDataset, openDb, writeDatasetVersion } from '../../../src/lib/db';
import { chooseBackend } from '../../../workers/tasks/backend-state';
import { runSearch } from '../../../workers/tasks/search';
import { buildMonitorReference, windowDrift } from '../../../src/lib/monitor/index';
import {
  availableThreads,
  buildModel,
  fit,
  predictBatch,
  predictBatchParallel,
  scorePoolStats,
  selectBackend,
} from '../../../workers/ml';

/**
 * The training compute of a serial search from its progress marks: per trial, the time from the
 * end of epoch 1 to the end of epoch E, scaled by E / (E − 1) (epoch 1's share; its end also
 * carries the trial's set-up, so it is not timed itself). Null when a trial has fewer than 2
 * epoch marks.
 */
function serialCompute(marks: { epoch: number; t: number }[], epochs: number): number | null {
  let total = 0;
  let first: number | null = null;
  let last: number | null = null;
  let trials = 0;
  const close = () => {
    if (first === null || last === null) return false;
    total += ((last - first) * epochs) / (epochs - 1);
    trials++;
    return true;
  };
  let expected = 1;
  for (const m of marks) {
    if (m.epoch === 0) {
      if (trials > 0 || first !== null) {
        if (!close()) return null;
      }
      first = null;
      last = null;
      expected = 1;
    } else if (m.epoch === expected) {
      if (expected === 1) first = m.t;
      if (expected === epochs) last = m.t;
      expected++;
    }
  }
  if (!close() || epochs < 2) return null;
  return total;
}

export interface BenchRequest {
  id: number;
  command: 'setup' | 't1' | 'q1' | 'q2' | 'd1m' | 'h1';
  args: Record<string, unknown>;
}

export interface BenchReply {
  id: number;
  result?: unknown;
  error?: string;
}

/** T1's model: MLP 50 -> 128 -> 64 -> 2, ReLU, Adam 1e-3, batch 1024 (PERFORMANCE.md). */
function t1Config(epochs: number): ModelConfig {
  return {
    kind: 'mlp',
    hiddenUnits: [128, 64],
    activation: 'relu',
    dropout: 0,
    l1: 0,
    l2: 0,
    optimizer: 'adam',
    learningRate: 0.001,
    batchSize: 1024,
    epochs,
    earlyStoppingPatience: 0,
  };
}

let data: { x: Float32Array; y: Int32Array; n: number; d: number } | null = null;

/** Deterministic N(0, 1) features for scoring (values do not change the cost of a forward pass). */
function normals(count: number, seed: number): Float32Array {
  let s = seed >>> 0;
  const out = new Float32Array(count);
  for (let i = 0; i < count; i += 2) {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    const u1 = (((t ^ (t >>> 14)) >>> 0) + 1) / 4294967297;
    s = (s + 0x6d2b79f5) >>> 0;
    t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    const u2 = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    const r = Math.sqrt(-2 * Math.log(u1));
    out[i] = r * Math.cos(2 * Math.PI * u2);
    if (i + 1 < count) out[i + 1] = r * Math.sin(2 * Math.PI * u2);
  }
  return out;
}

async function handle(command: BenchRequest['command'], args: Record<string, unknown>) {
  switch (command) {
    case 'setup': {
      const t0 = performance.now();
      const info = await selectBackend((args['backend'] as 'auto') ?? 'auto');
      const ms = performance.now() - t0;
      const threads = tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT');
      return {
        ...info,
        setupMs: ms,
        tfBackend: tf.getBackend(),
        threads,
        isolated: self.crossOriginIsolated,
      };
    }
    case 't1': {
      // Training data: fetched once (the same files the scikit-learn peer reads).
      if (!data || data.n !== args['n']) {
        const [xb, yb] = await Promise.all(
          ['x', 'y'].map((f) => fetch(`/data/t1-${f}.bin`).then((r) => r.arrayBuffer())),
        );
        data = {
          x: new Float32Array(xb as ArrayBuffer),
          y: new Int32Array(yb as ArrayBuffer),
          n: args['n'] as number,
          d: args['d'] as number,
        };
      }
      const epochs = args['epochs'] as number;
      const before = tf.memory().numTensors;
      const model = buildModel(t1Config(epochs), data.d, 'binary', 2, 1);
      const epochMs: number[] = [];
      let last = 0;
      const t0 = performance.now();
      const result = await fit(model, data, t1Config(epochs), {
        seed: 1,
        onEpoch: (r) => {
          epochMs.push(r.elapsedMs - last);
          last = r.elapsedMs;
        },
      });
      const ms = performance.now() - t0;
      model.dispose();
      return {
        ms,
        epochMs,
        losses: result.history.map((h) => h.loss),
        tensorsLeaked: tf.memory().numTensors - before,
      };
    }
    case 'q1': {
      const n = args['n'] as number;
      const d = 50;
      const x = normals(n * d, 7);
      const model = buildModel(t1Config(1), d, 'binary', 2, 1);
      const parallel = args['parallel'] === true;
      const runs: number[] = [];
      const before = scorePoolStats();
      let checksum = 0;
      for (let r = 0; r < (args['runs'] as number); r++) {
        const t0 = performance.now();
        // The app's batch scoring (predict-rows.ts) runs predictBatchParallel; predictBatch is
        // the one-thread path it falls back to.
        const out = parallel
          ? await predictBatchParallel(model, x, n, d, 'binary', `q1-${n}`)
          : await predictBatch(model, x, n, d, 'binary');
        runs.push(performance.now() - t0);
        checksum = out[0]! + out[out.length - 1]!;
      }
      model.dispose();
      const after = scorePoolStats();
      const helperRows = after.helperRows - before.helperRows;
      const helperShare = helperRows / (helperRows + after.localRows - before.localRows || 1);
      return { runs, checksum, threads: parallel ? availableThreads() : 1, helperShare };
    }
    case 'h1': {
      // H1's data: n rows x d float features, binary target from a seeded linear rule + noise,
      // stored through src/lib/db as an import would; then a random search through runSearch.
      const n = args['n'] as number;
      const d = args['d'] as number;
      await openDb({ name: `bench-h1-${Date.now()}-${Math.random()}` });
      await chooseBackend('wasm');
      const xs = Array.from({ length: d }, (_, j) => Float64Array.from(normals(n, 100 + j)));
      const noise = normals(n, 99);
      const w = normals(d, 98);
      const y = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        let z = 0.5 * noise[i]!;
        for (let j = 0; j < d; j++) z += xs[j]![i]! * w[j]!;
        y[i] = z > 0 ? 1 : 0;
      }
      const dataset = await createDataset({ name: 'h1' });
      const version = await writeDatasetVersion({
        dataset,
        parentId: null,
        schema: [
          { name: 'y', type: 'category', encoding: 'dict', dictionary: ['0', '1'], missing: 0 },
          ...xs.map((_, j) => ({
            name: `x${j}`,
            type: 'number' as const,
            encoding: 'f64' as const,
            missing: 0,
          })),
        ],
        columns: [y, ...xs],
        source: { kind: 'file', name: 'h1.csv' },
      });
      const out: Record<string, unknown>[] = [];
      for (const threads of args['threads'] as number[]) {
        const request: SearchRequest = {
          searchId: `h1-${threads}-${Date.now()}`,
          datasetVersionId: version.id,
          target: 'y',
          baseConfig: {
            kind: 'mlp',
            hiddenUnits: [32],
            activation: 'relu',
            dropout: 0,
            l1: 0,
            l2: 0,
            optimizer: 'adam',
            learningRate: 0.001,
            batchSize: 256,
            epochs: args['epochs'] as number,
            earlyStoppingPatience: 0,
          },
          space: [
            { name: 'learningRate', kind: 'float', low: 1e-4, high: 0.1, log: true },
            { name: 'hiddenUnits', kind: 'categorical', choices: ['32', '64,32'] },
          ],
          sampler: 'random',
          budget: args['trials'] as number,
          pruner: null,
          objective: 'valLoss',
          split: { seed: 1, train: 0.7, validation: 0.15, test: 0.15, stratify: true },
          seed: 5,
        };
        // Progress times of a serial search: each trial emits epoch 0 when it starts, then
        // epochs 1..E as they end, then E again once its Run and the search record are stored.
        const marks: { epoch: number; t: number }[] = [];
        const t0 = performance.now();
        const record = await runSearch(request, {
          onProgress: (p) => void marks.push({ epoch: p.epoch, t: performance.now() }),
          threads,
        });
        const ms = performance.now() - t0;
        out.push({
          threads,
          ms,
          ...(threads === 1 ? { computeMs: serialCompute(marks, args['epochs'] as number) } : {}),
          values: record.study.trials.map((t) => t.value ?? null),
          best: record.best?.trial ?? null,
        });
      }
      return out;
    }
    case 'q2': {
      const d = 50;
      const x = normals(d, 9);
      const model = buildModel(t1Config(1), d, 'binary', 2, 1);
      const times: number[] = [];
      for (let r = 0; r < (args['runs'] as number); r++) {
        const t0 = performance.now();
        await predictBatch(model, x, 1, d, 'binary');
        times.push(performance.now() - t0);
      }
      model.dispose();
      return { times };
    }
    case 'd1m': {
      // D1M (bench/d1-monitor.ts): one monitor window in this worker, reference profile cached.
      const rows = args['rows'] as number;
      const cols = args['cols'] as number;
      const tests = ['ks', 'wasserstein', 'psi', 'jensenshannon'] as const;
      const ref = new Map<string, Float64Array>();
      const cur = new Map<string, Float64Array>();
      const settings: Record<string, { test: (typeof tests)[number] }> = {};
      for (let c = 0; c < cols; c++) {
        const shift = 0.01 * (c % 5);
        ref.set(`x${c}`, Float64Array.from(normals(rows, 100 + c)));
        cur.set(
          `x${c}`,
          Float64Array.from(normals(rows, 200 + c), (v) => v + shift),
        );
        settings[`x${c}`] = { test: tests[c % tests.length]! };
      }
      const columns = [...ref.keys()].map((name) => ({ name, kind: 'numeric' as const }));
      const t0 = performance.now();
      const reference = buildMonitorReference('bench', columns, ref);
      const buildMs = performance.now() - t0;
      const runs: number[] = [];
      let drifted = 0;
      for (let r = 0; r <= (args['runs'] as number); r++) {
        const t = performance.now();
        drifted = windowDrift(reference, cur, settings, 0.5).columns.filter((x) => x.drift).length;
        runs.push(performance.now() - t);
      }
      return { runs, buildMs, drifted };
    }
  }
}

self.onmessage = async (event: MessageEvent<BenchRequest>) => {
  const { id, command, args } = event.data;
  try {
    const result = await handle(command, args);
    (self as unknown as Worker).postMessage({ id, result } satisfies BenchReply);
  } catch (e) {
    (self as unknown as Worker).postMessage({
      id,
      error: e instanceof Error ? `${e.name}: ${e.message}` : String(e),
    } satisfies BenchReply);
  }
};
