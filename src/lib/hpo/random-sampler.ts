/**
 * Random search (Optuna's `RandomSampler`): every parameter drawn independently, uniformly in
 * its sampling space (log-uniform for `log`, equal mass per step value for ints and stepped
 * floats, uniform over categorical choices).
 */
import type { Params, SearchParam, SearchSpace } from '../contracts/hpo';
import type { Rng } from '../stats/rng';
import { fromSamplingSpace, samplingBounds } from './param-scale';
import type { SamplerDescriptor } from './sampler';

/**
 * Draws one value of one parameter at random.
 * @param p the parameter (validated)
 * @param rng the generator
 * @returns a value in the parameter's domain
 * @example
 * sampleRandomValue({ name: 'act', kind: 'categorical', choices: ['relu', 'tanh'] }, createRng(1)) // 'relu' or 'tanh'
 */
export function sampleRandomValue(p: SearchParam, rng: Rng): Params[string] {
  if (p.kind === 'categorical') return p.choices[rng.int(p.choices.length)]!;
  const [lo, hi] = samplingBounds(p);
  return fromSamplingSpace(p, lo + rng.next() * (hi - lo));
}

/**
 * Draws a whole configuration at random, parameters in space order.
 * @param space a validated search space
 * @param rng the generator
 * @returns the parameters
 * @example
 * sampleRandomParams([{ name: 'lr', kind: 'float', low: 1e-4, high: 1e-1, log: true }], createRng(7)) // { lr: 0.000384985920803... }
 */
export function sampleRandomParams(space: SearchSpace, rng: Rng): Params {
  const params: Params = {};
  for (const p of space) params[p.name] = sampleRandomValue(p, rng);
  return params;
}

/**
 * The random sampler's descriptor.
 * @example
 * randomSampler.sample(space, [], createRng(1), 'minimize') // { lr: ..., units: ... }
 */
export const randomSampler: SamplerDescriptor = {
  id: 'random',
  label: 'Random search',
  sample: (space, _trials, rng) => sampleRandomParams(space, rng),
  size: () => Infinity,
  // Trial n is drawn from its own generator (seed, n) alone: the same trials at any parallelism.
  parallel: () => true,
};
