/**
 * Model export → import round trip, and hostile exports refused with nothing stored (X6, X7).
 */
import { describe, expect, it } from 'vitest';
import { listModelVersions } from '../../../src/lib/db';
import { encodeBase64, decodeBase64 } from '../../../src/lib/registry';
import { exportModel, importModel } from '../../../workers/tasks/model-io';
import { predictRows } from '../../../workers/tasks/predict-rows';
import { GOOD_ROW, setUpDeployment, useServingDb } from './helpers';

useServingDb();

type Container = {
  format: string;
  formatVersion: number;
  files: { path: string; base64: string }[];
};

const parse = (bytes: Uint8Array): Container =>
  JSON.parse(new TextDecoder().decode(bytes)) as Container;
const pack = (c: Container): Blob => new Blob([JSON.stringify(c)]);

describe('model export and import', () => {
  it('round-trips: the imported version predicts identically', async () => {
    const { v2 } = await setUpDeployment();
    const out = await exportModel(v2.id);
    expect(out.fileName).toBe('penguins-v2.benchtop-model.json');
    const imported = await importModel(
      'penguins-copy',
      new Blob([new Uint8Array(out.bytes)]),
      out.fileName,
    );
    expect(imported).toMatchObject({ id: 'penguins-copy@1', runId: 'imported' });
    expect(imported.tags).toContain('imported');
    const rows = [GOOD_ROW, { ...GOOD_ROW, island: 'Biscoe', flipper_length_mm: 220 }];
    const a = await predictRows(v2.artifactId, v2.id, rows);
    const b = await predictRows(imported.artifactId, imported.id, rows);
    expect(b.map((p) => p.probabilities)).toEqual(a.map((p) => p.probabilities));
    // An imported version exports again.
    expect((await exportModel(imported.id)).fileName).toBe('penguins-copy-v1.benchtop-model.json');
  });

  it('refuses a flipped weight byte and an extra ../ file, storing nothing', async () => {
    const { v2 } = await setUpDeployment();
    const container = parse((await exportModel(v2.id)).bytes);
    const before = (await listModelVersions()).length;

    const flipped = structuredClone(container);
    const weights = flipped.files.find((f) => f.path === 'weights.bin')!;
    const bytes = decodeBase64(weights.base64)!;
    bytes[7] = bytes[7]! ^ 0x01;
    weights.base64 = encodeBase64(bytes);
    await expect(importModel('evil', pack(flipped), 'evil.json')).rejects.toThrow(
      /weights\.bin.*SHA-256|SHA-256.*weights/,
    );

    const extra = structuredClone(container);
    extra.files.push({ path: '../x', base64: encodeBase64(new Uint8Array([1, 2, 3])) });
    await expect(importModel('evil', pack(extra), 'evil.json')).rejects.toThrow(/goes up a folder/);

    await expect(importModel('evil', new Blob(['not json']), 'evil.json')).rejects.toThrow(
      /not valid UTF-8 JSON/,
    );
    expect(await listModelVersions('evil')).toEqual([]);
    expect((await listModelVersions()).length).toBe(before);
  });
});
