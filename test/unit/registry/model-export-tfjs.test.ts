/**
 * Interop: a real tfjs model survives buildModelExport → parseModelExport, and its model.json is
 * what tfjs itself reads (`tf.io.getModelArtifactsForJSON`). Node, CPU backend; tfjs is used
 * here only to prove the format, never by src/lib.
 */
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelArtifact } from '../../../src/lib/contracts/entities';
import { sha256Hex } from '../../../src/lib/db/sha256';
import { buildModelExport } from '../../../src/lib/registry/build-model-export';
import { parseModelExport } from '../../../src/lib/registry/parse-model-export';
import { checkArtifacts } from '../../../workers/ml/check-artifacts';
import { preprocessing, signature, version } from './fixtures';
import { card } from './model-export-helpers';

let model: tf.Sequential;
let saved: tf.io.ModelArtifacts;
const input = () => tf.tensor2d([Array.from({ length: 11 }, (_, i) => (i % 3) - 1)], [1, 11]);

beforeAll(async () => {
  await tf.setBackend('cpu');
  tf.env().set('IS_TEST', true);
  model = tf.sequential({
    layers: [
      tf.layers.dense({
        units: 4,
        activation: 'relu',
        inputShape: [11],
        kernelInitializer: 'glorotUniform',
      }),
      tf.layers.dense({ units: 3, activation: 'softmax' }),
    ],
  });
  await model.save(
    tf.io.withSaveHandler(async (a) => {
      saved = a;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
});

afterAll(() => model.dispose());

async function exportedArtifact(): Promise<ModelArtifact> {
  const weightData = saved.weightData as ArrayBuffer;
  return {
    id: 'art-1',
    runId: 'run-1',
    createdAt: 0,
    preprocessing,
    signature,
    modelTopology: JSON.parse(JSON.stringify(saved.modelTopology)) as unknown,
    weightSpecs: JSON.parse(JSON.stringify(saved.weightSpecs)) as unknown[],
    weightData,
    weightsHash: await sha256Hex(weightData),
  };
}

describe('model export with tfjs', () => {
  it('round-trips a real model to identical predictions, without leaking tensors', async () => {
    const files = buildModelExport({ artifact: await exportedArtifact(), version, card }).files;
    const parsed = parseModelExport(files);
    expect(() => checkArtifacts(parsed)).not.toThrow();
    const before = tf.memory().numTensors;
    const loaded = await tf.loadLayersModel(tf.io.fromMemory(parsed));
    const x = input();
    const want = model.predict(x) as tf.Tensor;
    const got = loaded.predict(x) as tf.Tensor;
    expect(Array.from(got.dataSync())).toEqual(Array.from(want.dataSync()));
    tf.dispose([x, want, got]);
    loaded.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it("writes a model.json that tfjs's own JSON reader accepts", async () => {
    const files = buildModelExport({ artifact: await exportedArtifact(), version, card }).files;
    const modelJson = JSON.parse(new TextDecoder().decode(files[0]!.bytes)) as tf.io.ModelJSON;
    const weights = files[1]!.bytes;
    const artifacts = await tf.io.getModelArtifactsForJSON(modelJson, async (manifest) => {
      expect(manifest.map((g) => g.paths)).toEqual([['weights.bin']]);
      return [manifest.flatMap((g) => g.weights), weights.slice().buffer];
    });
    const loaded = await tf.loadLayersModel(tf.io.fromMemory(artifacts));
    const x = input();
    const want = model.predict(x) as tf.Tensor;
    const got = loaded.predict(x) as tf.Tensor;
    expect(Array.from(got.dataSync())).toEqual(Array.from(want.dataSync()));
    tf.dispose([x, want, got]);
    loaded.dispose();
  });
});
