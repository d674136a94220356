/**
 * The target of a classification task as class indices, shared by the target checks.
 */
import type { ColumnSchema } from '../contracts/entities';
import type { Column } from '../data/columns';
import { codeCounts } from '../data/profile';

/** A classification target: class per row (−1 = missing), labels and counts. */
export interface TargetClasses {
  /** Class index per row into `labels`; −1 where the target is missing. */
  y: Int32Array;
  labels: string[];
  /** counts[c] = rows of class c (classes that do not occur have 0). */
  counts: number[];
  /** Rows with a target. */
  present: number;
}

/**
 * Encodes a categorical target (dictionary codes as they are; integer values by first
 * appearance).
 * @param schema the target's schema entry
 * @param column the target column
 * @returns the classes
 * @throws {InvalidArgumentError} when a dictionary code is out of range
 * @example
 * targetClasses({ name: 'y', type: 'integer', encoding: 'f64', missing: 0 },
 *   new Float64Array([1, 0, 1])).labels // ['1', '0']
 */
export function targetClasses(schema: ColumnSchema, column: Column): TargetClasses {
  if (column instanceof Int32Array) {
    const labels = schema.dictionary ?? [];
    const { counts, missing } = codeCounts(schema.name, column, labels.length);
    return { y: column, labels, counts: [...counts], present: column.length - missing };
  }
  const index = new Map<number, number>();
  const labels: string[] = [];
  const counts: number[] = [];
  const y = new Int32Array(column.length);
  let present = 0;
  for (let i = 0; i < column.length; i++) {
    const v = column[i]!;
    if (v !== v) {
      y[i] = -1;
      continue;
    }
    let c = index.get(v);
    if (c === undefined) {
      c = labels.length;
      index.set(v, c);
      labels.push(String(v));
      counts.push(0);
    }
    y[i] = c;
    counts[c]!++;
    present++;
  }
  return { y, labels, counts, present };
}
