/**
 * Validation of model artifacts before tfjs sees them (RELIABILITY X7: hostile model). Only what
 * {@link buildModel} produces is accepted: a Sequential of Dense/Dropout(/InputLayer) layers
 * ending in a softmax or a 1-unit linear layer, float32 weights whose bytes match the shapes the
 * topology implies, all finite, and nothing that names a file or URL.
 *
 * Shapes are derived from the topology and compared with the weight specs *before* building, so
 * a topology claiming huge layers cannot make tfjs allocate more than the bytes actually given.
 */
import { IntegrityError } from '../../src/lib/contracts/errors';
import { MAX_UNITS } from './model';

/** The three parts of a stored model, as {@link modelToArtifacts} returns them. */
export interface ModelArtifactsData {
  modelTopology: unknown;
  weightSpecs: unknown[];
  weightData: ArrayBuffer;
}

const LAYERS = new Set(['Dense', 'Dropout', 'InputLayer']);
const ACTIVATIONS = new Set(['linear', 'relu', 'tanh', 'sigmoid', 'softmax']);
// Initialisers run once while tfjs builds the layers (then weights overwrite them): only cheap,
// shape-linear ones (no Orthogonal: a QR on 4096 x 4096 would stall the worker).
const INITIALIZERS = new Set([
  'GlorotUniform',
  'GlorotNormal',
  'HeUniform',
  'HeNormal',
  'LeCunUniform',
  'LeCunNormal',
  'VarianceScaling',
  'RandomUniform',
  'RandomNormal',
  'TruncatedNormal',
  'Zeros',
  'Ones',
  'Constant',
]);
const REGULARIZERS = new Set(['L1L2']);
/** Widest input accepted (a feature vector after one-hot encoding). */
const MAX_INPUT_WIDTH = 65536;
const MAX_LAYERS = 64;
/** Keys that would make a loader fetch something. */
const FORBIDDEN_KEYS = new Set(['weightsManifest', 'paths', 'weightUrlConverter', 'url', 'href']);

function reject(why: string): never {
  throw new IntegrityError(`model artifact rejected: ${why}`);
}

type Dict = Record<string, unknown>;
const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Walks the JSON parts: no fetch-related keys, no URLs, bounded depth and size. */
function checkNoReferences(
  value: unknown,
  path: string,
  budget: { nodes: number },
  depth = 0,
): void {
  if (--budget.nodes < 0) reject('topology is too large');
  if (depth > 32) reject(`topology nests too deeply at ${path}`);
  if (typeof value === 'string') {
    if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(value) || value.includes('://')) {
      reject(`${path} looks like a URL or path (${JSON.stringify(value.slice(0, 60))})`);
    }
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => checkNoReferences(v, `${path}[${i}]`, budget, depth + 1));
    return;
  }
  if (isDict(value)) {
    for (const [key, v] of Object.entries(value)) {
      if (FORBIDDEN_KEYS.has(key)) reject(`${path}.${key} refers to external files`);
      checkNoReferences(v, `${path}.${key}`, budget, depth + 1);
    }
  }
}

function checkSerializable(v: unknown, allowed: Set<string>, what: string): void {
  if (v === null || v === undefined) return;
  const name = isDict(v) ? v['class_name'] : undefined;
  if (typeof name !== 'string' || !allowed.has(name))
    reject(`${what} ${JSON.stringify(name)} is not allowed`);
}

/** Expected weight shapes, in save order, from a Sequential topology. */
function expectedShapes(topology: unknown): number[][] {
  if (!isDict(topology) || topology['class_name'] !== 'Sequential') {
    reject('topology must be a Sequential model');
  }
  const config = topology['config'];
  const layers = isDict(config) ? config['layers'] : undefined;
  if (!Array.isArray(layers) || layers.length === 0 || layers.length > MAX_LAYERS) {
    reject(`a model needs 1 to ${MAX_LAYERS} layers`);
  }
  const shapes: number[][] = [];
  let width: number | null = null;
  let lastDense: Dict | null = null;
  layers.forEach((layer: unknown, i) => {
    const where = `layer ${i + 1}`;
    const cls = isDict(layer) ? layer['class_name'] : undefined;
    if (typeof cls !== 'string' || !LAYERS.has(cls)) {
      reject(`${where} is ${JSON.stringify(cls)}; only Dense, Dropout and InputLayer are allowed`);
    }
    const c = (layer as Dict)['config'];
    if (!isDict(c)) reject(`${where} has no config`);
    const bis = c['batch_input_shape'] ?? c['batchInputShape'];
    if (width === null) {
      const w = Array.isArray(bis) && bis.length === 2 ? bis[1] : undefined;
      if (typeof w !== 'number' || !Number.isInteger(w) || w < 1 || w > MAX_INPUT_WIDTH) {
        reject(
          `${where}: input width ${JSON.stringify(w)} must be an integer 1..${MAX_INPUT_WIDTH}`,
        );
      }
      width = w;
    }
    if (cls === 'Dropout') {
      const rate = c['rate'];
      if (typeof rate !== 'number' || !(rate >= 0 && rate < 1))
        reject(`${where}: bad dropout rate`);
    }
    if (cls !== 'Dense') return;
    const units = c['units'];
    if (typeof units !== 'number' || !Number.isInteger(units) || units < 1 || units > MAX_UNITS) {
      reject(`${where}: ${JSON.stringify(units)} units; a Dense layer may have 1 to ${MAX_UNITS}`);
    }
    const act = c['activation'] ?? 'linear';
    if (typeof act !== 'string' || !ACTIVATIONS.has(act))
      reject(`${where}: activation ${JSON.stringify(act)}`);
    checkSerializable(c['kernel_initializer'], INITIALIZERS, `${where}: initializer`);
    checkSerializable(c['bias_initializer'], INITIALIZERS, `${where}: initializer`);
    checkSerializable(c['kernel_regularizer'], REGULARIZERS, `${where}: regularizer`);
    checkSerializable(c['bias_regularizer'], REGULARIZERS, `${where}: regularizer`);
    for (const k of ['kernel_constraint', 'bias_constraint', 'activity_regularizer']) {
      if (c[k] !== null && c[k] !== undefined) reject(`${where}: ${k} is not allowed`);
    }
    shapes.push([width as number, units]);
    if (c['use_bias'] !== false) shapes.push([units]);
    width = units;
    lastDense = c;
  });
  const out = lastDense as Dict | null;
  const ok =
    out &&
    (out['activation'] === 'softmax' || (out['activation'] === 'linear' && out['units'] === 1));
  if (!ok || layers[layers.length - 1]?.class_name !== 'Dense') {
    reject('the last layer must be a softmax Dense layer or a 1-unit linear Dense layer');
  }
  return shapes;
}

/**
 * Checks stored artifacts against the rules in the module doc.
 * @param artifacts untrusted input (e.g. from an imported bundle)
 * @returns the same object, typed
 * @throws IntegrityError whose message says what was rejected and where
 */
export function checkArtifacts(artifacts: unknown): ModelArtifactsData {
  if (!isDict(artifacts)) reject('not an object');
  for (const key of Object.keys(artifacts)) {
    if (FORBIDDEN_KEYS.has(key)) reject(`"${key}" refers to external files`);
  }
  const { modelTopology, weightSpecs, weightData } = artifacts;
  checkNoReferences(modelTopology, 'modelTopology', { nodes: 20000 });
  checkNoReferences(weightSpecs, 'weightSpecs', { nodes: 20000 });
  if (!(weightData instanceof ArrayBuffer)) reject('weightData must be an ArrayBuffer');
  if (!Array.isArray(weightSpecs)) reject('weightSpecs must be an array');

  const shapes = expectedShapes(modelTopology);
  if (weightSpecs.length !== shapes.length) {
    reject(`${weightSpecs.length} weight specs, but the topology has ${shapes.length} weights`);
  }
  let bytes = 0;
  weightSpecs.forEach((spec: unknown, i) => {
    if (!isDict(spec) || typeof spec['name'] !== 'string')
      reject(`weight spec ${i + 1} is malformed`);
    if (spec['dtype'] !== 'float32')
      reject(`weight ${spec['name']} has dtype ${JSON.stringify(spec['dtype'])}`);
    if (spec['quantization'] !== undefined) reject(`weight ${spec['name']} is quantized`);
    const shape = spec['shape'];
    const want = shapes[i] as number[];
    if (
      !Array.isArray(shape) ||
      shape.length !== want.length ||
      shape.some((s, j) => s !== want[j])
    ) {
      reject(
        `weight ${spec['name']} has shape ${JSON.stringify(shape)}, the topology implies [${want}]`,
      );
    }
    bytes += want.reduce((a, b) => a * b, 1) * 4;
  });
  if (weightData.byteLength !== bytes) {
    reject(`weight data is ${weightData.byteLength} bytes; the weight specs need ${bytes}`);
  }
  const values = new Float32Array(weightData);
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) reject(`weight value ${i} is ${values[i]}`);
  }
  return { modelTopology, weightSpecs, weightData };
}
