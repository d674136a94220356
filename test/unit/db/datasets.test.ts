import { codes, dict, f64, floats, storedDataset, useFreshDb } from './helpers';
import { describe, expect, it } from 'vitest';
import { DataError, InvalidArgumentError, NotFoundError } from '../../../src/lib/contracts/errors';
import {
  CHUNK_ROWS,
  createDataset,
  DATASET_NAME_MAX,
  deleteDataset,
  getDataset,
  getLatestReport,
  getProfile,
  getSuite,
  listReports,
  listSuiteRuns,
  putProfile,
  putReport,
  putSuiteRun,
  renameDataset,
  saveSuite,
  getVersion,
  listDatasets,
  listVersions,
  readColumn,
  readColumns,
  verifyDatasetVersion,
  writeDatasetVersion,
} from '../../../src/lib/db';

const ROWS = 150_001; // 2 full chunks of 65,536 rows and a third of 18,929

describe('dataset versions', () => {
  const t = useFreshDb();

  it('round-trips f64 and dict columns across chunk boundaries, NaN and -1 preserved', async () => {
    const ds = await createDataset({ name: 'big' });
    const x = floats(ROWS);
    const c = codes(ROWS, 3);
    const v = await writeDatasetVersion({
      dataset: ds,
      parentId: null,
      schema: [f64('x', 151), dict('c', ['a', 'b', 'c'], 301)],
      columns: [x, c],
      source: { kind: 'file', name: 'big.csv' },
    });
    expect(v.rowCount).toBe(ROWS);
    expect(v.chunkRows).toBe(CHUNK_ROWS);
    expect(v.chunkCount).toBe(3);
    expect(v.id).toMatch(/^[0-9a-f]{64}$/);
    expect(await t.db().chunks.count()).toBe(6);

    const xb = await readColumn(v.id, 'x');
    expect(xb).toBeInstanceOf(Float64Array);
    expect(xb.length).toBe(ROWS);
    // Byte-equal, so NaN bit patterns are compared too.
    expect(Buffer.from(xb.buffer).equals(Buffer.from(x.buffer))).toBe(true);
    expect(Number.isNaN(xb[65_007])).toBe(true); // 65,007 % 1000 === 7, in chunk 0
    expect(xb[CHUNK_ROWS]).toBe(x[CHUNK_ROWS]); // first row of chunk 1
    expect(xb[ROWS - 1]).toBe(x[ROWS - 1]);

    const [cb, xb2] = await readColumns(v.id, [1, 'x']);
    expect(cb).toBeInstanceOf(Int32Array);
    expect(Buffer.from(cb!.buffer).equals(Buffer.from(c.buffer))).toBe(true);
    expect(Buffer.from(xb2!.buffer).equals(Buffer.from(xb.buffer))).toBe(true);
    await expect(verifyDatasetVersion(v.id)).resolves.toBeUndefined();
  });

  it('gives equal content the same id; writing it again is a no-op returning the stored version', async () => {
    const ds = await createDataset({ name: 'd' });
    const input = {
      dataset: ds.id,
      parentId: null,
      schema: [f64('x')],
      columns: [new Float64Array([1, 2, 3])],
      source: { kind: 'file' as const, name: 'a.csv' },
      createdAt: 1,
    };
    const a = await writeDatasetVersion(input);
    const b = await writeDatasetVersion({ ...input, note: 'again', createdAt: 2 });
    expect(b).toEqual(a);
    expect(await listVersions(ds.id)).toHaveLength(1);
    expect(await t.db().chunks.count()).toBe(1);
  });

  it('gives a different id for any change of values or schema', async () => {
    const ds = await createDataset({ name: 'd' });
    const base = {
      dataset: ds,
      parentId: null,
      schema: [f64('x'), dict('c', ['a', 'b'])],
      columns: [new Float64Array([1, NaN, 3]), new Int32Array([0, 1, -1])],
      source: { kind: 'file' as const, name: 'a.csv' },
    };
    const ids = new Set<string>();
    const write = async (over: Partial<typeof base>): Promise<void> => {
      ids.add((await writeDatasetVersion({ ...base, ...over })).id);
    };
    await write({});
    await write({ columns: [new Float64Array([1, NaN, 3.0000001]), base.columns[1]!] });
    await write({ columns: [new Float64Array([1, 0, 3]), base.columns[1]!] });
    await write({ columns: [new Float64Array([1, NaN, 3]), new Int32Array([1, 1, -1])] });
    await write({ schema: [f64('y'), dict('c', ['a', 'b'])] });
    await write({ schema: [f64('x'), dict('c', ['a', 'B'])] });
    await write({ schema: [{ ...f64('x'), type: 'integer' }, dict('c', ['a', 'b'])] });
    expect(ids.size).toBe(7);
    // Same content again (fresh arrays) gives the first id back.
    const again = await writeDatasetVersion({
      ...base,
      columns: [new Float64Array([1, NaN, 3]), new Int32Array([0, 1, -1])],
    });
    expect(ids.has(again.id)).toBe(true);
  });

  it('refuses the same content as a version of another dataset', async () => {
    const a = await createDataset({ name: 'a' });
    const b = await createDataset({ name: 'b' });
    const input = {
      parentId: null,
      schema: [f64('x')],
      columns: [new Float64Array([1])],
      source: { kind: 'file' as const, name: 'a.csv' },
    };
    await writeDatasetVersion({ ...input, dataset: a });
    await expect(writeDatasetVersion({ ...input, dataset: b })).rejects.toThrow(
      /already stored as dataset "a"/,
    );
  });

  it('validates columns against the schema, naming the column', async () => {
    const ds = await createDataset({ name: 'd' });
    const base = { dataset: ds, parentId: null, source: { kind: 'file' as const, name: 'a' } };
    const cases: [Parameters<typeof writeDatasetVersion>[0], RegExp][] = [
      [{ ...base, schema: [], columns: [] }, /at least one column/],
      [{ ...base, schema: [f64('x')], columns: [] }, /0 column arrays/],
      [
        {
          ...base,
          schema: [f64('x'), f64('y')],
          columns: [new Float64Array(3), new Float64Array(2)],
        },
        /column "y" has 2 rows/,
      ],
      [{ ...base, schema: [f64('x')], columns: [new Int32Array(2)] }, /column "x" is f64/],
      [
        { ...base, schema: [dict('c', ['a'])], columns: [new Float64Array(2)] },
        /column "c" is dict/,
      ],
      [
        { ...base, schema: [dict('c', ['a'])], columns: [new Int32Array([0, 1])] },
        /row 2, column "c": code 1/,
      ],
      [
        {
          ...base,
          schema: [f64('x'), f64('x')],
          columns: [new Float64Array(1), new Float64Array(1)],
        },
        /"x" appears twice/,
      ],
    ];
    for (const [input, message] of cases) {
      const error = await writeDatasetVersion(input).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DataError);
      expect((error as Error).message).toMatch(message);
    }
    expect(await t.db().chunks.count()).toBe(0);
  });

  it('requires an existing dataset and names missing versions and columns', async () => {
    await expect(
      writeDatasetVersion({
        dataset: 'nope',
        parentId: null,
        schema: [f64('x')],
        columns: [new Float64Array(1)],
        source: { kind: 'file', name: 'a' },
      }),
    ).rejects.toThrow(NotFoundError);
    await expect(readColumn('missing', 0)).rejects.toThrow(NotFoundError);
    const ds = await createDataset({ name: 'd' });
    const v = await writeDatasetVersion({
      dataset: ds,
      parentId: null,
      schema: [f64('x')],
      columns: [new Float64Array(1)],
      source: { kind: 'file', name: 'a' },
    });
    await expect(readColumn(v.id, 'y')).rejects.toThrow(/no column "y"; its columns are x/);
    await expect(readColumn(v.id, 3)).rejects.toThrow(DataError);
    await expect(createDataset({ name: '  ' })).rejects.toThrow(InvalidArgumentError);
  });

  it('stores an empty (0-row) version and reads it back', async () => {
    const ds = await createDataset({ name: 'empty' });
    const v = await writeDatasetVersion({
      dataset: ds,
      parentId: null,
      schema: [f64('x')],
      columns: [new Float64Array(0)],
      source: { kind: 'file', name: 'e.csv' },
    });
    expect(v.chunkCount).toBe(0);
    expect((await readColumn(v.id, 0)).length).toBe(0);
  });

  it('lists datasets and versions newest first and records lineage', async () => {
    const ds = await createDataset({ name: 'd', description: 'CC0', createdAt: 5 });
    await createDataset({ name: 'e', createdAt: 9 });
    expect((await listDatasets()).map((d) => d.name)).toEqual(['e', 'd']);
    expect(await getDataset(ds.id)).toEqual(ds);
    const v1 = await writeDatasetVersion({
      dataset: ds,
      parentId: null,
      schema: [f64('x')],
      columns: [new Float64Array([1])],
      source: { kind: 'file', name: 'a' },
      createdAt: 10,
    });
    const v2 = await writeDatasetVersion({
      dataset: ds,
      parentId: v1.id,
      schema: [f64('x')],
      columns: [new Float64Array([1, 2])],
      source: { kind: 'derived', name: 'append' },
      note: 'appended',
      createdAt: 20,
    });
    expect((await listVersions(ds.id)).map((v) => v.id)).toEqual([v2.id, v1.id]);
    expect((await getVersion(v2.id))?.parentId).toBe(v1.id);
    expect((await getVersion(v2.id))?.note).toBe('appended');
  });

  it('deletes a dataset: manifests, the dataset row and every chunk', async () => {
    const keep = await createDataset({ name: 'keep' });
    const kv = await writeDatasetVersion({
      dataset: keep,
      parentId: null,
      schema: [f64('x')],
      columns: [new Float64Array([9])],
      source: { kind: 'file', name: 'k' },
    });
    const ds = await createDataset({ name: 'gone' });
    for (const n of [70_000, 3]) {
      await writeDatasetVersion({
        dataset: ds,
        parentId: null,
        schema: [f64('x'), f64('y')],
        columns: [floats(n), floats(n, 2)],
        source: { kind: 'file', name: 'g' },
      });
    }
    expect(await deleteDataset(ds.id)).toEqual({ versions: 2, chunks: 6 });
    expect(await getDataset(ds.id)).toBeUndefined();
    expect(await listVersions(ds.id)).toEqual([]);
    expect(await t.db().chunks.count()).toBe(1);
    expect(Array.from(await readColumn(kv.id, 'x'))).toEqual([9]);
    expect(await deleteDataset('unknown')).toEqual({ versions: 0, chunks: 0 });
  });
});

describe('renameDataset', () => {
  useFreshDb();

  it('renames (trimmed) and keeps everything else', async () => {
    const ds = await createDataset({ name: 'old', description: 'd', createdAt: 5 });
    const { versions } = await storedDataset('other', [1]);
    expect(await renameDataset(ds.id, '  new name ')).toEqual({ ...ds, name: 'new name' });
    expect(await getDataset(ds.id)).toEqual({ ...ds, name: 'new name' });
    expect((await listDatasets()).map((d) => d.name).sort()).toEqual(['new name', 'other']);
    expect(await listVersions(versions[0]!.datasetId)).toHaveLength(1);
    const longest = 'x'.repeat(DATASET_NAME_MAX);
    expect((await renameDataset(ds.id, longest)).name).toBe(longest);
  });

  it.each(['', '   ', 'x'.repeat(201)])('refuses the name %j', async (name) => {
    const ds = await createDataset({ name: 'keep' });
    await expect(renameDataset(ds.id, name)).rejects.toThrow(InvalidArgumentError);
    expect((await getDataset(ds.id))?.name).toBe('keep');
  });

  it('refuses an unknown dataset', async () => {
    await expect(renameDataset('nope', 'x')).rejects.toThrow(NotFoundError);
    expect(await listDatasets()).toEqual([]);
  });
});

describe('deleteDataset and derived records', () => {
  useFreshDb();

  it('deletes the profiles, reports and suite runs of its versions, and nothing of other datasets', async () => {
    const gone = await storedDataset('gone', [1], [1, 2]);
    const keep = await storedDataset('keep', [7]);
    const suite = await saveSuite({
      name: 's',
      sourceVersionId: gone.versions[0]!.id,
      expectations: [{ kind: 'column-exists', column: 'x' }],
    });
    for (const v of [...gone.versions, ...keep.versions]) {
      await putProfile({ versionId: v.id, rowCount: v.rowCount, createdAt: 1, columns: [] });
      await putReport({ id: `r-${v.id}`, versionId: v.id, createdAt: 1, findings: [] });
      await putSuiteRun({
        id: `s-${v.id}`,
        suiteId: suite.id,
        versionId: v.id,
        createdAt: 1,
        passed: true,
        results: [],
      });
    }
    expect(await deleteDataset(gone.datasetId)).toEqual({ versions: 2, chunks: 2 });
    for (const v of gone.versions) {
      expect(await getProfile(v.id)).toBeUndefined();
      expect(await listReports(v.id)).toEqual([]);
      expect(await listSuiteRuns({ versionId: v.id })).toEqual([]);
    }
    const k = keep.versions[0]!.id;
    expect(await getProfile(k)).toBeDefined();
    expect((await getLatestReport(k))?.id).toBe(`r-${k}`);
    expect((await listSuiteRuns()).map((r) => r.id)).toEqual([`s-${k}`]);
    // Suites are lineage, not part of the dataset.
    expect(await getSuite(suite.id)).toEqual(suite);
  });
});
