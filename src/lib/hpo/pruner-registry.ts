/**
 * The registry of pruners: each pruner module declares a {@link PrunerDescriptor}; callers look
 * them up by id.
 */
import { InvalidArgumentError } from '../contracts/errors';
import { medianPruner } from './median-pruner';
import type { PrunerDescriptor } from './pruner';

const registry = new Map<string, PrunerDescriptor>([[medianPruner.id, medianPruner]]);

/**
 * Looks a pruner up by id.
 * @param id `'median'`
 * @returns its descriptor
 * @throws {InvalidArgumentError} when no pruner has that id
 * @example
 * getPruner('median').label // 'Median pruner'
 */
export function getPruner(id: string): PrunerDescriptor {
  const p = registry.get(id);
  if (!p)
    throw new InvalidArgumentError(
      'pruner.id',
      id,
      `must be one of ${[...registry.keys()].join(', ')}`,
    );
  return p;
}

/**
 * All pruners.
 * @returns the descriptors
 * @example
 * listPruners().map((p) => p.id) // ['median']
 */
export function listPruners(): PrunerDescriptor[] {
  return [...registry.values()];
}
