/**
 * Page of the T1/Q1 benchmarks (bench/t1-train.mjs, bench/q1-score.mjs): starts the bench worker
 * (a real module worker running workers/ml, as the app's compute worker does) and exposes
 * `window.mlBench(command, args)` to playwright.
 */
import type { BenchReply, BenchRequest } from './bench.worker';

const worker = new Worker(new URL('./bench.worker.ts', import.meta.url), { type: 'module' });
let nextId = 0;
const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

worker.onmessage = (event: MessageEvent<BenchReply>) => {
  const { id, result, error } = event.data;
  const p = pending.get(id);
  if (!p) return;
  pending.delete(id);
  if (error) p.reject(new Error(error));
  else p.resolve(result);
};
worker.onerror = (event) => {
  for (const p of pending.values()) p.reject(new Error(`worker error: ${event.message}`));
  pending.clear();
};

function mlBench(
  command: BenchRequest['command'],
  args: BenchRequest['args'] = {},
): Promise<unknown> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker.postMessage({ id, command, args } satisfies BenchRequest);
  });
}

(window as unknown as { mlBench: typeof mlBench }).mlBench = mlBench;
