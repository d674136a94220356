/**
 * Reads a model export (format in model-export-format.ts) from untrusted files, strictly
 * (RELIABILITY X6 hostile bundle, X7 hostile model). In order, each failure a
 * {@link ModelExportError} naming the file and what is wrong:
 *
 * 1. at most `maxFiles` (8) files, counted before anything is read;
 * 2. each path a bare allowed name: no `..`, no absolute path (`/x`, `\x`, `C:x`), no folder,
 *    nothing but `model.json`, `weights.bin`, `benchtop.json`, `MODEL_CARD.md`; no duplicates;
 *    no file over `maxFileBytes` (200 MiB); the first three present;
 * 3. every JSON file valid UTF-8 and JSON, parsed with a reviver that drops `__proto__`,
 *    `constructor` and `prototype` keys;
 * 4. `model.json`: `format: 'layers-model'`, an object `modelTopology`, exactly one weights
 *    group whose `paths` is exactly `['weights.bin']` (no URL, no other file), weight specs with
 *    unique names, dtypes float32/int32/bool, non-negative integer shapes and no quantization;
 * 5. `weights.bin` exactly Σ (product of shape × dtype size) bytes; float32 values finite;
 * 6. `benchtop.json`: this format and version, version metadata, a SHA-256 hex `weightsHash`
 *    and `weightBytes` equal to the weights' length, a well-formed preprocessing spec and
 *    signature, every transform on a signature input, and the spec's output width equal to the
 *    topology's input width when the topology states one.
 *
 * What this does not do: check the topology's layers (workers/ml/check-artifacts.ts does that
 * right before tfjs sees it) and verify the SHA-256 (async: {@link verifyWeightsHash}).
 */
import type { InputSignature, PreprocessingSpec } from '../contracts/entities';
import { sha256Hex } from '../db/sha256';
import { checkInputSignature } from './check-input-signature';
import { checkPreprocessingSpec } from './check-preprocessing-spec';
import { ModelExportError } from './model-export-error';
import {
  BENCHTOP_MODEL_FORMAT,
  BENCHTOP_MODEL_FORMAT_VERSION,
  DEFAULT_MODEL_EXPORT_LIMITS,
  DTYPE_BYTES,
  MODEL_EXPORT_FILES,
  REQUIRED_MODEL_EXPORT_FILES,
  type ExportedWeightSpec,
  type ModelExportFile,
  type ModelExportLimits,
  type ModelExportMeta,
} from './model-export-format';
import {
  type Fail,
  isRecord,
  own,
  readFinite,
  readRecord,
  readString,
  readStringArray,
} from './read-untrusted';
import { safeJsonParse } from './safe-json';

/** A model export, checked and ready for the registry (and for check-artifacts + tfjs). */
export interface ParsedModelExport {
  modelTopology: Record<string, unknown>;
  weightSpecs: ExportedWeightSpec[];
  /** A fresh copy of `weights.bin`. */
  weightData: ArrayBuffer;
  preprocessing: PreprocessingSpec;
  signature: InputSignature;
  meta: ModelExportMeta;
  /** `MODEL_CARD.md`, when present. */
  cardMarkdown: string | null;
}

const ALLOWED: ReadonlySet<string> = new Set(MODEL_EXPORT_FILES);

function failIn(file?: string): Fail {
  return (message) => {
    throw new ModelExportError(message, file);
  };
}

function describeBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MiB` : `${n} bytes`;
}

/** Why a path is not acceptable, or null when it is an allowed name. */
function pathProblem(path: string): string | null {
  if (path === '') return 'an empty file name is not allowed';
  if (path.split(/[\\/]/).includes('..'))
    return 'goes up a folder (..); only bare file names are allowed';
  if (/^[\\/]/.test(path) || /^[a-zA-Z]:/.test(path)) {
    return 'is an absolute path; only bare file names are allowed';
  }
  if (/[\\/]/.test(path)) return 'is inside a folder; only bare file names are allowed';
  if (!ALLOWED.has(path))
    return `is not part of a model export (expected ${MODEL_EXPORT_FILES.join(', ')})`;
  return null;
}

/** The export's files by name, after the count, path, duplicate and size checks. */
function collectFiles(
  files: ReadonlyMap<string, Uint8Array> | readonly ModelExportFile[],
  limits: ModelExportLimits,
): Map<string, Uint8Array> {
  const entries: ModelExportFile[] =
    files instanceof Map
      ? [...files].map(([path, bytes]) => ({ path, bytes }))
      : [...(files as readonly ModelExportFile[])];
  const reject = (message: string, file?: string): never => {
    throw new ModelExportError(message, file);
  };
  if (entries.length > limits.maxFiles) {
    reject(`has ${entries.length} files; a model export has at most ${limits.maxFiles}`);
  }
  const byName = new Map<string, Uint8Array>();
  for (const entry of entries) {
    const path: unknown = isRecord(entry) ? own(entry, 'path') : undefined;
    if (typeof path !== 'string') return reject('has a file without a name');
    const problem = pathProblem(path);
    if (problem) reject(problem, JSON.stringify(path.slice(0, 80)));
    if (byName.has(path)) reject('appears twice', path);
    const bytes: unknown = own(entry as unknown as Record<string, unknown>, 'bytes');
    if (!(bytes instanceof Uint8Array)) return reject('has no byte content', path);
    if (bytes.byteLength > limits.maxFileBytes) {
      reject(
        `is ${describeBytes(bytes.byteLength)}; the limit is ${describeBytes(limits.maxFileBytes)}`,
        path,
      );
    }
    byName.set(path, bytes);
  }
  for (const name of REQUIRED_MODEL_EXPORT_FILES) {
    if (!byName.has(name)) reject(`is missing ${name}`);
  }
  return byName;
}

function readText(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return failIn(file)('is not valid UTF-8 text');
  }
}

function readJson(bytes: Uint8Array, file: string): unknown {
  const text = readText(bytes, file);
  try {
    return safeJsonParse(text);
  } catch (e) {
    // SyntaxError for bad JSON; RangeError for absurd nesting.
    return failIn(file)(`is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** Product of a shape, or fail when it is not a list of non-negative safe integers. */
function shapeSize(shape: unknown, where: string, fail: Fail): number {
  if (!Array.isArray(shape) || shape.length > 8)
    fail(`${where} must be an array of at most 8 sizes`);
  let size = 1;
  for (const d of shape) {
    if (typeof d !== 'number' || !Number.isSafeInteger(d) || d < 0) {
      fail(`${where} must hold non-negative integers, not ${JSON.stringify(d)}`);
    }
    size *= d;
    if (!Number.isSafeInteger(size)) fail(`${where} is too large`);
  }
  return size;
}

function readModelJson(
  value: unknown,
  weights: Uint8Array,
): { modelTopology: Record<string, unknown>; weightSpecs: ExportedWeightSpec[] } {
  const fail: Fail = failIn('model.json');
  const m = readRecord(value, 'the file', fail);
  if (own(m, 'format') !== 'layers-model') {
    fail(`has format ${JSON.stringify(own(m, 'format'))}; expected "layers-model"`);
  }
  const modelTopology = readRecord(own(m, 'modelTopology'), 'modelTopology', fail);
  const manifest = own(m, 'weightsManifest');
  if (!Array.isArray(manifest) || manifest.length !== 1) {
    fail('weightsManifest must hold exactly one weights group');
  }
  const group = readRecord(manifest[0], 'weightsManifest[0]', fail);
  const paths = own(group, 'paths');
  if (!Array.isArray(paths) || paths.length !== 1 || paths[0] !== 'weights.bin') {
    fail(
      `weightsManifest paths must be exactly ["weights.bin"] (no URLs or other files), not ` +
        JSON.stringify(paths)?.slice(0, 120),
    );
  }
  const specs = own(group, 'weights');
  if (!Array.isArray(specs)) fail('weightsManifest[0].weights must be an array');
  const names = new Set<string>();
  let expected = 0;
  const weightSpecs = specs.map((raw: unknown, i): ExportedWeightSpec => {
    const at = `weight spec ${i + 1}`;
    const s = readRecord(raw, at, fail);
    const name = readString(own(s, 'name'), `${at}: name`, fail);
    if (names.has(name)) fail(`weight ${JSON.stringify(name)} appears twice`);
    names.add(name);
    const dtype = own(s, 'dtype');
    if (typeof dtype !== 'string' || !Object.hasOwn(DTYPE_BYTES, dtype)) {
      fail(
        `weight ${JSON.stringify(name)} has dtype ${JSON.stringify(dtype)}; expected float32, int32 or bool`,
      );
    }
    if (own(s, 'quantization') !== undefined) fail(`weight ${JSON.stringify(name)} is quantized`);
    const size = shapeSize(own(s, 'shape'), `weight ${JSON.stringify(name)}: shape`, fail);
    expected += size * DTYPE_BYTES[dtype]!;
    if (!Number.isSafeInteger(expected)) fail('the weight specs describe too many bytes');
    return {
      name,
      shape: [...(own(s, 'shape') as number[])],
      dtype: dtype as ExportedWeightSpec['dtype'],
    };
  });
  if (weights.byteLength !== expected) {
    failIn('weights.bin')(
      `is ${weights.byteLength} bytes, but the weight specs in model.json need ${expected}`,
    );
  }
  return { modelTopology, weightSpecs };
}

/** Rejects NaN and infinite float32 weights (a hostile or diverged model). */
function checkFinite(data: ArrayBuffer, specs: readonly ExportedWeightSpec[]): void {
  const view = new DataView(data);
  let offset = 0;
  for (const spec of specs) {
    const count = spec.shape.reduce((a, b) => a * b, 1);
    if (spec.dtype === 'float32') {
      for (let i = 0; i < count; i++) {
        const x = view.getFloat32(offset + i * 4, true);
        if (!Number.isFinite(x)) {
          failIn('weights.bin')(`weight ${JSON.stringify(spec.name)} value ${i} is ${x}`);
        }
      }
    }
    offset += count * DTYPE_BYTES[spec.dtype]!;
  }
}

/** The input width a Sequential topology states (first layer's batch input shape), if any. */
function statedInputWidth(topology: Record<string, unknown>): number | null {
  const config = own(topology, 'config');
  const layers = isRecord(config) ? own(config, 'layers') : undefined;
  const first: unknown = Array.isArray(layers) ? layers[0] : undefined;
  const c = isRecord(first) ? own(first, 'config') : undefined;
  if (!isRecord(c)) return null;
  const shape = own(c, 'batch_input_shape') ?? own(c, 'batchInputShape');
  const w: unknown = Array.isArray(shape) ? shape[1] : undefined;
  return typeof w === 'number' ? w : null;
}

function readMeta(
  value: unknown,
  weightBytes: number,
): {
  meta: ModelExportMeta;
  preprocessing: PreprocessingSpec;
  signature: InputSignature;
} {
  const fail: Fail = failIn('benchtop.json');
  const b = readRecord(value, 'the file', fail);
  if (own(b, 'format') !== BENCHTOP_MODEL_FORMAT) {
    fail(`has format ${JSON.stringify(own(b, 'format'))}; expected "${BENCHTOP_MODEL_FORMAT}"`);
  }
  const version = own(b, 'formatVersion');
  if (version !== BENCHTOP_MODEL_FORMAT_VERSION) {
    fail(
      typeof version === 'number' && version > BENCHTOP_MODEL_FORMAT_VERSION
        ? `has format version ${version}, newer than this Benchtop reads (${BENCHTOP_MODEL_FORMAT_VERSION}); update Benchtop`
        : `has format version ${JSON.stringify(version)}; expected ${BENCHTOP_MODEL_FORMAT_VERSION}`,
    );
  }
  const m = readRecord(own(b, 'model'), 'model', fail);
  const versionNumber = own(m, 'version');
  if (
    typeof versionNumber !== 'number' ||
    !Number.isSafeInteger(versionNumber) ||
    versionNumber < 1
  ) {
    fail(`model.version must be a positive integer, not ${JSON.stringify(versionNumber)}`);
  }
  const a = readRecord(own(b, 'artifact'), 'artifact', fail);
  const weightsHash = readString(own(a, 'weightsHash'), 'artifact.weightsHash', fail);
  if (!/^[0-9a-f]{64}$/.test(weightsHash))
    fail('artifact.weightsHash must be 64 lowercase hex digits');
  const declared = own(a, 'weightBytes');
  if (declared !== weightBytes) {
    fail(
      `artifact.weightBytes says ${JSON.stringify(declared)}, but weights.bin has ${weightBytes} bytes`,
    );
  }
  const meta: ModelExportMeta = {
    model: {
      id: readString(own(m, 'id'), 'model.id', fail),
      name: readString(own(m, 'name'), 'model.name', fail),
      version: versionNumber,
      createdAt: readFinite(own(m, 'createdAt'), 'model.createdAt', fail),
      runId: readString(own(m, 'runId'), 'model.runId', fail),
      datasetVersionId: readString(own(m, 'datasetVersionId'), 'model.datasetVersionId', fail),
      description: readString(own(m, 'description'), 'model.description', fail, true),
      tags: readStringArray(own(m, 'tags'), 'model.tags', fail),
    },
    artifact: {
      id: readString(own(a, 'id'), 'artifact.id', fail),
      createdAt: readFinite(own(a, 'createdAt'), 'artifact.createdAt', fail),
      weightsHash,
      weightBytes,
    },
    generatedBy: readString(own(b, 'generatedBy'), 'generatedBy', fail, true),
  };
  const preprocessing = checkPreprocessingSpec(own(b, 'preprocessing'), fail);
  const signature = checkInputSignature(own(b, 'signature'), fail);
  const inputs = new Set(signature.inputs.map((f) => f.name));
  for (const t of preprocessing.transforms) {
    if (!inputs.has(t.column)) {
      fail(`preprocessing uses column ${JSON.stringify(t.column)}, which the signature lacks`);
    }
  }
  return { meta, preprocessing, signature };
}

/**
 * Reads and checks a model export (see the module doc for every rule).
 * @param files the files by name, or as a list (a list can hold duplicates, which are refused)
 * @param limits file count and size limits (defaults: 8 files, 200 MiB each)
 * @returns topology, sanitised weight specs, a copy of the weight bytes, preprocessing,
 *   signature, metadata and the card's Markdown
 * @throws ModelExportError naming the file and the problem
 * @example
 * const { files } = buildModelExport({ artifact, version, card });
 * parseModelExport(new Map(files.map((f) => [f.path, f.bytes]))).meta.model.id // 'penguins@3'
 * parseModelExport(new Map([['../model.json', bytes]]))
 * // throws ModelExportError: model export rejected: "../model.json" goes up a folder (..); …
 */
export function parseModelExport(
  files: ReadonlyMap<string, Uint8Array> | readonly ModelExportFile[],
  limits: ModelExportLimits = DEFAULT_MODEL_EXPORT_LIMITS,
): ParsedModelExport {
  const byName = collectFiles(files, limits);
  const weights = byName.get('weights.bin')!;
  const { modelTopology, weightSpecs } = readModelJson(
    readJson(byName.get('model.json')!, 'model.json'),
    weights,
  );
  const weightData = weights.slice().buffer;
  checkFinite(weightData, weightSpecs);
  const { meta, preprocessing, signature } = readMeta(
    readJson(byName.get('benchtop.json')!, 'benchtop.json'),
    weights.byteLength,
  );
  const width = statedInputWidth(modelTopology);
  if (width !== null && width !== preprocessing.outputWidth) {
    failIn('benchtop.json')(
      `preprocessing produces ${preprocessing.outputWidth} features, but model.json's first layer takes ${width}`,
    );
  }
  const card = byName.get('MODEL_CARD.md');
  return {
    modelTopology,
    weightSpecs,
    weightData,
    preprocessing,
    signature,
    meta,
    cardMarkdown: card === undefined ? null : readText(card, 'MODEL_CARD.md'),
  };
}

/**
 * Checks `weights.bin` against the SHA-256 recorded in `benchtop.json` (WebCrypto, so async).
 * @param parsed a {@link parseModelExport} result
 * @returns nothing when the hash matches
 * @throws ModelExportError when the weights were altered or the hash is wrong
 * @example
 * await verifyWeightsHash(parseModelExport(files)) // resolves
 */
export async function verifyWeightsHash(parsed: ParsedModelExport): Promise<void> {
  const actual = await sha256Hex(parsed.weightData);
  if (actual !== parsed.meta.artifact.weightsHash) {
    throw new ModelExportError(
      `has SHA-256 ${actual.slice(0, 12)}…, but benchtop.json records ${parsed.meta.artifact.weightsHash.slice(0, 12)}…; the weights were altered or belong to another model`,
      'weights.bin',
    );
  }
}
