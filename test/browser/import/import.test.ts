/**
 * The import task end to end in real Chromium: a generated File streamed through decoding,
 * parsing and typing into IndexedDB (a fresh database per test), cancel, append, encodings.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../../src/lib/contracts/compute';
import { CancelledError, DataError } from '../../../src/lib/contracts/errors';
import { closeDb, listDatasets, listVersions, openDb, readColumns } from '../../../src/lib/db';
import { createRng } from '../../../src/lib/stats/rng';
import { cancelImport, importDataset, previewImport } from '../../../workers/tasks/import-dataset';

const CATS = ['alpha', 'bravo', 'charlie', 'delta', 'echo'];

/** n rows: id, x (6 decimals), k (category), flag (boolean). */
function csv(n: number, seed: number): { text: string; x: Float64Array } {
  const rng = createRng(seed);
  const x = new Float64Array(n);
  const lines = ['id,x,k,flag'];
  for (let i = 0; i < n; i++) {
    const v = (rng.next() - 0.5) * 20;
    const s = v.toFixed(6);
    x[i] = Number(s) === 0 ? 0 : Number(s);
    lines.push(`${i + 1},${s},${CATS[i % CATS.length]},${i % 2 === 0 ? 'yes' : 'no'}`);
  }
  return { text: `${lines.join('\r\n')}\r\n`, x };
}

beforeEach(async () => {
  await openDb({ name: `import-test-${crypto.randomUUID()}` });
});
afterEach(() => closeDb());

describe('importDataset (worker task, in the page)', () => {
  it('streams a 50k-row File into a stored version with the right schema and values', async () => {
    const { text, x } = csv(50_000, 1);
    const file = new File([text], 'gen.csv', { type: 'text/csv' });
    const progress: ImportProgress[] = [];
    const { version, columns } = await importDataset(
      { name: 'gen', fileName: 'gen.csv', file, importId: 'a' },
      (p) => progress.push(p),
    );
    expect(version.rowCount).toBe(50_000);
    expect(version.parentId).toBeNull();
    expect(version.schema.map((c) => [c.name, c.type])).toEqual([
      ['id', 'id'],
      ['x', 'number'],
      ['k', 'category'],
      ['flag', 'boolean'],
    ]);
    expect(version.schema[2]!.dictionary).toEqual(CATS);
    expect(version.schema[3]!.dictionary).toEqual(['true', 'false']);
    expect(columns[1]).toEqual(x);
    const [storedX, storedK] = await readColumns(version.id, ['x', 'k']);
    expect(storedX).toEqual(x);
    expect(Array.from(storedK!.subarray(0, 6))).toEqual([0, 1, 2, 3, 4, 0]);
    expect(progress.at(-1)).toMatchObject({ phase: 'done', fraction: 1, rows: 50_000 });
    expect(progress.some((p) => p.phase === 'storing')).toBe(true);
  });

  it('cancel leaves no dataset behind', async () => {
    const { text } = csv(200_000, 2);
    const file = new File([text], 'big.csv');
    const result = importDataset({ name: 'big', fileName: 'big.csv', file, importId: 'c' }, (p) => {
      if (p.phase === 'parsing') cancelImport('c');
    });
    await expect(result).rejects.toBeInstanceOf(CancelledError);
    expect(await listDatasets()).toEqual([]);
  });

  it('a failed import (bad row) leaves no dataset behind and names the line', async () => {
    const file = new File(['a,b\n1,2\n3\n'], 'bad.csv');
    const e = await importDataset({ name: 'bad', fileName: 'bad.csv', file }).catch(
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(DataError);
    expect((e as DataError).location).toMatchObject({ file: 'bad.csv', line: 3, column: 'b' });
    expect(await listDatasets()).toEqual([]);
  });

  it('append stores a new version whose parent is the latest one', async () => {
    const first = await importDataset({ name: 'p', fileName: 'p.csv', text: 'n,c\n1,a\n2,b\n' });
    // The stored types win: `n` is integer, so 3.5 is refused with its line and column.
    const wrong = await importDataset({
      name: 'p',
      fileName: 'wrong.csv',
      text: 'n,c\n3.5,z\n',
      appendTo: first.version.datasetId,
    }).catch((x: unknown) => x);
    expect((wrong as DataError).location).toMatchObject({ line: 2, column: 'n', value: '3.5' });
    const more = new File(['c,n\nz,3\na,\n'], 'more.csv');
    const { version, columns } = await importDataset({
      name: 'p',
      fileName: 'more.csv',
      file: more,
      appendTo: first.version.datasetId,
    });
    expect(version.parentId).toBe(first.version.id);
    expect(version.rowCount).toBe(4);
    expect(Array.from(columns[0]!)).toEqual([1, 2, 3, NaN]);
    expect(version.schema[1]).toMatchObject({ dictionary: ['a', 'b', 'z'], missing: 0 });
    expect((await listVersions(first.version.datasetId)).map((v) => v.id)).toEqual([
      version.id,
      first.version.id,
    ]);
  });

  it('refuses to append rows with other columns, naming them', async () => {
    const first = await importDataset({ name: 'q', fileName: 'q.csv', text: 'n,c\n1,a\n' });
    const e = await importDataset({
      name: 'q',
      fileName: 'other.csv',
      text: 'n,d\n2,b\n',
      appendTo: first.version.datasetId,
    }).catch((x: unknown) => x);
    expect((e as Error).message).toMatch(/missing column\(s\) `c` and extra column\(s\) `d`/);
    expect(await listVersions(first.version.datasetId)).toHaveLength(1);
  });

  it('reads UTF-16 (BOM) and Windows-1252 files, and previews them with a note', async () => {
    const text = 'name,v\nCafé,1\nNaïve,2\n';
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) utf16[2 + 2 * i] = text.charCodeAt(i);
    // Different content, or the store would refuse the second as a duplicate of the first.
    const cp1252 = Uint8Array.from(`${text}Naïve,3\n`, (c) => c.charCodeAt(0));
    for (const [bytes, encoding] of [
      [utf16, 'utf-16le'],
      [cp1252, 'windows-1252'],
    ] as const) {
      const file = new File([bytes], `${encoding}.csv`);
      const preview = await previewImport({ name: 'e', fileName: file.name, file });
      expect(preview).toMatchObject({ encoding, header: ['name', 'v'] });
      expect(preview.rows[0]).toEqual(['Café', '1']);
      expect(preview.notes.length).toBeGreaterThan(0);
      const { version } = await importDataset({ name: encoding, fileName: file.name, file });
      expect(version.schema[0]!.dictionary).toEqual(['Café', 'Naïve']);
    }
  });

  it('decodes a file whose invalid UTF-8 comes after the sniffed start as Windows-1252', async () => {
    const head = `k\n${'a\n'.repeat(40_000)}`;
    const bytes = new Uint8Array([...new TextEncoder().encode(head), 0x63, 0x61, 0x66, 0xe9, 0x0a]);
    const { version } = await importDataset({
      name: 'late',
      fileName: 'late.csv',
      file: new File([bytes], 'late.csv'),
    });
    expect(version.schema[0]!.dictionary).toEqual(['a', 'café']);
    expect(version.note).toMatch(/windows-1252/);
  });

  it('imports NDJSON with type overrides and refuses a value that does not fit', async () => {
    const text = '{"a":"1","b":"x"}\n{"a":"2","b":"y"}\n';
    const ok = await importDataset({
      name: 'nd',
      fileName: 'f.ndjson',
      text,
      options: { types: { a: 'category' } },
    });
    expect(ok.version.schema.map((c) => c.type)).toEqual(['category', 'id']);
    const e = await importDataset({
      name: 'nd2',
      fileName: 'f.ndjson',
      text,
      options: { types: { b: 'integer' } },
    }).catch((x: unknown) => x);
    expect((e as DataError).location).toMatchObject({
      file: 'f.ndjson',
      line: 1,
      column: 'b',
      value: 'x',
    });
  });
});
