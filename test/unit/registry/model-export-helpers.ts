/** Helpers for the model export tests: a built export and ways to tamper with it. */
import { sha256Hex } from '../../../src/lib/db/sha256';
import { buildModelCard } from '../../../src/lib/registry/build-model-card';
import { buildModelExport } from '../../../src/lib/registry/build-model-export';
import type { ModelExportFile } from '../../../src/lib/registry/model-export-format';
import { artifact, classificationEval, run, version, weightValues } from './fixtures';

export const card = buildModelCard({
  version,
  run,
  evaluation: classificationEval({ accuracy: 0.95 }),
  datasetName: 'Penguins',
  limitations: 'None.',
  intendedUse: 'Teaching.',
});

export const weightsHash = await sha256Hex(weightValues);

/** A fresh, valid export. */
export function exportFiles(): ModelExportFile[] {
  return buildModelExport({
    artifact: artifact(weightsHash),
    version,
    card,
    generatedBy: 'Benchtop test',
  }).files;
}

/** The files as a Map. */
export function asMap(files: readonly ModelExportFile[]): Map<string, Uint8Array> {
  return new Map(files.map((f) => [f.path, f.bytes]));
}

/** Parsed JSON that tests poke into freely (the parser under test checks the shapes). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type LooseJson = Record<string, any>;

/** Replaces a JSON file's content by `edit(parsed)` (edit may mutate and return nothing). */
export function editJson(
  files: ModelExportFile[],
  path: string,
  edit: (json: LooseJson) => unknown,
): ModelExportFile[] {
  return files.map((f) => {
    if (f.path !== path) return f;
    const json = JSON.parse(new TextDecoder().decode(f.bytes)) as Record<string, unknown>;
    const out = edit(json) ?? json;
    return {
      path,
      bytes: new TextEncoder().encode(typeof out === 'string' ? out : JSON.stringify(out)),
    };
  });
}

/** Replaces a file's bytes. */
export function withBytes(
  files: ModelExportFile[],
  path: string,
  bytes: Uint8Array,
): ModelExportFile[] {
  return files.map((f) => (f.path === path ? { path, bytes } : f));
}
