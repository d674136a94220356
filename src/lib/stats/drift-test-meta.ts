/**
 * What each drift test of STATS.md is, as plain data (no numerics): name, label, column kinds,
 * default threshold and drift direction. Each test's descriptor spreads its entry and adds
 * `compute`; the page reads this file alone (monitor settings), so it never loads the tests'
 * numerics or their distribution library.
 */
import type { DriftTestDescriptor, DriftTestName } from './drift-test';

/** A drift test's descriptor without its computation. */
export type DriftTestMeta = Omit<DriftTestDescriptor, 'compute'>;

/** Every drift test, in the registry's order. */
export const DRIFT_TEST_META = {
  ks: {
    name: 'ks',
    label: 'Kolmogorov–Smirnov p-value',
    kinds: ['numeric'],
    defaultThreshold: 0.05,
    direction: 'below',
  },
  wasserstein: {
    name: 'wasserstein',
    label: 'Wasserstein distance (normed)',
    kinds: ['numeric'],
    defaultThreshold: 0.1,
    direction: 'at-or-above',
  },
  psi: {
    name: 'psi',
    label: 'Population Stability Index',
    kinds: ['numeric', 'categorical'],
    defaultThreshold: 0.1,
    direction: 'at-or-above',
  },
  jensenshannon: {
    name: 'jensenshannon',
    label: 'Jensen–Shannon distance',
    kinds: ['numeric', 'categorical'],
    defaultThreshold: 0.1,
    direction: 'at-or-above',
  },
  chisquare: {
    name: 'chisquare',
    label: 'chi-square p-value',
    kinds: ['numeric', 'categorical'],
    defaultThreshold: 0.05,
    direction: 'below',
  },
  z: {
    name: 'z',
    label: 'two-proportion z-test p-value',
    kinds: ['numeric', 'categorical'],
    defaultThreshold: 0.05,
    direction: 'below',
  },
} as const satisfies Record<DriftTestName, DriftTestMeta>;
