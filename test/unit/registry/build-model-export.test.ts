import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/lib/contracts/errors';
import { buildModelExport } from '../../../src/lib/registry/build-model-export';
import {
  artifact,
  preprocessing,
  signature,
  topology,
  version,
  weightSpecs,
  weightValues,
} from './fixtures';
import { card, exportFiles, weightsHash } from './model-export-helpers';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('buildModelExport', () => {
  const files = exportFiles();

  it('writes the four files in order', () => {
    expect(files.map((f) => f.path)).toEqual([
      'model.json',
      'weights.bin',
      'benchtop.json',
      'MODEL_CARD.md',
    ]);
  });

  it('writes tfjs layers-model JSON pointing at weights.bin', () => {
    expect(JSON.parse(text(files[0]!.bytes))).toEqual({
      format: 'layers-model',
      generatedBy: 'Benchtop test',
      convertedBy: null,
      modelTopology: topology,
      weightsManifest: [{ paths: ['weights.bin'], weights: weightSpecs }],
    });
  });

  it('writes the weights byte for byte, as a copy', () => {
    const a = artifact(weightsHash);
    const out = buildModelExport({ artifact: a, version, card }).files[1]!.bytes;
    expect(new Float32Array(out.buffer, out.byteOffset, out.byteLength / 4)).toEqual(weightValues);
    out[0] = 99;
    expect(new Uint8Array(a.weightData)[0]).not.toBe(99);
  });

  it('writes benchtop.json with preprocessing, signature and metadata', () => {
    const meta = JSON.parse(text(files[2]!.bytes));
    expect(meta).toMatchObject({
      format: 'benchtop-model',
      formatVersion: 1,
      generatedBy: 'Benchtop test',
      model: { id: 'penguins@3', name: 'penguins', version: 3, tags: ['prod'] },
      artifact: { id: 'art-1', weightsHash, weightBytes: 132 },
      preprocessing,
      signature,
    });
    expect(text(files[3]!.bytes)).toMatch(/^# Model card: penguins v3\n/);
  });

  it('defaults generatedBy to Benchtop', () => {
    const out = buildModelExport({ artifact: artifact(weightsHash), version, card }).files[0]!;
    expect(JSON.parse(text(out.bytes)).generatedBy).toBe('Benchtop');
  });

  it("refuses an artifact that is not the version's", () => {
    expect(() =>
      buildModelExport({ artifact: { ...artifact(weightsHash), id: 'other' }, version, card }),
    ).toThrow(InvalidArgumentError);
  });
});
