/**
 * Worker of the D1 drift benchmark (bench/d1-drift.ts): computes KS, normed Wasserstein, PSI
 * and Jensen–Shannon for the columns it is sent, reading the shared column buffers in place.
 */
import { parentPort, workerData } from 'node:worker_threads';
import {
  buildProfile,
  buildReferenceProfile,
  jensenShannonFromProfiles,
  ksFromProfiles,
  psiFromProfiles,
  wassersteinNormedFromProfiles,
  type SampleProfile,
} from '../src/lib/stats/index';

interface Init {
  ref: SharedArrayBuffer;
  cur: SharedArrayBuffer;
  rows: number;
}

/** One job: a column index, and whether to reuse this worker's cached reference profile. */
export interface D1Job {
  column: number;
  cachedProfile: boolean;
}

/** Result of one column. */
export interface D1ColumnResult {
  column: number;
  ks: number;
  ksP: number;
  wassersteinNormed: number;
  psi: number;
  jensenShannon: number;
}

const { ref, cur, rows } = workerData as Init;
const profiles = new Map<number, SampleProfile>();

function run(job: D1Job): D1ColumnResult {
  const offset = job.column * rows * 8;
  let profile = job.cachedProfile ? profiles.get(job.column) : undefined;
  if (!profile) {
    profile = buildReferenceProfile(new Float64Array(ref, offset, rows), 'numeric');
    profiles.set(job.column, profile);
  }
  const current = buildProfile(new Float64Array(cur, offset, rows), 'numeric', 'cur');
  // One sort per sample; KS and Wasserstein share one memoised merge walk; PSI and JS bin by
  // binary search on the same sorted arrays.
  const ks = ksFromProfiles(profile, current);
  return {
    column: job.column,
    ks: ks.statistic,
    ksP: ks.pValue,
    wassersteinNormed: wassersteinNormedFromProfiles(profile, current),
    psi: psiFromProfiles(profile, current),
    jensenShannon: jensenShannonFromProfiles(profile, current),
  };
}

parentPort!.on('message', (job: D1Job) => parentPort!.postMessage(run(job)));
parentPort!.postMessage('ready');
