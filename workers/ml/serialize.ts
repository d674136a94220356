/**
 * Model <-> plain artifacts (topology JSON, weight specs, one ArrayBuffer), the form stored in
 * IndexedDB as a `ModelArtifact` and put in export bundles. Loading validates first
 * (see check-artifacts.ts) and never fetches anything.
 */
import * as tf from '@tensorflow/tfjs';
import { checkArtifacts, type ModelArtifactsData } from './check-artifacts';

export type { ModelArtifactsData } from './check-artifacts';

function joinBuffers(data: ArrayBuffer | ArrayBuffer[] | undefined): ArrayBuffer {
  if (data === undefined) return new ArrayBuffer(0);
  if (!Array.isArray(data)) return data;
  const out = new Uint8Array(data.reduce((sum, b) => sum + b.byteLength, 0));
  let offset = 0;
  for (const b of data) {
    out.set(new Uint8Array(b), offset);
    offset += b.byteLength;
  }
  return out.buffer;
}

/**
 * Serialises a model to plain, structured-clone-safe data.
 * @param model any model from {@link buildModel} (trained or not)
 * @returns topology JSON, weight specs and the weights as one ArrayBuffer (float32, in spec order)
 * @example
 * const a = await modelToArtifacts(model)
 * a.weightData.byteLength // 4 * number of weights
 */
export async function modelToArtifacts(model: tf.LayersModel): Promise<ModelArtifactsData> {
  let saved: tf.io.ModelArtifacts | null = null;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  const a = saved as tf.io.ModelArtifacts | null;
  if (!a || !a.modelTopology || !a.weightSpecs) throw new Error('tfjs saved no model artifacts');
  // A JSON round trip drops prototypes and undefined values, so what we return is exactly what a
  // store or an export bundle will give back.
  return {
    modelTopology: JSON.parse(JSON.stringify(a.modelTopology)) as unknown,
    weightSpecs: JSON.parse(JSON.stringify(a.weightSpecs)) as unknown[],
    weightData: joinBuffers(a.weightData),
  };
}

/**
 * Loads a model from artifacts after validating them (RELIABILITY X7).
 * @param artifacts untrusted stored or imported artifacts
 * @returns a new `tf.LayersModel`; the caller disposes it
 * @throws IntegrityError when the artifacts are malformed or hostile (the message says why)
 * @example
 * const copy = await modelFromArtifacts(await modelToArtifacts(model))
 */
export async function modelFromArtifacts(artifacts: unknown): Promise<tf.LayersModel> {
  const checked = checkArtifacts(artifacts);
  return tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: checked.modelTopology as tf.io.ModelArtifacts['modelTopology'],
      weightSpecs: checked.weightSpecs as tf.io.WeightsManifestEntry[],
      weightData: checked.weightData,
    }),
  );
}
