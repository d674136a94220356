/**
 * The descriptor every drift test declares (STYLE.md "Registries instead of switch
 * statements", after Evidently's one-file-per-stattest registry).
 */
import type { ColumnKind, SampleProfile } from './profile';

/** Names of the drift tests of STATS.md. */
export type DriftTestName = 'ks' | 'wasserstein' | 'psi' | 'jensenshannon' | 'chisquare' | 'z';

/**
 * Which side of the threshold is drift: a p-value test drifts when the p-value is below the
 * threshold, a distance when it is at or above it.
 */
export type DriftDirection = 'below' | 'at-or-above';

/** A drift test: its identity, where it applies and how it decides. */
export interface DriftTestDescriptor {
  name: DriftTestName;
  /** Human-readable name for reports, e.g. "Kolmogorov–Smirnov p-value". */
  label: string;
  /** Column kinds the test accepts. */
  kinds: readonly ColumnKind[];
  /** Threshold used when the caller does not set one. */
  defaultThreshold: number;
  direction: DriftDirection;
  /** Computes the test's value (a p-value or a distance) from two profiles of one kind. */
  compute(ref: SampleProfile, cur: SampleProfile): number;
}

/**
 * Whether a value means drift for a test direction and threshold.
 * @param direction the test's direction
 * @param value the test's value
 * @param threshold the threshold in force
 * @returns true when the value is on the drift side of the threshold
 * @example
 * isDrift('below', 0.01, 0.05) // true
 */
export function isDrift(direction: DriftDirection, value: number, threshold: number): boolean {
  return direction === 'below' ? value < threshold : value >= threshold;
}
