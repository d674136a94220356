import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { buildModel, fit, selectBackend } from '../../../workers/ml';
import { blobs, cfg } from './helpers';

describe('selectBackend', () => {
  it('auto on this GPU-less machine picks WASM and says the adapter is a fallback', async () => {
    const info = await selectBackend('auto');
    console.log(JSON.stringify(info));
    expect(info.name).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(info.forced).toBe(false);
    expect(info.probeMs?.wasm).toBeGreaterThan(0);
    if (info.adapter) {
      // With --enable-unsafe-webgpu the adapter here is SwiftShader.
      expect(info.adapter.isFallbackAdapter).toBe(true);
      expect(info.reason).toMatch(/fallback/i);
    } else {
      expect(info.reason).toMatch(/no WebGPU adapter/);
    }
    // Idempotent.
    const again = await selectBackend('auto');
    expect(again.name).toBe('wasm');
  });

  it('forced cpu, then back to wasm', async () => {
    const cpu = await selectBackend('cpu');
    expect(cpu).toMatchObject({ name: 'cpu', forced: true });
    expect(cpu.reason).toMatch(/forced in Settings/);
    expect(tf.getBackend()).toBe('cpu');
    const wasm = await selectBackend('wasm');
    expect(wasm).toMatchObject({ name: 'wasm', forced: true });
    expect(tf.getBackend()).toBe('wasm');
  });

  it('WebGPU smoke test: forced on the fallback adapter, a tiny model trains, then back to WASM', async () => {
    if (!('gpu' in navigator) || !navigator.gpu) {
      throw new Error(
        'navigator.gpu is missing: Chromium needs --enable-unsafe-webgpu (vite.config.ts, browser project launchOptions.args)',
      );
    }
    const t0 = performance.now();
    const info = await selectBackend('webgpu');
    console.log(JSON.stringify(info), `${(performance.now() - t0).toFixed(0)} ms`);
    expect(info).toMatchObject({ name: 'webgpu', forced: true });
    expect(tf.getBackend()).toBe('webgpu');
    if (info.adapter?.isFallbackAdapter)
      expect(info.reason).toMatch(/forced in Settings even though/);

    // SwiftShader compiles each shader slowly (~11 s for the first): few ops, few batches.
    const data = blobs(256, 4, 2, 7);
    const config = cfg({
      kind: 'logistic',
      optimizer: 'sgd',
      learningRate: 0.5,
      batchSize: 64,
      epochs: 5,
    });
    const model = buildModel(config, 4, 'binary', 2, 1);
    const before = tf.memory().numTensors;
    const { history } = await fit(model, data, config, { seed: 1 });
    console.log(
      `webgpu fit ${(performance.now() - t0).toFixed(0)} ms`,
      history.map((r) => r.loss.toFixed(4)).join(' '),
    );
    expect(history).toHaveLength(5);
    expect(history.at(-1)!.loss).toBeLessThan(history[0]!.loss);
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();

    const back = await selectBackend('wasm');
    expect(back.name).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
  }, 90_000);
});
