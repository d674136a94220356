/**
 * The one Dexie database of Benchtop: its tables and every schema version it has ever had.
 *
 * IndexedDB works in the page and in module workers, so each opens its own connection with
 * {@link openDb}; in Node tests `import 'fake-indexeddb/auto'` provides the globals.
 */
import { Dexie, type Table, type Transaction } from 'dexie';
import type { SearchRecord } from '../contracts/compute';
import type { AbExperiment } from '../contracts/ab';
import type { Alert, Monitor, MonitorWindowReport } from '../contracts/monitoring';
import type {
  AliasEvent,
  AuditEvent,
  ServingReject,
  ColumnChunk,
  Dataset,
  DatasetProfile,
  DatasetVersion,
  Deployment,
  ExpectationSuite,
  ModelAlias,
  ModelArtifact,
  ModelVersion,
  PredictionLogEntry,
  Run,
  SuiteRun,
  ValidationReport,
} from '../contracts/entities';

/** Default IndexedDB database name. Tests inject a fresh name per test. */
export const DEFAULT_DB_NAME = 'benchtop';

/** A row of the `meta` table: small app settings and bookkeeping (alias chain heads). */
export interface MetaRecord {
  key: string;
  value: unknown;
}

/** Primary key of a chunk: `[versionId, column, index]`. */
export type ChunkKey = [versionId: string, column: number, index: number];

/** One schema version: the Dexie store spec and the upgrade that brings data up to it. */
export interface SchemaVersion {
  version: number;
  /** Dexie `stores()` spec; only tables or indexes that change need to be listed. */
  stores: Record<string, string | null>;
  /** Rewrites existing rows when this version is first opened; runs inside the upgrade tx. */
  upgrade?: (tx: Transaction) => Promise<void>;
}

/**
 * Every schema version, oldest first. A schema change appends one entry (never edits an old
 * one) and extends `test/unit/db/migrations.test.ts` with a writer for the previous version.
 */
export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      datasets: 'id, name, createdAt',
      datasetVersions: 'id, datasetId, createdAt',
      // `versionId` is indexed on its own so orphan cleaning can list distinct version ids.
      chunks: '[versionId+column+index], versionId',
      runs: 'id, createdAt, datasetVersionId, status',
      artifacts: 'id, runId',
      modelVersions: 'id, name, [name+version], artifactId, createdAt',
      aliases: 'id, modelName',
      aliasEvents: '++seq, [modelName+alias], modelName',
      meta: 'key',
    },
  },
  {
    // Data quality (issue 3). New tables only: no existing row changes, so no upgrade function.
    version: 2,
    stores: {
      profiles: 'versionId',
      reports: 'id, versionId, createdAt',
      suites: 'id, name, [name+version], createdAt',
      suiteRuns: 'id, suiteId, versionId, createdAt',
    },
  },
  {
    // Hyperparameter searches (issue 4). A new table only, so no upgrade function. Searches are
    // lineage like runs: they outlive the dataset they searched on.
    version: 3,
    stores: {
      searches: 'id, createdAt, status, request.datasetVersionId',
    },
  },
  {
    // Serving (issue 5): deployments and their prediction log. New tables only, so no upgrade
    // function. The log is listed newest first per deployment ([deploymentId+at]) and joined to
    // late labels and A/B assignments by unit key ([deploymentId+rowKey], and rowKey alone for
    // labels not tied to one deployment).
    version: 4,
    stores: {
      deployments: 'id, name, modelName, createdAt',
      predictionLog: 'id, deploymentId, at, rowKey, [deploymentId+at], [deploymentId+rowKey]',
    },
  },
  {
    // Monitoring (issue 6), A/B tests (issue 7) and the audit trail. New tables, and one new
    // index on the prediction log (entries of an experiment in time order); no existing row
    // changes, so no upgrade function.
    version: 5,
    stores: {
      monitors: 'id, deploymentId, createdAt',
      monitorReports: 'id, monitorId, [monitorId+createdAt]',
      alerts: 'id, createdAt, acknowledgedAt',
      auditLog: '++seq, at, kind, subject',
      servingRejects: 'id, [deploymentId+at]',
      experiments: 'id, deploymentId, status, createdAt',
      predictionLog:
        'id, deploymentId, at, rowKey, [deploymentId+at], [deploymentId+rowKey], [experimentId+at]',
    },
  },
];

/** The current (newest) schema version number. */
export const CURRENT_SCHEMA_VERSION: number =
  SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]?.version ?? 0;

/**
 * The typed Dexie database. Construct it through {@link openDb}, which also wires version-change
 * handling, durability and error mapping; the constructor is public for migration tests.
 *
 * @example
 * const db = new BenchtopDb('benchtop-test', { upTo: 1 }); // a database at schema version 1
 */
export class BenchtopDb extends Dexie {
  // `declare` so that class-field semantics do not overwrite the tables Dexie defines.
  declare datasets: Table<Dataset, string>;
  declare datasetVersions: Table<DatasetVersion, string>;
  declare chunks: Table<ColumnChunk, ChunkKey>;
  declare runs: Table<Run, string>;
  declare artifacts: Table<ModelArtifact, string>;
  declare modelVersions: Table<ModelVersion, string>;
  declare aliases: Table<ModelAlias, string>;
  declare aliasEvents: Table<AliasEvent, number>;
  declare meta: Table<MetaRecord, string>;
  // Schema v2.
  declare profiles: Table<DatasetProfile, string>;
  declare reports: Table<ValidationReport, string>;
  declare suites: Table<ExpectationSuite, string>;
  declare suiteRuns: Table<SuiteRun, string>;
  // Schema v3.
  declare searches: Table<SearchRecord, string>;
  // Schema v4.
  declare deployments: Table<Deployment, string>;
  declare predictionLog: Table<PredictionLogEntry, string>;
  // Schema v5.
  declare monitors: Table<Monitor, string>;
  declare monitorReports: Table<MonitorWindowReport, string>;
  declare alerts: Table<Alert, string>;
  declare auditLog: Table<AuditEvent, number>;
  declare servingRejects: Table<ServingReject, string>;
  declare experiments: Table<AbExperiment, string>;

  /**
   * @param name IndexedDB database name
   * @param options `upTo`: declare schema versions only up to this one (migration tests);
   *   `indexedDB`/`IDBKeyRange`: injected implementations (otherwise the globals)
   */
  constructor(
    name: string = DEFAULT_DB_NAME,
    options: {
      upTo?: number;
      indexedDB?: IDBFactory;
      IDBKeyRange?: typeof IDBKeyRange;
    } = {},
  ) {
    const { upTo = CURRENT_SCHEMA_VERSION, ...deps } = options;
    super(name, { ...deps, autoOpen: true });
    for (const v of SCHEMA_VERSIONS) {
      if (v.version > upTo) break;
      const declared = this.version(v.version).stores(v.stores);
      if (v.upgrade) declared.upgrade(v.upgrade);
    }
  }
}
