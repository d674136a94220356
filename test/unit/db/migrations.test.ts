/**
 * RELIABILITY.md S7: data written by every earlier schema opens in the current one, with equal
 * checksums.
 *
 * Each historic schema version has a frozen WRITER that stores raw records exactly as that
 * version of the app stored them (hand-built chunk bytes, no current repository code). The test
 * opens a database declared only up to that version, runs the writer, which returns the
 * checksum of the logical content it wrote, then reopens with the current schema (running every
 * migration) and recomputes the checksum through the current repository API.
 *
 * When schema vN arrives: append it to SCHEMA_VERSIONS, keep every earlier writer unchanged, add
 * WRITERS[N], and adapt `currentChecksum` if the logical shape changed. Schema v2 added the data
 * quality tables (profiles, reports, suites, suiteRuns); their content is part of the logical
 * content only for writers that fill them (`Written.quality`). Schema v3 added the `searches`
 * table (hyperparameter searches), likewise part of the logical content only for writers that
 * fill it (`Written.searchIds`). Schema v4 added `deployments` and `predictionLog` (serving),
 * part of the logical content only for writers that fill them (`Written.deploymentIds`).
 */
import { f64, dict, makeArtifact, makeRun, makeSearch, SIGNATURE } from './helpers';
import { afterEach, describe, expect, it } from 'vitest';
import type {
  AliasEvent,
  ColumnSchema,
  DatasetProfile,
  DatasetVersion,
  Deployment,
  ExpectationSuite,
  ModelVersion,
  PredictionLogEntry,
  SuiteRun,
  ValidationReport,
} from '../../../src/lib/contracts/entities';
import {
  aliasEventHash,
  aliasHistory,
  BenchtopDb,
  canonicalJson,
  appendPredictions,
  closeDb,
  countPredictions,
  CURRENT_SCHEMA_VERSION,
  datasetContentHash,
  datasetStorageBytes,
  deleteDataset,
  GENESIS_HASH,
  getArtifact,
  getDeployment,
  getLatestReport,
  getModelVersion,
  getProfile,
  getRun,
  getSearch,
  getSetting,
  getSuite,
  getVersion,
  listAliases,
  listDatasets,
  listDeployments,
  listPredictions,
  listReports,
  listSearches,
  listSuiteRuns,
  listSuites,
  openDb,
  putDeployment,
  putProfile,
  putReport,
  putSearch,
  putSuiteRun,
  readColumn,
  saveSuite,
  SCHEMA_VERSIONS,
  sha256Hex,
  storageSummary,
  verifyAliasChain,
  verifyDatasetVersion,
  type ColumnValues,
} from '../../../src/lib/db';

/** What a fixture wrote, in a shape independent of the schema version. */
interface Logical {
  datasets: unknown[];
  versions: { manifest: unknown; columns: string[] }[];
  runs: unknown[];
  artifacts: unknown[];
  modelVersions: unknown[];
  aliases: unknown[];
  aliasEvents: unknown[];
  settings: Record<string, unknown>;
}

/** Schema v2+: the content of the data quality tables. */
interface Quality {
  profiles: unknown[];
  reports: unknown[];
  suites: unknown[];
  suiteRuns: unknown[];
}

interface Written {
  checksum: string;
  versionIds: string[];
  runIds: string[];
  artifactIds: string[];
  modelVersionIds: string[];
  settingKeys: string[];
  /** Schema v2+: ids of the data quality records written. */
  quality?: { versionIds: string[]; suiteIds: string[] };
  /** Schema v3+: ids of the searches written. */
  searchIds?: string[];
  /** Schema v4+: ids of the deployments written (their logs are part of the content). */
  deploymentIds?: string[];
}

const checksum = async (logical: Logical): Promise<string> => sha256Hex(canonicalJson(logical));

/** Checksum of v1-shaped content (its checksum) plus the data quality tables. */
const withQuality = async (base: string, quality: Quality): Promise<string> =>
  sha256Hex(canonicalJson({ base, quality }));

/** SHA-256 of a column's little-endian bytes (NaN written by the literal, so canonical). */
const columnHash = (values: ColumnValues): Promise<string> =>
  sha256Hex(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));

/** Chunk bytes as schema v1 (chunk codec version 1) stored them: "BTCK", 1, dtype, 0, 0, values. */
function v1Payload(values: ColumnValues): ArrayBuffer {
  const out = new Uint8Array(8 + values.byteLength);
  out.set([0x42, 0x54, 0x43, 0x4b, 1, values instanceof Float64Array ? 1 : 2, 0, 0]);
  out.set(new Uint8Array(values.buffer, values.byteOffset, values.byteLength), 8);
  return out.buffer;
}

const withoutBytes = (a: { weightData: ArrayBuffer }): Promise<string> => sha256Hex(a.weightData);

/** Schema v1 as shipped. Frozen. */
async function writeV1(db: BenchtopDb): Promise<Written> {
  const rows = 70_000; // two chunks of 65,536 rows
  const schema: ColumnSchema[] = [f64('x', 70), dict('c', ['a', 'b', 'c'], 140)];
  const x = new Float64Array(rows).map((_, i) => (i % 1000 === 0 ? NaN : i / 7));
  const c = new Int32Array(rows).map((_, i) => (i % 500 === 0 ? -1 : i % 3));
  const columns: ColumnValues[] = [x, c];
  const id = await datasetContentHash(schema, columns, 65_536);
  const dataset = { id: 'ds1', name: 'fixture', createdAt: 1, description: 'v1 fixture' };
  const manifest: DatasetVersion = {
    id,
    datasetId: 'ds1',
    parentId: null,
    createdAt: 2,
    rowCount: rows,
    schema,
    chunkRows: 65_536,
    chunkCount: 2,
    source: { kind: 'file', name: 'fixture.csv', bytes: 1234 },
    note: 'v1',
  };
  await db.datasets.put(dataset);
  for (let column = 0; column < 2; column++) {
    for (let index = 0; index < 2; index++) {
      const values = columns[column]!.subarray(index * 65_536, (index + 1) * 65_536);
      await db.chunks.put({ versionId: id, column, index, payload: v1Payload(values) });
    }
  }
  await db.datasetVersions.put(manifest);

  const run = { ...makeRun('r1', 3, id), status: 'completed' as const, artifactId: 'a1' };
  const artifact = await makeArtifact('a1', 'r1');
  const mv: ModelVersion = {
    id: 'm@1',
    name: 'm',
    version: 1,
    createdAt: 4,
    runId: 'r1',
    artifactId: 'a1',
    datasetVersionId: id,
    signature: SIGNATURE,
    tags: ['t'],
    description: 'first',
  };
  await db.runs.put(run);
  await db.artifacts.put(artifact);
  await db.modelVersions.put(mv);

  const fields = {
    modelName: 'm',
    alias: 'champion',
    from: null,
    to: 'm@1',
    at: 5,
    reason: 'first',
    actor: 'fixture',
    prevHash: GENESIS_HASH,
  };
  const event: AliasEvent = { ...fields, hash: await aliasEventHash(fields) };
  const seq = await db.aliasEvents.add(event);
  const alias = {
    id: 'm:champion',
    modelName: 'm',
    alias: 'champion',
    versionId: 'm@1',
    updatedAt: 5,
  };
  await db.aliases.put(alias);
  await db.meta.put({ key: 'aliasChainHead:m', value: { seq, hash: event.hash } });
  await db.meta.put({ key: 'backendPreference', value: 'wasm' });

  return {
    checksum: await checksum({
      datasets: [dataset],
      versions: [{ manifest, columns: [await columnHash(x), await columnHash(c)] }],
      runs: [run],
      artifacts: [{ ...artifact, weightData: await withoutBytes(artifact) }],
      modelVersions: [mv],
      aliases: [alias],
      aliasEvents: [{ ...event, seq }],
      settings: { backendPreference: 'wasm' },
    }),
    versionIds: [id],
    runIds: ['r1'],
    artifactIds: ['a1'],
    modelVersionIds: ['m@1'],
    settingKeys: ['backendPreference'],
  };
}

/**
 * Schema v2 as shipped: v1's tables are unchanged, so their content is written by the frozen v1
 * writer; then one record in each data quality table. Frozen.
 */
async function writeV2(db: BenchtopDb): Promise<Written> {
  const v1 = await writeV1(db);
  const versionId = v1.versionIds[0]!;
  const profile: DatasetProfile = {
    versionId,
    rowCount: 70_000,
    createdAt: 6,
    columns: [
      {
        name: 'x',
        type: 'number',
        count: 70_000,
        missing: 70,
        unique: 69_930,
        min: 1 / 7,
        max: 69_999 / 7,
        quantiles: [{ p: 0.5, value: 5000 }],
        histogram: { edges: [0, 5000, 10_000], counts: [34_965, 34_965] },
      },
      { name: 'c', type: 'category', count: 70_000, missing: 140, unique: 3, top: [] },
    ],
  };
  const report: ValidationReport = {
    id: 'rep1',
    versionId,
    target: 'c',
    createdAt: 7,
    findings: [
      {
        check: 'missing-values',
        severity: 'warning',
        column: 'x',
        title: '`x` is missing in 0.1% of rows',
        explanation: 'fixture',
        count: 70,
        sampleRows: [0, 1000],
        details: { share: 0.001 },
      },
    ],
  };
  const suite: ExpectationSuite = {
    id: 's@1',
    name: 's',
    version: 1,
    createdAt: 8,
    sourceVersionId: versionId,
    expectations: [
      { kind: 'column-exists', column: 'x' },
      { kind: 'values-in-set', column: 'c', values: ['a', 'b', 'c'] },
    ],
  };
  const suiteRun: SuiteRun = {
    id: 'sr1',
    suiteId: 's@1',
    versionId,
    createdAt: 9,
    passed: true,
    results: [
      {
        expectation: { kind: 'column-exists', column: 'x' },
        passed: true,
        observed: 'present',
        unexpectedCount: 0,
        unexpected: [],
      },
    ],
  };
  await db.profiles.put(profile);
  await db.reports.put(report);
  await db.suites.put(suite);
  await db.suiteRuns.put(suiteRun);

  return {
    ...v1,
    checksum: await withQuality(v1.checksum, {
      profiles: [profile],
      reports: [report],
      suites: [suite],
      suiteRuns: [suiteRun],
    }),
    quality: { versionIds: [versionId], suiteIds: ['s@1'] },
  };
}

/**
 * Schema v3 as shipped: v1 and v2 tables unchanged (written by the frozen v2 writer), then one
 * search whose trial is the v1 run. Frozen.
 */
async function writeV3(db: BenchtopDb): Promise<Written> {
  const v2 = await writeV2(db);
  const search = {
    ...makeSearch('s1', 10, v2.versionIds[0]!),
    status: 'completed' as const,
    runIds: { 0: 'r1' },
    best: { trial: 0, value: 0.25, params: { learningRate: 0.01 }, runId: 'r1' },
    durationMs: 1234,
  };
  await db.searches.put(search);
  return {
    ...v2,
    checksum: await sha256Hex(canonicalJson({ base: v2.checksum, searches: [search] })),
    searchIds: ['s1'],
  };
}

/** A v4 deployment of the fixture model. */
const deploymentV4 = (id: string, createdAt: number): Deployment => ({
  id,
  name: `deployment ${id}`,
  modelName: 'm',
  alias: 'champion',
  fallbackChain: ['m@1'],
  shadowVersionId: null,
  validation: 'fallback',
  suiteId: null,
  createdAt,
});

/** A v4 prediction-log entry of the fixture model. */
const logEntryV4 = (id: string, deploymentId: string, at: number): PredictionLogEntry => ({
  id,
  deploymentId,
  at,
  rowKey: `k${at}`,
  inputs: { x: at / 10, c: 'b' },
  output: { label: 'a', value: 0, probabilities: [0.75, 0.25] },
  modelVersionId: 'm@1',
  responder: 'primary',
  reason: 'the primary (m@1) answers',
  latencyMs: 1.5,
  ...(at % 2 === 0 ? { label: 'a' } : {}),
});

/**
 * Schema v4 as shipped: v1–v3 tables unchanged (written by the frozen v3 writer), then one
 * deployment with three prediction-log entries (one labelled). Frozen.
 */
async function writeV4(db: BenchtopDb): Promise<Written> {
  const v3 = await writeV3(db);
  const deployment = deploymentV4('dep1', 11);
  const entries = [12, 13, 14].map((at) => logEntryV4(`p${at}`, 'dep1', at));
  await db.deployments.put(deployment);
  await db.predictionLog.bulkPut(entries);
  return {
    ...v3,
    checksum: await sha256Hex(
      canonicalJson({
        base: v3.checksum,
        deployments: [{ deployment, log: [...entries].reverse() }],
      }),
    ),
    deploymentIds: ['dep1'],
  };
}

const WRITERS: Record<number, (db: BenchtopDb) => Promise<Written>> = {
  1: writeV1,
  2: writeV2,
  3: writeV3,
  4: writeV4,
  // Schema v5 only added tables (monitoring, A/B, audit) and an index: v4's content is v5's.
  5: writeV4,
};

/** The same logical content, read back through the current repository API. */
async function currentChecksum(w: Written): Promise<string> {
  const versions = [];
  for (const id of w.versionIds) {
    const manifest = await getVersion(id);
    await verifyDatasetVersion(id);
    const columns = [];
    for (let c = 0; c < (manifest?.schema.length ?? 0); c++) {
      columns.push(await columnHash(await readColumn(id, c)));
    }
    versions.push({ manifest, columns });
  }
  const artifacts = [];
  for (const id of w.artifactIds) {
    const a = (await getArtifact(id))!;
    artifacts.push({ ...a, weightData: await withoutBytes(a) });
  }
  const settings: Record<string, unknown> = {};
  for (const key of w.settingKeys) settings[key] = await getSetting(key);
  const base = await checksum({
    datasets: await listDatasets(),
    versions,
    runs: await Promise.all(w.runIds.map((id) => getRun(id))),
    artifacts,
    modelVersions: await Promise.all(w.modelVersionIds.map((id) => getModelVersion(id))),
    aliases: await listAliases('m'),
    aliasEvents: await aliasHistory('m', 'champion'),
    settings,
  });
  if (!w.quality) return base;
  const { versionIds, suiteIds } = w.quality;
  const withQualityTables = await withQuality(base, {
    profiles: await Promise.all(versionIds.map((id) => getProfile(id))),
    reports: (await Promise.all(versionIds.map((id) => listReports(id)))).flat(),
    suites: await Promise.all(suiteIds.map((id) => getSuite(id))),
    suiteRuns: (await Promise.all(versionIds.map((id) => listSuiteRuns({ versionId: id })))).flat(),
  });
  if (!w.searchIds) return withQualityTables;
  const withSearches = await sha256Hex(
    canonicalJson({
      base: withQualityTables,
      searches: await Promise.all(w.searchIds.map((id) => getSearch(id))),
    }),
  );
  if (!w.deploymentIds) return withSearches;
  const deployments = [];
  for (const id of w.deploymentIds) {
    deployments.push({
      deployment: await getDeployment(id),
      log: await listPredictions(id, { limit: 1_000_000 }),
    });
  }
  return sha256Hex(canonicalJson({ base: withSearches, deployments }));
}

describe('schema migrations (S7)', () => {
  afterEach(() => closeDb());

  it('has a frozen fixture writer for every schema version', () => {
    expect(SCHEMA_VERSIONS.map((v) => v.version)).toEqual(
      Object.keys(WRITERS)
        .map(Number)
        .sort((a, b) => a - b),
    );
    expect(CURRENT_SCHEMA_VERSION).toBe(SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]?.version);
  });

  it.each(SCHEMA_VERSIONS.map((v) => v.version))(
    'data written by schema v%i opens in the current schema with equal checksums',
    async (version) => {
      const name = `benchtop-migration-${version}-${crypto.randomUUID()}`;
      const old = new BenchtopDb(name, { upTo: version });
      await old.open();
      expect(old.verno).toBe(version);
      const written = await WRITERS[version]!(old);
      old.close();

      const db = await openDb({ name });
      expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
      expect(await currentChecksum(written)).toBe(written.checksum);
      expect(await verifyAliasChain()).toEqual({ ok: true });
    },
  );

  it('after upgrading a v1 database the data quality tables work and follow their dataset', async () => {
    const name = `benchtop-migration-v1-quality-${crypto.randomUUID()}`;
    const old = new BenchtopDb(name, { upTo: 1 });
    await old.open();
    const written = await writeV1(old);
    old.close();

    const db = await openDb({ name });
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    const versionId = written.versionIds[0]!;
    const before = await storageSummary();
    // Two columns × two chunks, each an 8-byte header plus the values.
    const bytes = 2 * 8 + 70_000 * 8 + 2 * 8 + 70_000 * 4;
    expect(before).toEqual({ datasets: [{ id: 'ds1', bytes }], totalBytes: bytes });
    expect(await datasetStorageBytes('ds1')).toBe(bytes);

    const profile: DatasetProfile = { versionId, rowCount: 70_000, createdAt: 10, columns: [] };
    await putProfile(profile);
    await putReport({ id: 'r', versionId, createdAt: 11, findings: [] });
    const suite = await saveSuite({
      name: 'fixture',
      sourceVersionId: versionId,
      expectations: [{ kind: 'row-count-between', min: 1, max: 100_000 }],
      createdAt: 12,
    });
    await putSuiteRun({
      id: 'run',
      suiteId: suite.id,
      versionId,
      createdAt: 13,
      passed: true,
      results: [],
    });
    expect(await getProfile(versionId)).toEqual(profile);
    expect((await getLatestReport(versionId))?.id).toBe('r');
    expect((await listSuites()).map((s) => s.id)).toEqual(['fixture@1']);
    expect((await listSuiteRuns({ suiteId: 'fixture@1' })).map((r) => r.id)).toEqual(['run']);

    expect(await currentChecksum(written)).toBe(written.checksum);
    expect(await deleteDataset('ds1')).toEqual({ versions: 1, chunks: 4 });
    expect(await getProfile(versionId)).toBeUndefined();
    expect(await listReports(versionId)).toEqual([]);
    expect(await listSuiteRuns()).toEqual([]);
    expect(await getSuite('fixture@1')).toBeDefined();
  });

  it('after upgrading a v2 database the searches table works and outlives its dataset', async () => {
    const name = `benchtop-migration-v2-searches-${crypto.randomUUID()}`;
    const old = new BenchtopDb(name, { upTo: 2 });
    await old.open();
    expect(old.tables.map((t) => t.name)).not.toContain('searches');
    const written = await writeV2(old);
    old.close();

    const db = await openDb({ name });
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(await currentChecksum(written)).toBe(written.checksum);
    const versionId = written.versionIds[0]!;
    expect(await listSearches()).toEqual([]);
    const search = makeSearch('s', 20, versionId);
    await putSearch(search);
    expect(await getSearch('s')).toEqual(search);
    expect(await listSearches({ datasetVersionId: versionId })).toEqual([search]);
    // Searches are lineage, like runs: deleting the dataset keeps them.
    await deleteDataset('ds1');
    expect(await getSearch('s')).toEqual(search);
  });

  it('after upgrading a v3 database the serving tables work', async () => {
    const name = `benchtop-migration-v3-serving-${crypto.randomUUID()}`;
    const old = new BenchtopDb(name, { upTo: 3 });
    await old.open();
    expect(old.tables.map((t) => t.name)).not.toContain('deployments');
    expect(old.tables.map((t) => t.name)).not.toContain('predictionLog');
    const written = await writeV3(old);
    old.close();

    const db = await openDb({ name });
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(await currentChecksum(written)).toBe(written.checksum);
    expect(await listDeployments()).toEqual([]);
    const deployment = deploymentV4('d', 20);
    await putDeployment(deployment);
    await appendPredictions([logEntryV4('e1', 'd', 21), logEntryV4('e2', 'd', 22)]);
    expect(await getDeployment('d')).toEqual(deployment);
    expect(await countPredictions('d')).toBe(2);
    expect((await listPredictions('d', { limit: 10 })).map((e) => e.id)).toEqual(['e2', 'e1']);
    // Deployments are independent of datasets: deleting the dataset keeps them.
    await deleteDataset('ds1');
    expect(await countPredictions('d')).toBe(2);
  });
});
