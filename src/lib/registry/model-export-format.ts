/**
 * The model export format: the files, their limits and the Benchtop metadata file.
 *
 * An export is a flat set of at most four files, no folders:
 * - `model.json`: TensorFlow.js layers-model JSON (`format: 'layers-model'`, `modelTopology`,
 *   `weightsManifest: [{ paths: ['weights.bin'], weights: weightSpecs }]`, `generatedBy`,
 *   `convertedBy: null`), loadable by `tf.loadLayersModel(tf.io.browserFiles([...]))`;
 * - `weights.bin`: the weights, little-endian, in manifest order;
 * - `benchtop.json`: {@link BenchtopModelFile}: preprocessing, signature, version metadata and
 *   the SHA-256 of `weights.bin`;
 * - `MODEL_CARD.md`: the model card (optional on import).
 *
 * The same files can travel as one `.benchtop-model.json` (src/lib/registry/model-export-container.ts).
 */
import type { InputSignature, PreprocessingSpec } from '../contracts/entities';

/** One file of an export. */
export interface ModelExportFile {
  path: string;
  bytes: Uint8Array;
}

/**
 * The only file names an export may contain.
 * @example
 * MODEL_EXPORT_FILES.includes('weights.bin') // true
 */
export const MODEL_EXPORT_FILES = [
  'model.json',
  'weights.bin',
  'benchtop.json',
  'MODEL_CARD.md',
] as const;

/**
 * Files an import requires (`MODEL_CARD.md` is optional).
 * @example
 * REQUIRED_MODEL_EXPORT_FILES.length // 3
 */
export const REQUIRED_MODEL_EXPORT_FILES = ['model.json', 'weights.bin', 'benchtop.json'] as const;

/** Limits applied on import before anything is decoded. */
export interface ModelExportLimits {
  /** Most files accepted (default 8). */
  maxFiles: number;
  /** Largest file accepted, in bytes (default 200 MiB). */
  maxFileBytes: number;
}

/**
 * Default import limits: 8 files, 200 MiB per file.
 * @example
 * DEFAULT_MODEL_EXPORT_LIMITS.maxFileBytes // 209715200
 */
export const DEFAULT_MODEL_EXPORT_LIMITS: Readonly<ModelExportLimits> = Object.freeze({
  maxFiles: 8,
  maxFileBytes: 200 * 1024 * 1024,
});

/**
 * Bytes per element of each accepted weight dtype (tfjs `DataType`; `string` and `complex64`
 * are not accepted: Benchtop never writes them and their sizes are not fixed / not needed).
 * @example
 * DTYPE_BYTES.float32 // 4
 */
export const DTYPE_BYTES: Readonly<Record<string, number>> = Object.freeze({
  float32: 4,
  int32: 4,
  bool: 1,
});

/**
 * `benchtop.json`'s `format` value.
 * @example
 * BENCHTOP_MODEL_FORMAT // 'benchtop-model'
 */
export const BENCHTOP_MODEL_FORMAT = 'benchtop-model';
/**
 * `benchtop.json`'s `formatVersion`; a newer file is refused with a clear message.
 * @example
 * BENCHTOP_MODEL_FORMAT_VERSION // 1
 */
export const BENCHTOP_MODEL_FORMAT_VERSION = 1;

/** Version metadata carried by an export. */
export interface ModelExportMeta {
  model: {
    id: string;
    name: string;
    version: number;
    createdAt: number;
    runId: string;
    datasetVersionId: string;
    description: string;
    tags: string[];
  };
  artifact: {
    id: string;
    createdAt: number;
    /** Hex SHA-256 of `weights.bin`. */
    weightsHash: string;
    /** Byte length of `weights.bin`. */
    weightBytes: number;
  };
  /** What wrote the export, e.g. `Benchtop 0.1.0`. */
  generatedBy: string;
}

/** The content of `benchtop.json`. */
export interface BenchtopModelFile extends ModelExportMeta {
  format: typeof BENCHTOP_MODEL_FORMAT;
  formatVersion: typeof BENCHTOP_MODEL_FORMAT_VERSION;
  preprocessing: PreprocessingSpec;
  signature: InputSignature;
}

/** A tfjs weight spec as exported: name, shape and dtype only. */
export interface ExportedWeightSpec {
  name: string;
  shape: number[];
  dtype: 'float32' | 'int32' | 'bool';
}
