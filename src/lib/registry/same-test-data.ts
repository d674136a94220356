/**
 * Whether two evaluations were made on the same test rows, so their metrics can be compared
 * (a promotion gate's precondition). Uses what every evaluation records: the task, the row
 * count and the bootstrap fingerprint, a hash of the true labels and of every resampled row
 * index (src/lib/metrics/bootstrap-metrics.ts).
 */
import type { Evaluation } from '../contracts/entities';

/** Outcome of {@link sameTestData}. */
export interface TestDataCheck {
  same: boolean;
  /** A sentence saying why. */
  reason: string;
}

/**
 * Compares where two evaluations came from: same task, same number of rows and the same
 * bootstrap fingerprint. Equal fingerprints mean the same labels resampled identically (same
 * rows, seed and iterations); different fingerprints on the same number of rows mean other rows
 * or another seed, and either way the two estimates are not a like-for-like comparison.
 * @param candidate the candidate's evaluation
 * @param champion the champion's evaluation
 * @returns `same` and the reason, naming what differs
 * @throws never
 * @example
 * sameTestData(a, a) // { same: true, reason: 'both were evaluated on the same 200 test rows' }
 * sameTestData(a, { ...a, n: 150 }).reason
 * // 'the candidate was evaluated on 200 test rows and the champion on 150; …'
 */
export function sameTestData(candidate: Evaluation, champion: Evaluation): TestDataCheck {
  const fix = 're-evaluate both on the same test split with the same seed, or allow different data';
  if (candidate.task !== champion.task) {
    return {
      same: false,
      reason:
        `the candidate is a ${candidate.task} model and the champion a ${champion.task} model; ` +
        'their metrics cannot be compared',
    };
  }
  if (candidate.n !== champion.n) {
    return {
      same: false,
      reason:
        `the candidate was evaluated on ${candidate.n} test rows and the champion on ` +
        `${champion.n}; ${fix}`,
    };
  }
  const a = candidate.bootstrap.fingerprint;
  const b = champion.bootstrap.fingerprint;
  if (a !== b) {
    return {
      same: false,
      reason:
        `the candidate and the champion were evaluated on different rows or resampled with a ` +
        `different seed (fingerprints ${hex(a)} and ${hex(b)}); ${fix}`,
    };
  }
  return { same: true, reason: `both were evaluated on the same ${candidate.n} test rows` };
}

function hex(x: number): string {
  return (x >>> 0).toString(16).padStart(8, '0');
}
