/**
 * The registry of validation checks: every check module declares a {@link CheckDescriptor};
 * this file lists the built-in ones once, in report order, and callers look checks up by id.
 */
import { InvalidArgumentError } from '../contracts/errors';
import type { CheckDescriptor } from './check';
import { classImbalanceCheck } from './class-imbalance';
import { constantColumnsCheck } from './constant-columns';
import { duplicateRowsCheck } from './duplicate-rows';
import { idLikeColumnsCheck } from './id-like-columns';
import { missingValuesCheck } from './missing-values';
import { outliersCheck } from './outliers';
import { targetLeakageCheck } from './target-leakage';
import { typeMismatchCheck } from './type-mismatch';

const registry = new Map<string, CheckDescriptor>();

/**
 * Adds a check to the registry (the built-in checks register themselves below).
 * @param descriptor the check
 * @returns the descriptor
 * @throws {InvalidArgumentError} when a check with the same id is already registered
 * @example
 * registerCheck({ id: 'my-check', title: 'Mine', appliesTo: 'dataset', run: () => [] })
 */
export function registerCheck(descriptor: CheckDescriptor): CheckDescriptor {
  if (registry.has(descriptor.id)) {
    throw new InvalidArgumentError('descriptor.id', descriptor.id, 'is already registered');
  }
  registry.set(descriptor.id, descriptor);
  return descriptor;
}

for (const check of [
  missingValuesCheck,
  constantColumnsCheck,
  duplicateRowsCheck,
  outliersCheck,
  typeMismatchCheck,
  classImbalanceCheck,
  targetLeakageCheck,
  idLikeColumnsCheck,
]) {
  registerCheck(check);
}

/**
 * Looks a check up by id.
 * @param id a registered check id
 * @returns its descriptor
 * @throws {InvalidArgumentError} when no check has that id
 * @example
 * getCheck('outliers').title // 'Outliers (IQR and z-score)'
 */
export function getCheck(id: string): CheckDescriptor {
  const d = registry.get(id);
  if (!d) {
    throw new InvalidArgumentError(
      'check',
      id,
      `must be one of ${[...registry.keys()].join(', ')}`,
    );
  }
  return d;
}

/**
 * All registered checks, in registration (report) order.
 * @returns the descriptors
 * @throws never
 * @example
 * listChecks().map((c) => c.id)
 * // ['missing-values', 'constant-columns', 'duplicate-rows', 'outliers', 'type-mismatch',
 * //  'class-imbalance', 'target-leakage', 'id-like-columns']
 */
export function listChecks(): CheckDescriptor[] {
  return [...registry.values()];
}
