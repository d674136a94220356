/**
 * How many threads a parallel job may use: `navigator.hardwareConcurrency`, capped. Each extra
 * thread is a module worker with its own tfjs WASM instance (tens of MB), and WASM SIMD on one
 * thread already saturates a core, so more workers than cores only adds switching.
 */
export const MAX_THREADS = 4;

/**
 * Threads available to a parallel job here (1 where workers or the core count are unknown).
 * @example
 * availableThreads() // 2 on a 2-core machine
 */
export function availableThreads(): number {
  if (typeof Worker === 'undefined') return 1;
  const cores = typeof navigator === 'undefined' ? 1 : (navigator.hardwareConcurrency ?? 1);
  return Math.max(1, Math.min(MAX_THREADS, Math.floor(cores)));
}
