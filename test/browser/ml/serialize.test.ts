import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  buildModel,
  fit,
  modelFromArtifacts,
  modelToArtifacts,
  predictBatch,
  selectBackend,
  type ModelArtifactsData,
} from '../../../workers/ml';
import { IntegrityError } from '../../../src/lib/contracts/errors';
import { blobs, cfg } from './helpers';

const data = blobs(500, 6, 3, 4);
let good: ModelArtifactsData;
let expected: Float32Array;

beforeAll(async () => {
  await selectBackend('wasm');
  const config = cfg({ kind: 'mlp', hiddenUnits: [12, 8], dropout: 0.1, l2: 1e-4, epochs: 3 });
  const model = buildModel(config, 6, 'multiclass', 3, 9);
  await fit(model, data, config, { seed: 9 });
  expected = await predictBatch(model, data.x, data.n, 6, 'multiclass');
  good = await modelToArtifacts(model);
  model.dispose();
});

afterEach(() => vi.restoreAllMocks());

/** The parts of the saved topology JSON the tests tamper with. */
interface Topology {
  class_name: string;
  weightsManifest?: unknown;
  config: { layers: { class_name: string; config: Record<string, unknown> }[] };
}
type Spec = { dtype: string; shape: number[] };
type Edit = (topology: Topology, a: ModelArtifactsData) => unknown;

/** A deep copy of the good artifacts with `edit` applied. */
function tampered(edit: Edit): ModelArtifactsData {
  const a: ModelArtifactsData = {
    modelTopology: structuredClone(good.modelTopology),
    weightSpecs: structuredClone(good.weightSpecs),
    weightData: good.weightData.slice(0),
  };
  edit(a.modelTopology as Topology, a);
  return a;
}

describe('serialize', () => {
  it('round-trips: the loaded model predicts identically, no leak', async () => {
    const before = tf.memory().numTensors;
    const loaded = await modelFromArtifacts(good);
    const got = await predictBatch(loaded, data.x, data.n, 6, 'multiclass');
    expect(got).toEqual(expected);
    loaded.dispose();
    expect(tf.memory().numTensors).toBe(before);
    // It is plain data: structured-clone safe (IndexedDB, postMessage).
    expect(() => structuredClone(good)).not.toThrow();
  });

  it.each<[string, Edit, RegExp]>([
    ['weight bytes ≠ shapes', (_t, a) => (a.weightData = a.weightData.slice(4)), /bytes/],
    ['an unknown layer class', (t) => (t.config.layers[1]!.class_name = 'Lambda'), /"Lambda"/],
    ['huge units', (t) => (t.config.layers[0]!.config.units = 100000), /100000 units/],
    [
      'NaN weights',
      (_t, a) => new Float32Array(a.weightData).fill(Number.NaN, 3, 4),
      /weight value 3 is NaN/,
    ],
    [
      'a weights manifest with remote paths',
      (t) => (t.weightsManifest = [{ paths: ['https://evil.example/w.bin'], weights: [] }]),
      /external files|URL/,
    ],
    ['a URL in a name', (t) => (t.config.layers[0]!.config.name = 'https://evil.example/x'), /URL/],
    ['a non-Sequential topology', (t) => (t.class_name = 'Functional'), /Sequential/],
    ['an int32 weight', (_t, a) => ((a.weightSpecs[0] as Spec).dtype = 'int32'), /dtype/],
    ['a swapped weight shape', (_t, a) => ((a.weightSpecs[0] as Spec).shape = [12, 6]), /shape/],
  ])('rejects %s, without touching the network', async (_name, edit, message) => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const before = tf.memory().numTensors;
    const err = await modelFromArtifacts(tampered(edit)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IntegrityError);
    expect((err as Error).message).toMatch(message);
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects a top-level weightsManifest and non-objects', async () => {
    const a = { ...good, weightsManifest: [{ paths: ['w.bin'], weights: [] }] };
    await expect(modelFromArtifacts(a)).rejects.toThrow(/external files/);
    await expect(modelFromArtifacts(null)).rejects.toThrow(IntegrityError);
    await expect(modelFromArtifacts({ ...good, weightData: [good.weightData] })).rejects.toThrow(
      /ArrayBuffer/,
    );
  });
});
