/**
 * The storage layer: the only Dexie code in Benchtop (ARCHITECTURE.md "Storage").
 *
 * Each page or worker has one connection, opened on first use (see `connection.ts`); call
 * {@link onVersionChange} and {@link cleanOrphanChunks} at start-up. Tests call
 * {@link openDb} with a fresh name.
 */
export { BenchtopDb, CURRENT_SCHEMA_VERSION, DEFAULT_DB_NAME, SCHEMA_VERSIONS } from './schema';
export type { ChunkKey, MetaRecord, SchemaVersion } from './schema';
export { closeDb, getDb, onVersionChange, openDb } from './connection';
export type { OpenDbOptions, VersionChangeInfo } from './connection';
export { durabilityFor } from './durability';
export { isQuotaExceeded, toStorageError, withStorageErrors } from './storage-errors';
export {
  CHUNK_CODEC_VERSION,
  CHUNK_HEADER_BYTES,
  chunkAdditionalData,
  chunkPlaintext,
  decodeChunk,
  encodeChunk,
} from './chunk-codec';
export type { ChunkContext, ColumnValues } from './chunk-codec';
export { CHUNK_ROWS, datasetContentHash } from './content-hash';
export { canonicalJson } from './canonical-json';
export { GENESIS_HASH, sha256Hex } from './sha256';
export {
  createDataset,
  DATASET_NAME_MAX,
  deleteDataset,
  getDataset,
  listDatasets,
  renameDataset,
} from './datasets';
export type { NewDataset } from './datasets';
export { getVersion, listVersions, writeDatasetVersion } from './dataset-versions';
export type { NewDatasetVersion } from './dataset-versions';
export { readColumn, readColumns, verifyDatasetVersion } from './column-reads';
export { cleanOrphanChunks } from './orphan-chunks';
export { deleteRun, getRun, listRuns, putRun, updateRun } from './runs';
export { getArtifact, putArtifact, putArtifactAndUpdateRun } from './artifacts';
export { getSearch, listSearches, putSearch, updateSearch } from './searches';
export {
  getModelVersion,
  listModelNames,
  listModelVersions,
  registerModelVersion,
} from './registry';
export type { NewModelVersion } from './registry';
export { aliasHistory, aliasHolderAt, getAlias, listAliases, moveAlias } from './aliases';
export type { AliasMove } from './aliases';
export { aliasEventHash, verifyAliasChain } from './alias-chain';
export type { ChainVerification } from './alias-chain';
export { getSetting, putSetting } from './meta';
export { getProfile, putProfile } from './profiles';
export { getLatestReport, listReports, putReport } from './reports';
export { getSuite, listSuites, listSuiteVersions, saveSuite } from './suites';
export type { NewSuiteVersion } from './suites';
export { listSuiteRuns, putSuiteRun } from './suite-runs';
export { datasetStorageBytes, storageSummary } from './storage-usage';
export type { StorageSummary } from './storage-usage';
export {
  deleteDeployment,
  getDeployment,
  listDeployments,
  putDeployment,
  readServingState,
} from './deployments';
export {
  appendPredictions,
  attachLabelsByKey,
  countPredictions,
  listPredictions,
} from './prediction-log';
export type { AttachLabelsResult, ListPredictionsOptions } from './prediction-log';
export { appendAudit, listAudit } from './audit-log';
// Monitoring repositories (issue 6) below this line.
export {
  deleteMonitor,
  getMonitor,
  listMonitorReports,
  listMonitors,
  putMonitor,
  putMonitorReports,
} from './monitors';
export {
  acknowledgeAlert,
  countUnacknowledgedAlerts,
  listAlerts,
  monitorAlertId,
  raiseAlerts,
} from './alerts';
export { countRejects, recordRejects } from './serving-rejects';
// A/B experiment repositories (issue 7) below this line.
export {
  decideExperiment,
  getExperiment,
  listExperimentEntries,
  listExperiments,
  putExperiment,
  runningExperimentFor,
  startExperiment,
} from './experiments';
