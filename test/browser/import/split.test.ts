/**
 * Reading a file's second half in a second worker (workers/tasks/import-part.ts) in real
 * Chromium: the stored version (its content hash) and the columns equal the one-worker import,
 * also when the cut falls inside a quoted field (the import worker then reads on itself).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDb, openDb } from '../../../src/lib/db';
import { createRng } from '../../../src/lib/stats/rng';
import { importDataset, previewImport } from '../../../workers/tasks/import-dataset';
import {
  SPLIT_MIN_BYTES,
  setSplitMinBytes,
  workerRunner,
} from '../../../workers/tasks/import-part';

async function importWith(text: string, split: boolean) {
  await openDb({ name: `split-test-${crypto.randomUUID()}` });
  setSplitMinBytes(split ? 1 : Infinity);
  try {
    const file = new File([text], 'gen.csv', { type: 'text/csv' });
    return await importDataset({ name: 'gen', fileName: 'gen.csv', file });
  } finally {
    setSplitMinBytes(SPLIT_MIN_BYTES);
    closeDb();
  }
}

beforeEach(() => setSplitMinBytes(SPLIT_MIN_BYTES));
afterEach(() => setSplitMinBytes(SPLIT_MIN_BYTES));

describe('importDataset with a second worker', () => {
  it('gives the same version id and columns as one worker (17-digit floats, UTF-8 text)', async () => {
    const rng = createRng(4);
    const lines = ['x,y,s,n'];
    for (let i = 0; i < 40_000; i++) {
      const x = rng.normal() * 100;
      lines.push(`${String(x)},${x.toFixed(4)},${['a', 'é', 'c d'][i % 3]},${i}`);
    }
    const text = `${lines.join('\n')}\n`;
    const one = await importWith(text, false);
    const two = await importWith(text, true);
    expect(two.version.id).toBe(one.version.id);
    expect(two.version.schema).toEqual(one.version.schema);
    expect(two.columns).toEqual(one.columns);
  });

  it('a second worker kept from an import reads the next ones (after a fallback too)', async () => {
    const rng = createRng(9);
    const texts = [0, 1, 2].map((k) => {
      const lines = ['a,b,c'];
      for (let i = 0; i < 20_000; i++) lines.push(`${rng.normal()},${i % (k + 2)},t${i % 7}`);
      return `${lines.join('\r\n')}\r\n`;
    });
    // The middle one falls back (cut inside a quoted field), so its worker is terminated.
    texts[1] = `a,b,c\n1,2,x\n3,4,"${'y\n'.repeat(50_000)}"\n5,6,z\n`;
    for (const text of texts) {
      const one = await importWith(text, false);
      const two = await importWith(text, true);
      expect(two.version.id).toBe(one.version.id);
      expect(two.columns).toEqual(one.columns);
    }
  });

  it('a worker started by the preview reads the import that follows', async () => {
    const text = `p,q\n${Array.from({ length: 30_000 }, (_, i) => `${i / 3},${i % 5}`).join('\n')}\n`;
    const one = await importWith(text, false);
    setSplitMinBytes(1);
    const file = new File([text], 'gen.csv', { type: 'text/csv' });
    const preview = await previewImport({ name: 'gen', fileName: 'gen.csv', file });
    expect(preview.header).toEqual(['p', 'q']);
    const two = await importWith(text, true);
    expect(two.version.id).toBe(one.version.id);
    expect(two.columns).toEqual(one.columns);
  });

  it('reads on itself when the cut is inside a quoted field', async () => {
    // One huge quoted cell with line breaks spans the middle of the file.
    const big = `"${'line\n'.repeat(20_000)}"`;
    const text = `a,b\n1,x\n${'2,y\n'.repeat(100)}3,${big}\n${'4,z\n'.repeat(100)}`;
    const one = await importWith(text, false);
    const two = await importWith(text, true);
    expect(two.version.id).toBe(one.version.id);
    expect(two.columns).toEqual(one.columns);
  });

  it('the second worker loads and returns its part (arrays transferred)', async () => {
    const text = `${Array.from({ length: 5000 }, (_, i) => `${i / 8},k${i % 4}`).join('\n')}\n`;
    let bytes = 0;
    const run = workerRunner(
      {
        blob: new Blob([text]),
        start: 0,
        end: text.length,
        encoding: 'utf-8',
        options: { fileName: 'f.csv', delimiter: ',', header: ['x', 'k'] },
      },
      (b) => (bytes = b),
    );
    const part = await run.result;
    expect(part?.rows).toBe(5000);
    const x = part?.columns[0]?.f64 ?? [];
    expect(x.reduce((n, b) => n + b.length, 0)).toBe(5000);
    expect(x.at(-1)?.at(-1)).toBe(4999 / 8);
    expect(part?.columns[1]?.dictionary).toEqual(['k0', 'k1', 'k2', 'k3']);
    expect(bytes).toBeGreaterThanOrEqual(0);
  });
});
