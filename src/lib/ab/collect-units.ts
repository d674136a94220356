/**
 * Aggregation of an experiment's log entries into units: one unit per distinct unit key and
 * arm, first seen at its earliest entry, with each metric's value taken from its latest entry
 * that has one (a label attached later, or a repeated request, updates it).
 */
import type { AbExperiment } from '../contracts/ab';
import type { PredictionLogEntry } from '../contracts/entities';
import { metricValue } from './metric-sources';
import { unitOf } from './unit-of';

/** One unit of an experiment. */
export interface UnitRecord {
  arm: number;
  /** Time of its first entry. */
  at: number;
  /** One value per metric (primary first, then guardrails); null when not known. */
  values: (number | null)[];
}

/**
 * Collects units from log entries (entries of other experiments and unknown arms are skipped).
 * @param experiment the experiment
 * @param entries its log entries, in any order
 * @returns the units sorted by first-seen time, and unit counts per arm
 * @example
 * collectUnits(exp, entries) // { units: [{ arm: 0, at: 1700000000000, values: [1, 4.2] }, ...], counts: [512, 488] }
 */
export function collectUnits(
  experiment: AbExperiment,
  entries: readonly PredictionLogEntry[],
): { units: UnitRecord[]; counts: number[] } {
  const metrics = [experiment.primary, ...experiment.guardrails];
  const armIndex = new Map(experiment.arms.map((a, i) => [a.name, i]));
  const byKey = new Map<string, UnitRecord & { lastAt: number[] }>();
  for (const e of entries) {
    if (e.experimentId !== experiment.id || e.arm === undefined) continue;
    const arm = armIndex.get(e.arm);
    if (arm === undefined) continue;
    const key = `${arm}\u0000${unitOf(experiment.unitKey, e.inputs, e.rowKey)}`;
    let unit = byKey.get(key);
    if (!unit) {
      unit = {
        arm,
        at: e.at,
        values: metrics.map(() => null),
        lastAt: metrics.map(() => -Infinity),
      };
      byKey.set(key, unit);
    }
    if (e.at < unit.at) unit.at = e.at;
    metrics.forEach((m, k) => {
      const v = metricValue(m, e, k === 0);
      if (v !== null && e.at >= unit.lastAt[k]!) {
        unit.values[k] = v;
        unit.lastAt[k] = e.at;
      }
    });
  }
  const counts = experiment.arms.map(() => 0);
  const units: UnitRecord[] = [];
  for (const u of byKey.values()) {
    counts[u.arm]!++;
    units.push({ arm: u.arm, at: u.at, values: u.values });
  }
  units.sort((a, b) => a.at - b.at);
  return { units, counts };
}
