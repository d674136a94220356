/**
 * The page's handle on the compute worker: a Comlink proxy of {@link ComputeApi}.
 *
 * Comlink leaves calls pending forever when a worker dies, so every call is raced against the
 * worker's `error` event: a crash rejects all pending calls with a clear message and the next
 * call starts a fresh worker (RELIABILITY.md M3).
 */
import * as Comlink from 'comlink';
import type { ComputeApi } from '../lib/contracts/compute';

type Pending = (reason: Error) => void;

export class ComputeClient {
  #worker: Worker | null = null;
  #api: Comlink.Remote<ComputeApi> | null = null;
  #pending = new Set<Pending>();

  /** Calls `fn` on the worker's API; rejects if the worker dies meanwhile. */
  async call<R>(fn: (api: Comlink.Remote<ComputeApi>) => R): Promise<Awaited<R>> {
    const api = this.#ensure();
    let reject: Pending = () => {};
    const died = new Promise<never>((_, r) => {
      reject = r;
    });
    this.#pending.add(reject);
    try {
      return await Promise.race([fn(api) as Awaited<R>, died]);
    } finally {
      this.#pending.delete(reject);
    }
  }

  /** Wraps a callback so the worker can call it back across the boundary. */
  proxy<F extends (...args: never[]) => unknown>(fn: F): F & Comlink.ProxyMarked {
    return Comlink.proxy(fn);
  }

  /** Terminates the worker (tests, backend reset). */
  terminate(): void {
    this.#fail(new Error('the compute worker was stopped'));
  }

  #ensure(): Comlink.Remote<ComputeApi> {
    if (this.#api) return this.#api;
    const worker = new Worker(new URL('../../workers/compute.worker.ts', import.meta.url), {
      type: 'module',
      name: 'benchtop-compute',
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.#fail(
        new Error(
          `the compute worker crashed (${event.message || 'unknown error'}); it has been restarted, try again`,
        ),
      );
    });
    this.#worker = worker;
    this.#api = Comlink.wrap<ComputeApi>(worker);
    return this.#api;
  }

  #fail(error: Error): void {
    this.#worker?.terminate();
    this.#worker = null;
    this.#api = null;
    for (const reject of this.#pending) reject(error);
    this.#pending.clear();
  }
}
