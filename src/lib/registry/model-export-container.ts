/**
 * The single-file form of a model export: one `.benchtop-model.json` holding every file as
 * base64, for a one-click download and a one-file upload. Chosen over a zip because it needs no
 * decompressor (so no zip bomb), no central directory to disagree with its entries, and it is
 * plain JSON read by the same prototype-safe parser as everything else:
 *
 * ```json
 * { "format": "benchtop-model-files", "formatVersion": 1,
 *   "files": [{ "path": "model.json", "base64": "eyJmb3…" }, …] }
 * ```
 *
 * Unpacking checks the container's size, its format, the file count and each file's decoded
 * size *before* decoding anything; the path and content rules are {@link parseModelExport}'s,
 * which unpacked files go through next (duplicates are kept in the list so it can refuse them).
 */
import { decodeBase64, base64ByteLength, encodeBase64 } from './base64';
import { ModelExportError } from './model-export-error';
import {
  DEFAULT_MODEL_EXPORT_LIMITS,
  type ModelExportFile,
  type ModelExportLimits,
} from './model-export-format';
import { isRecord, own } from './read-untrusted';
import { safeJsonParse } from './safe-json';

/**
 * The container's `format` value.
 * @example
 * MODEL_CONTAINER_FORMAT // 'benchtop-model-files'
 */
export const MODEL_CONTAINER_FORMAT = 'benchtop-model-files';
/**
 * The container's `formatVersion`.
 * @example
 * MODEL_CONTAINER_FORMAT_VERSION // 1
 */
export const MODEL_CONTAINER_FORMAT_VERSION = 1;
/**
 * Suggested file name suffix.
 * @example
 * `${version.name}-v${version.version}${MODEL_CONTAINER_EXTENSION}` // 'penguins-v3.benchtop-model.json'
 */
export const MODEL_CONTAINER_EXTENSION = '.benchtop-model.json';

const NAME = 'the .benchtop-model.json file';

function fail(message: string): never {
  throw new ModelExportError(`${NAME} ${message}`);
}

/**
 * Packs export files into one container file.
 * @param files the files ({@link buildModelExport}'s output)
 * @returns the container as UTF-8 JSON bytes
 * @throws never
 * @example
 * unpackModelExport(packModelExport(files)) // the same files
 */
export function packModelExport(files: readonly ModelExportFile[]): Uint8Array {
  const body = {
    format: MODEL_CONTAINER_FORMAT,
    formatVersion: MODEL_CONTAINER_FORMAT_VERSION,
    files: files.map((f) => ({ path: f.path, base64: encodeBase64(f.bytes) })),
  };
  return new TextEncoder().encode(`${JSON.stringify(body)}\n`);
}

/**
 * Unpacks a container file into export files (then give them to {@link parseModelExport}).
 * @param bytes the container file's bytes
 * @param limits file count and size limits (defaults: 8 files, 200 MiB each)
 * @returns the files in container order, duplicates included
 * @throws ModelExportError when the container is too large, not UTF-8 JSON, of another format
 *   or version, holds too many files, a file's size exceeds the limit, or a file is not strict
 *   base64
 * @example
 * unpackModelExport(new TextEncoder().encode('{"format":"zip"}'))
 * // throws ModelExportError: model export rejected: the .benchtop-model.json file has format "zip"; …
 */
export function unpackModelExport(
  bytes: Uint8Array,
  limits: ModelExportLimits = DEFAULT_MODEL_EXPORT_LIMITS,
): ModelExportFile[] {
  // base64 is 4/3 of the bytes; 1 KiB per file covers the JSON around each.
  const maxBytes = Math.ceil((limits.maxFileBytes * 4) / 3 + 1024) * limits.maxFiles;
  if (bytes.byteLength > maxBytes) {
    fail(`is ${bytes.byteLength} bytes, more than a model export can be (${maxBytes})`);
  }
  let value: unknown;
  try {
    value = safeJsonParse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (e) {
    fail(`is not valid UTF-8 JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!isRecord(value) || own(value, 'format') !== MODEL_CONTAINER_FORMAT) {
    const format = isRecord(value) ? own(value, 'format') : undefined;
    fail(`has format ${JSON.stringify(format) ?? 'none'}; expected "${MODEL_CONTAINER_FORMAT}"`);
  }
  if (own(value, 'formatVersion') !== MODEL_CONTAINER_FORMAT_VERSION) {
    fail(
      `has format version ${JSON.stringify(own(value, 'formatVersion'))}; this Benchtop reads ${MODEL_CONTAINER_FORMAT_VERSION}`,
    );
  }
  const entries = own(value, 'files');
  if (!Array.isArray(entries)) fail('has no file list');
  if (entries.length > limits.maxFiles) {
    fail(`has ${entries.length} files; a model export has at most ${limits.maxFiles}`);
  }
  const checked = entries.map((entry: unknown, i) => {
    const path = isRecord(entry) ? own(entry, 'path') : undefined;
    const text = isRecord(entry) ? own(entry, 'base64') : undefined;
    if (typeof path !== 'string' || typeof text !== 'string') {
      fail(`entry ${i + 1} needs a "path" and a "base64" string`);
    }
    if (text.length % 4 !== 0) fail(`entry ${JSON.stringify(path)} is not valid base64`);
    if (base64ByteLength(text) > limits.maxFileBytes) {
      fail(
        `entry ${JSON.stringify(path)} is larger than the limit of ${limits.maxFileBytes} bytes`,
      );
    }
    return { path, text };
  });
  return checked.map(({ path, text }) => {
    const decoded = decodeBase64(text);
    if (!decoded) fail(`entry ${JSON.stringify(path)} is not valid base64`);
    return { path, bytes: decoded };
  });
}
