/**
 * Writes a registered model version as export files (format in model-export-format.ts):
 * TensorFlow.js's own `model.json` + `weights.bin` pair, so the model loads in any tfjs
 * program, plus `benchtop.json` (everything Benchtop needs to serve it) and `MODEL_CARD.md`.
 */
import type { ModelArtifact, ModelCard, ModelVersion } from '../contracts/entities';
import { InvalidArgumentError } from '../contracts/errors';
import { modelCardMarkdown } from './model-card-markdown';
import {
  BENCHTOP_MODEL_FORMAT,
  BENCHTOP_MODEL_FORMAT_VERSION,
  type BenchtopModelFile,
  type ModelExportFile,
} from './model-export-format';

/** Inputs of {@link buildModelExport}. */
export interface ModelExportInput {
  artifact: ModelArtifact;
  version: ModelVersion;
  card: ModelCard;
  /** What wrote the export (model.json `generatedBy`); default `Benchtop`. */
  generatedBy?: string;
}

const encoder = new TextEncoder();

function jsonFile(path: string, value: unknown, indent?: number): ModelExportFile {
  return { path, bytes: encoder.encode(`${JSON.stringify(value, null, indent)}\n`) };
}

/**
 * Builds the files of a model export.
 * @param input the version's artifact, registry record and model card
 * @returns `model.json`, `weights.bin`, `benchtop.json`, `MODEL_CARD.md`, in that order
 * @throws InvalidArgumentError when the artifact is not the version's (`version.artifactId`)
 * @example
 * buildModelExport({ artifact, version, card }).files.map((f) => f.path)
 * // ['model.json', 'weights.bin', 'benchtop.json', 'MODEL_CARD.md']
 */
export function buildModelExport(input: ModelExportInput): { files: ModelExportFile[] } {
  const { artifact, version, card } = input;
  if (artifact.id !== version.artifactId) {
    throw new InvalidArgumentError(
      'artifact.id',
      artifact.id,
      `is not the artifact of ${version.id} (${version.artifactId})`,
    );
  }
  const generatedBy = input.generatedBy ?? 'Benchtop';
  const weights = new Uint8Array(artifact.weightData.slice(0));
  const model = {
    format: 'layers-model',
    generatedBy,
    convertedBy: null,
    modelTopology: artifact.modelTopology,
    weightsManifest: [{ paths: ['weights.bin'], weights: artifact.weightSpecs }],
  };
  const meta: BenchtopModelFile = {
    format: BENCHTOP_MODEL_FORMAT,
    formatVersion: BENCHTOP_MODEL_FORMAT_VERSION,
    generatedBy,
    model: {
      id: version.id,
      name: version.name,
      version: version.version,
      createdAt: version.createdAt,
      runId: version.runId,
      datasetVersionId: version.datasetVersionId,
      description: version.description,
      tags: [...version.tags],
    },
    artifact: {
      id: artifact.id,
      createdAt: artifact.createdAt,
      weightsHash: artifact.weightsHash,
      weightBytes: weights.byteLength,
    },
    preprocessing: artifact.preprocessing,
    signature: artifact.signature,
  };
  return {
    files: [
      jsonFile('model.json', model),
      { path: 'weights.bin', bytes: weights },
      jsonFile('benchtop.json', meta, 2),
      { path: 'MODEL_CARD.md', bytes: encoder.encode(modelCardMarkdown(card)) },
    ],
  };
}
