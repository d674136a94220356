/**
 * Worker of the D1 drift benchmark (bench/d1-drift.ts): computes KS, normed Wasserstein, PSI
 * and Jensen–Shannon for the columns it is sent, reading the shared column buffers in place.
 * Imported by the main thread too, for the single-thread figure ({@link driftColumn}).
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

/**
 * One job: a column index, and the column's reference profile when one was built in an earlier
 * run (its sorted array's buffer is transferred, not copied, with the job and back with the
 * reply, so any worker can take any column).
 */
export interface D1Job {
  column: number;
  profile?: SampleProfile;
}

/** Reply to a job: the column's statistics and its reference profile (buffer transferred). */
export interface D1Reply {
  result: D1ColumnResult;
  profile: SampleProfile;
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

/**
 * One column through the library, as the app's drift worker does it: profile (sort) the
 * reference unless a cached profile is given, profile `cur`, then the four statistics. KS and
 * Wasserstein share one memoised merge walk; PSI and JS bin by binary search on the same sorted
 * arrays.
 * @param column column index (copied into the result)
 * @param ref the reference values
 * @param cur the current values
 * @param cached a reference profile from an earlier window, if any
 * @returns the result and the reference profile used
 */
export function driftColumn(
  column: number,
  ref: Float64Array,
  cur: Float64Array,
  cached?: SampleProfile,
): D1Reply {
  const profile = cached ?? buildReferenceProfile(ref, 'numeric');
  const current = buildProfile(cur, 'numeric', 'cur');
  const ks = ksFromProfiles(profile, current);
  return {
    profile,
    result: {
      column,
      ks: ks.statistic,
      ksP: ks.pValue,
      wassersteinNormed: wassersteinNormedFromProfiles(profile, current),
      psi: psiFromProfiles(profile, current),
      jensenShannon: jensenShannonFromProfiles(profile, current),
    },
  };
}

if (parentPort && workerData) {
  const { ref, cur, rows } = workerData as Init;
  const port = parentPort;
  port.on('message', (job: D1Job) => {
    // The columns are views on the shared buffers: read in place, never copied.
    const offset = job.column * rows * 8;
    const reply: D1Reply = driftColumn(
      job.column,
      new Float64Array(ref, offset, rows),
      new Float64Array(cur, offset, rows),
      job.profile,
    );
    port.postMessage(reply, transferList(reply.profile));
  });
  port.postMessage('ready');
}

/**
 * Buffers to transfer with a profile: its sorted array's, when the array owns its whole buffer
 * (always, for profiles built from Float64Array columns).
 * @param profile a reference profile
 * @returns the transfer list
 */
export function transferList(profile: SampleProfile): ArrayBuffer[] {
  if (profile.kind !== 'numeric') return [];
  const { buffer, byteLength } = profile.sorted;
  return buffer instanceof ArrayBuffer && buffer.byteLength === byteLength ? [buffer] : [];
}
