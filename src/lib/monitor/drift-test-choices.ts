/**
 * The drift tests a monitor may choose, as plain metadata. The page (and the store's monitor
 * check) need the names, labels and kinds, but importing the drift registry would pull the
 * tests' numerics (and their distribution library) into the app shell; so this reads
 * `stats/drift-test-meta.ts`, which the descriptors themselves are built from.
 */
import { DRIFT_TEST_META, type DriftTestMeta } from '../stats/drift-test-meta';

/** A drift test as the monitor settings show it. */
export type DriftTestChoice = DriftTestMeta;

/** Every drift test of STATS.md, in the registry's order (the descriptors' own metadata). */
export const DRIFT_TEST_CHOICES: readonly DriftTestChoice[] = Object.values(DRIFT_TEST_META);

/**
 * The choice of a test name, or undefined.
 * @param name a test name
 * @returns its metadata, or undefined when it is not a drift test
 * @example
 * driftTestChoice('psi')?.defaultThreshold // 0.1
 */
export function driftTestChoice(name: string): DriftTestChoice | undefined {
  return DRIFT_TEST_CHOICES.find((t) => t.name === name);
}
