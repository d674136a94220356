/**
 * The registry of search samplers: each sampler module declares a {@link SamplerDescriptor};
 * this file lists them once and callers look them up by id.
 */
import { InvalidArgumentError } from '../contracts/errors';
import { gridSampler } from './grid-sampler';
import { randomSampler } from './random-sampler';
import type { SamplerDescriptor } from './sampler';
import { tpeSampler } from './tpe-sampler';

const registry = new Map<string, SamplerDescriptor>();
for (const s of [gridSampler, randomSampler, tpeSampler]) registry.set(s.id, s);

/**
 * Looks a sampler up by id.
 * @param id `'grid'`, `'random'` or `'tpe'`
 * @returns its descriptor
 * @throws {InvalidArgumentError} when no sampler has that id
 * @example
 * getSampler('tpe').label // 'Bayesian (TPE)'
 */
export function getSampler(id: string): SamplerDescriptor {
  const s = registry.get(id);
  if (!s)
    throw new InvalidArgumentError(
      'sampler',
      id,
      `must be one of ${[...registry.keys()].join(', ')}`,
    );
  return s;
}

/**
 * All samplers, in the order the UI offers them.
 * @returns the descriptors
 * @example
 * listSamplers().map((s) => s.id) // ['grid', 'random', 'tpe']
 */
export function listSamplers(): SamplerDescriptor[] {
  return [...registry.values()];
}
