/**
 * Picks the tfjs backend for this machine (ARCHITECTURE.md "Compute backends").
 *
 * Order in `auto`: a hardware WebGPU adapter, else WASM (SIMD, no threads), else CPU. A fallback
 * WebGPU adapter (SwiftShader on GPU-less machines, ~35x slower than WASM, STACK.md) is never
 * picked by `auto`; a preference forced in Settings is honoured even then, and the reason says so.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { BackendInfo, BackendName } from '../../src/lib/contracts/entities';

type AdapterInfo = NonNullable<BackendInfo['adapter']>;

/** What we read from a WebGPU adapter; `isFallbackAdapter` moved from the adapter to `info`. */
interface AdapterLike {
  isFallbackAdapter?: boolean;
  info?: { vendor?: string; architecture?: string; isFallbackAdapter?: boolean };
}

/** Size of the probe matmul: big enough to time (~2-4 ms on WASM SIMD here), small to run. */
const PROBE_SIZE = 256;

let wasmPathsSet = false;

/** Points the WASM backend at the binaries Vite serves (STACK.md pitfall 5); once per realm. */
function configureWasm(): void {
  if (!wasmPathsSet) {
    setWasmPaths({
      'tfjs-backend-wasm.wasm': wasmPlainUrl,
      'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
      'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedUrl,
    });
    wasmPathsSet = true;
  }
  // The threaded build crashes when minified and gains nothing on 2 cores (STACK.md pitfall 3).
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
}

/** Switches tfjs to `name`; false (never a throw) when the backend cannot initialise. */
async function trySetBackend(name: BackendName): Promise<boolean> {
  if (name === 'wasm') configureWasm();
  if (!tf.findBackendFactory(name)) return false;
  try {
    // setBackend logs and returns false when the factory rejects; some factories throw instead.
    return await tf.setBackend(name);
  } catch {
    return false;
  }
}

/** Times one square matmul on the current backend up to the read-back (STACK.md pitfall 7). */
async function probeMs(): Promise<number> {
  const a = tf.randomUniform([PROBE_SIZE, PROBE_SIZE], -1, 1, 'float32', 1);
  const b = tf.randomUniform([PROBE_SIZE, PROBE_SIZE], -1, 1, 'float32', 2);
  try {
    // The first run compiles kernels (shaders on GPU backends); the second is the one timed.
    const warm = tf.matMul(a, b);
    await warm.data();
    warm.dispose();
    const t0 = performance.now();
    const c = tf.matMul(a, b);
    await c.data();
    const ms = performance.now() - t0;
    c.dispose();
    return Math.round(ms * 10) / 10;
  } finally {
    a.dispose();
    b.dispose();
  }
}

/** Requests a WebGPU adapter; null when WebGPU is missing or gives none. */
async function requestAdapter(): Promise<AdapterInfo | null> {
  const gpu = (globalThis.navigator as Navigator | undefined)?.gpu;
  if (!gpu) return null;
  let adapter: AdapterLike | null;
  try {
    adapter = (await gpu.requestAdapter()) as AdapterLike | null;
  } catch {
    return null;
  }
  if (!adapter) return null;
  return {
    vendor: adapter.info?.vendor || 'unknown',
    architecture: adapter.info?.architecture || 'unknown',
    isFallbackAdapter: Boolean(adapter.isFallbackAdapter ?? adapter.info?.isFallbackAdapter),
  };
}

/** Human name of an adapter for reasons. */
function describeAdapter(adapter: AdapterInfo): string {
  const what = [adapter.vendor, adapter.architecture].filter((s) => s !== 'unknown').join(' ');
  if (adapter.isFallbackAdapter) {
    return `a software fallback (${what || 'e.g. SwiftShader'})`;
  }
  return `a hardware GPU${what ? ` (${what})` : ''}`;
}

/** Display name of each backend, for reasons and run notes. */
export const BACKEND_LABEL: Record<BackendName, string> = {
  webgpu: 'WebGPU',
  wasm: 'WASM',
  cpu: 'CPU',
  webgl: 'WebGL',
};

/** The WASM-then-CPU tail of `auto`, with the reason prefix for why WebGPU was not used. */
async function wasmOrCpu(
  why: string,
  probes: Partial<Record<BackendName, number>>,
): Promise<{ name: BackendName; reason: string }> {
  if (await trySetBackend('wasm')) {
    probes.wasm = await probeMs();
    const simd = (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) ? 'SIMD' : 'no SIMD';
    return { name: 'wasm', reason: `${why}; WASM (${simd}) probe ${probes.wasm} ms` };
  }
  if (await trySetBackend('cpu')) {
    probes.cpu = await probeMs();
    return { name: 'cpu', reason: `${why}; WASM failed to initialise, CPU probe ${probes.cpu} ms` };
  }
  throw new Error(`no tfjs backend could be initialised (${why}; WASM and CPU both failed)`);
}

/** Auto selection: hardware WebGPU, else WASM, else CPU. */
async function selectAuto(): Promise<BackendInfo> {
  const probes: Partial<Record<BackendName, number>> = {};
  const adapter = await requestAdapter();
  let why: string;
  if (!adapter) {
    why = 'no WebGPU adapter is available';
  } else if (adapter.isFallbackAdapter) {
    why = `WebGPU adapter is ${describeAdapter(adapter)}, which trains ~35x slower than WASM`;
  } else if (await trySetBackend('webgpu')) {
    probes.webgpu = await probeMs();
    return {
      name: 'webgpu',
      reason: `WebGPU adapter is ${describeAdapter(adapter)}; probe ${probes.webgpu} ms`,
      forced: false,
      adapter,
      probeMs: probes,
    };
  } else {
    why = `WebGPU adapter ${describeAdapter(adapter)} failed to initialise`;
  }
  const chosen = await wasmOrCpu(why, probes);
  return { ...chosen, forced: false, ...(adapter ? { adapter } : {}), probeMs: probes };
}

/**
 * Selects and initialises the tfjs backend, measuring it with a short probe.
 *
 * `auto` uses WebGPU only with a hardware (non-fallback) adapter, else WASM (threads off,
 * binaries from local `?url` imports), else CPU. A named preference (Settings) uses that backend
 * even on a fallback adapter; if it cannot initialise, `auto` runs instead and the reason says so
 * (`forced` is then false, because the backend in use is not the one the user asked for).
 * Safe to call again at any time to switch; tensors move to the new backend lazily.
 *
 * @param preference `'auto'` or a backend name forced in Settings
 * @returns the backend in use, a one-sentence reason, the adapter found and probe timings
 * @throws Error when not even the CPU backend initialises
 * @example
 * await selectBackend('auto')
 * // { name: 'wasm', forced: false, probeMs: { wasm: 3.1 }, reason: 'WebGPU adapter is a
 * //   software fallback (google swiftshader), which trains ~35x slower than WASM;
 * //   WASM (SIMD) probe 3.1 ms', adapter: { ... isFallbackAdapter: true } }
 */
export async function selectBackend(preference: 'auto' | BackendName): Promise<BackendInfo> {
  if (preference === 'auto') return selectAuto();
  const adapter = preference === 'webgpu' ? await requestAdapter() : null;
  if (await trySetBackend(preference)) {
    const probes: Partial<Record<BackendName, number>> = { [preference]: await probeMs() };
    const note = adapter?.isFallbackAdapter
      ? ` even though its adapter is ${describeAdapter(adapter)} and much slower than WASM`
      : '';
    return {
      name: preference,
      reason: `${BACKEND_LABEL[preference]} was forced in Settings${note}; probe ${probes[preference]} ms`,
      forced: true,
      ...(adapter ? { adapter } : {}),
      probeMs: probes,
    };
  }
  const auto = await selectAuto();
  const hint =
    preference === 'webgpu' && !(globalThis.navigator as Navigator | undefined)?.gpu
      ? ' (this browser exposes no navigator.gpu)'
      : '';
  return {
    ...auto,
    reason: `${BACKEND_LABEL[preference]} was forced in Settings but failed to initialise${hint}, so auto chose ${BACKEND_LABEL[auto.name]}: ${auto.reason}`,
  };
}

/**
 * Live tensors on the current tfjs engine, for leak checks (RELIABILITY M6: flat across epochs
 * and trials).
 * @returns `tf.memory().numTensors`
 */
export function currentTensorCount(): number {
  return tf.memory().numTensors;
}
