/**
 * The unit key of a request: the configured input column's value (text), or the request's row
 * key (replay: its key column or the row number; form and batch serving: a generated id).
 */
import type { AbExperiment } from '../contracts/ab';
import type { InputRow } from '../contracts/compute';

/**
 * @param unitKey the experiment's unit key setting
 * @param inputs the request's inputs
 * @param rowKey the request's row key
 * @returns the unit key as text
 * @example
 * unitOf({ kind: 'column', column: 'user' }, { user: 42, x: 1 }, 'r1') // '42'
 * unitOf({ kind: 'generated' }, { x: 1 }, 'r1') // 'r1'
 */
export function unitOf(
  unitKey: AbExperiment['unitKey'],
  inputs: InputRow | undefined,
  rowKey: string,
): string {
  if (unitKey.kind === 'column' && inputs && Object.hasOwn(inputs, unitKey.column)) {
    const v = inputs[unitKey.column];
    if (v !== null && v !== undefined && v !== '') return String(v);
  }
  return rowKey;
}
