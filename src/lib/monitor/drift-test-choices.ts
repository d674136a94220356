/**
 * The drift tests a monitor may choose, as plain metadata. The page (and the store's monitor
 * check) need the names, labels and kinds, but importing the drift registry would pull the
 * tests' numerics (and their distribution library) into the app shell; a unit test keeps this
 * list equal to the registry's descriptors.
 */
import type { DriftTestName } from '../stats/drift-test';
import type { ColumnKind } from '../stats/profile';

/** A drift test as the monitor settings show it. */
export interface DriftTestChoice {
  name: DriftTestName;
  label: string;
  kinds: readonly ColumnKind[];
  defaultThreshold: number;
}

/** Every drift test of STATS.md, in the registry's order. */
export const DRIFT_TEST_CHOICES: readonly DriftTestChoice[] = [
  { name: 'ks', label: 'Kolmogorov–Smirnov p-value', kinds: ['numeric'], defaultThreshold: 0.05 },
  {
    name: 'wasserstein',
    label: 'Wasserstein distance (normed)',
    kinds: ['numeric'],
    defaultThreshold: 0.1,
  },
  {
    name: 'psi',
    label: 'Population Stability Index',
    kinds: ['numeric', 'categorical'],
    defaultThreshold: 0.1,
  },
  {
    name: 'jensenshannon',
    label: 'Jensen–Shannon distance',
    kinds: ['numeric', 'categorical'],
    defaultThreshold: 0.1,
  },
  {
    name: 'chisquare',
    label: 'chi-square p-value',
    kinds: ['numeric', 'categorical'],
    defaultThreshold: 0.05,
  },
  {
    name: 'z',
    label: 'two-proportion z-test p-value',
    kinds: ['numeric', 'categorical'],
    defaultThreshold: 0.05,
  },
];

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
