/**
 * Model export and import (issue 5) as one `.benchtop-model.json` container
 * (src/lib/registry/model-export-container.ts).
 *
 * Import checks everything before it writes anything (RELIABILITY.md X6/X7): the container
 * (size, format, base64), the files (names, `../` and absolute paths, duplicates, sizes), the
 * JSON (safe parse), the weights' SHA-256 against `benchtop.json`, the topology and weights
 * against what Benchtop builds (`checkArtifacts`), then a trial load with tfjs. Only then are
 * the artifact and the version written. A hostile file is refused with the typed error's message
 * and nothing is stored. tfjs is only given in-memory artifacts (no URLs, no network).
 *
 * An imported version has no training run in this browser, but the registry requires one: a
 * single placeholder run with id `imported` (status `completed`, tag `imported`) is created on
 * the first import and shared by every imported version; the version's tags get `imported`, and
 * its `datasetVersionId` is the exported one (or `imported` when absent).
 */
import * as tf from '@tensorflow/tfjs';
import type { ModelCard, ModelVersion, Run } from '../../src/lib/contracts/entities';
import { InvalidArgumentError, NotFoundError } from '../../src/lib/contracts/errors';
import {
  getArtifact,
  getDataset,
  getModelVersion,
  getRun,
  getVersion,
  putArtifact,
  putRun,
  registerModelVersion,
} from '../../src/lib/db';
import {
  buildModelCard,
  buildModelExport,
  MODEL_CONTAINER_EXTENSION,
  packModelExport,
  parseModelExport,
  unpackModelExport,
  verifyWeightsHash,
} from '../../src/lib/registry';
import { modelFromArtifacts } from '../ml';
import { checkArtifacts } from '../ml/check-artifacts';
import { ensureBackend } from './backend-state';

/** The run every imported version points at. */
export const IMPORTED_RUN_ID = 'imported';

function safeFilePart(name: string): string {
  const cleaned = Array.from(name, (ch) =>
    ch.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(ch) ? '_' : ch,
  ).join('');
  return cleaned.slice(0, 120) || 'model';
}

/**
 * Exports a registered version as one container file.
 * @param modelVersionId `${name}@${version}`
 * @returns `<name>-v<version>.benchtop-model.json` and its bytes
 * @throws NotFoundError when the version or its artifact is missing; IntegrityError when the
 *   stored weights no longer match their hash
 */
export async function exportModel(
  modelVersionId: string,
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const version = await getModelVersion(modelVersionId);
  if (!version) throw new NotFoundError('model version', modelVersionId);
  const artifact = await getArtifact(version.artifactId);
  if (!artifact) throw new NotFoundError('model artifact', version.artifactId);
  const run = await getRun(version.runId);
  const card = run ? await cardOf(version, run) : bareCard(version);
  const { files } = buildModelExport({ artifact, version, card });
  return {
    fileName: `${safeFilePart(version.name)}-v${version.version}${MODEL_CONTAINER_EXTENSION}`,
    bytes: packModelExport(files),
  };
}

async function cardOf(version: ModelVersion, run: Run): Promise<ModelCard> {
  const dv = await getVersion(version.datasetVersionId);
  const dataset = dv ? await getDataset(dv.datasetId) : undefined;
  return buildModelCard({
    version,
    run,
    evaluation: run.evaluation ?? null,
    datasetName: dataset?.name ?? version.datasetVersionId,
    limitations: '',
    intendedUse: '',
  });
}

function bareCard(version: ModelVersion): ModelCard {
  return {
    title: `${version.name} v${version.version}`,
    modelVersionId: version.id,
    createdAt: version.createdAt,
    sections: [],
  };
}

function checkModelName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > 200 || /[@:]/.test(trimmed)) {
    throw new InvalidArgumentError('name', name, 'use 1–200 characters without "@" or ":"');
  }
  return trimmed;
}

/**
 * Imports a container file as a new version of `name`.
 * @param name the model name to register under
 * @param file the `.benchtop-model.json` file
 * @param fileName for messages
 * @returns the registered version
 * @throws ModelExportError / IntegrityError naming what was refused (nothing is stored);
 *   InvalidArgumentError for a bad name
 */
export async function importModel(
  name: string,
  file: Blob,
  fileName: string,
): Promise<ModelVersion> {
  const modelName = checkModelName(name);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const parsed = parseModelExport(unpackModelExport(bytes));
  await verifyWeightsHash(parsed);
  const artifacts = {
    modelTopology: parsed.modelTopology,
    weightSpecs: parsed.weightSpecs,
    weightData: parsed.weightData,
  };
  checkArtifacts(artifacts);
  await ensureBackend();
  const model = await modelFromArtifacts(artifacts);
  try {
    // A trial forward pass on zeros: the weights fit the topology and the output is finite.
    const out = tf.tidy(() =>
      model.predict(tf.zeros([1, parsed.preprocessing.outputWidth])),
    ) as tf.Tensor;
    const values = await out.data();
    out.dispose();
    if (!Array.from(values).every(Number.isFinite)) {
      throw new InvalidArgumentError('file', fileName, 'the model gives non-finite outputs');
    }
  } finally {
    model.dispose();
  }

  const meta = parsed.meta;
  if (!(await getRun(IMPORTED_RUN_ID))) await putRun(placeholderRun(parsed.signature.target));
  const artifactId = `artifact-imported-${crypto.randomUUID()}`;
  await putArtifact({
    id: artifactId,
    runId: IMPORTED_RUN_ID,
    createdAt: Date.now(),
    preprocessing: parsed.preprocessing,
    signature: parsed.signature,
    modelTopology: parsed.modelTopology,
    weightSpecs: parsed.weightSpecs,
    weightData: parsed.weightData,
    weightsHash: meta.artifact.weightsHash,
  });
  const tags = meta.model.tags.includes('imported')
    ? meta.model.tags
    : [...meta.model.tags, 'imported'];
  return registerModelVersion({
    name: modelName,
    runId: IMPORTED_RUN_ID,
    artifactId,
    datasetVersionId: meta.model.datasetVersionId || 'imported',
    signature: parsed.signature,
    description: meta.model.description,
    tags,
  });
}

function placeholderRun(target: { name: string; task: Run['task'] }): Run {
  return {
    id: IMPORTED_RUN_ID,
    createdAt: Date.now(),
    datasetVersionId: 'imported',
    target: target.name,
    features: [],
    task: target.task,
    config: {
      kind: 'mlp',
      hiddenUnits: [],
      activation: 'relu',
      dropout: 0,
      l1: 0,
      l2: 0,
      optimizer: 'adam',
      learningRate: 0,
      batchSize: 1,
      epochs: 0,
      earlyStoppingPatience: 0,
    },
    split: { seed: 0, train: 1, validation: 0, test: 0, stratify: false },
    backend: { name: 'cpu', reason: 'imported models were trained elsewhere', forced: true },
    env: { userAgent: self.navigator.userAgent, tfjsVersion: tf.version.tfjs, appVersion: '' },
    status: 'completed',
    history: [],
    tags: ['imported'],
    notes:
      'Placeholder run shared by every imported model version: they were trained outside this browser.',
  };
}
