/**
 * Grid search: the cartesian product of every parameter's grid values.
 *
 * Order: like `itertools.product` over the space in its own order (the first parameter varies
 * slowest, the last fastest); Optuna's `GridSampler` sorts parameter names instead, and always
 * visits grid points in a random order. Here, when the budget covers the whole grid, points are
 * visited in that product order; when it does not, each trial takes a uniformly random unvisited
 * point from its seeded generator (what Optuna does for every trial), so a short budget samples
 * the grid evenly instead of only varying the last parameter.
 *
 * Grid values per parameter: categorical choices in order; ints every `step` from `low` (or
 * `gridPoints` values); floats every `step`, or `gridPoints` evenly spaced values including both
 * ends (geometrically spaced when `log`), snapped to the step grid and de-duplicated.
 */
import { InvalidArgumentError } from '../contracts/errors';
import type { ParamValue, Params, SearchParam, SearchSpace, Trial } from '../contracts/hpo';
import type { Rng } from '../stats/rng';
import { paramStep, snapToStep, uniformIndex } from './param-scale';
import type { SamplerDescriptor } from './sampler';

/** One parameter's grid values, addressed by index without listing them all. */
interface GridAxis {
  count: number;
  at(i: number): ParamValue;
  indexOf(v: ParamValue): number;
}

function listAxis(values: ParamValue[]): GridAxis {
  return {
    count: values.length,
    at: (i) => values[i]!,
    indexOf: (v) => values.indexOf(v),
  };
}

function spacedValues(p: SearchParam & { kind: 'float' | 'int' }, k: number): number[] {
  const out: number[] = [];
  const log = p.log === true;
  const a = log ? Math.log(p.low) : p.low;
  const b = log ? Math.log(p.high) : p.high;
  for (let i = 0; i < k; i++) {
    // Both ends exactly, not exp(log(x)) or a + (k-1)/(k-1) * (b - a) rounding.
    let x = i === 0 ? p.low : i === k - 1 ? p.high : a + ((b - a) * i) / (k - 1);
    if (log && i > 0 && i < k - 1) x = Math.exp(x);
    const v = snapToStep(p, x);
    if (out.length === 0 || out[out.length - 1] !== v) out.push(v);
  }
  return out;
}

function gridAxis(p: SearchParam): GridAxis {
  if (p.kind === 'categorical') return listAxis(p.choices);
  if (p.gridPoints !== undefined) return listAxis(spacedValues(p, p.gridPoints));
  const step = paramStep(p);
  if (step === null) {
    throw new InvalidArgumentError(
      `space.${p.name}.gridPoints`,
      p.gridPoints,
      'the grid sampler needs gridPoints (how many values to try) or a step for a float parameter',
    );
  }
  const count = Math.round((p.high - p.low) / step) + 1;
  return {
    count,
    at: (i) => snapToStep(p, p.low + i * step),
    indexOf: (v) => {
      if (typeof v !== 'number') return -1;
      const i = Math.round((v - p.low) / step);
      return i >= 0 && i < count && Math.abs(snapToStep(p, p.low + i * step) - v) <= step * 1e-9
        ? i
        : -1;
    },
  };
}

/**
 * Number of points of the grid over a space.
 * @param space a validated search space
 * @returns the product of the parameters' grid value counts
 * @throws {InvalidArgumentError} when a float has neither `step` nor `gridPoints`, or the grid
 *   has more than 2^53 points
 * @example
 * gridSize([
 *   { name: 'lr', kind: 'float', low: 1e-3, high: 1e-1, log: true, gridPoints: 3 },
 *   { name: 'act', kind: 'categorical', choices: ['relu', 'tanh'] },
 * ]) // 6
 */
export function gridSize(space: SearchSpace): number {
  let size = 1;
  for (const p of space) size *= gridAxis(p).count;
  if (!Number.isSafeInteger(size)) {
    throw new InvalidArgumentError(
      'space',
      `${size} grid points`,
      'the grid is too large; use fewer gridPoints or a larger step',
    );
  }
  return size;
}

/**
 * The grid point at an index of the product order (last parameter fastest).
 * @param space a validated search space
 * @param index 0 ≤ index < gridSize(space)
 * @returns the parameters of that point
 * @throws {InvalidArgumentError} when the index is outside the grid
 * @example
 * gridPoint([{ name: 'a', kind: 'int', low: 0, high: 1 }, { name: 'b', kind: 'categorical', choices: ['x', 'y'] }], 1) // { a: 0, b: 'y' }
 */
export function gridPoint(space: SearchSpace, index: number): Params {
  const size = gridSize(space);
  if (!(Number.isInteger(index) && index >= 0 && index < size)) {
    throw new InvalidArgumentError('index', index, `must be an integer in [0, ${size})`);
  }
  const params: Params = {};
  let rest = index;
  for (let d = space.length - 1; d >= 0; d--) {
    const p = space[d]!;
    const axis = gridAxis(p);
    params[p.name] = axis.at(rest % axis.count);
    rest = Math.floor(rest / axis.count);
  }
  return params;
}

/**
 * The index of a configuration on the grid, or -1 when it is not a grid point.
 * @param space a validated search space
 * @param params the configuration
 * @returns its product-order index or -1
 * @example
 * gridIndexOf(space, gridPoint(space, 4)) // 4
 */
export function gridIndexOf(space: SearchSpace, params: Params): number {
  let index = 0;
  for (const p of space) {
    const axis = gridAxis(p);
    const v = params[p.name];
    const i = v === undefined ? -1 : axis.indexOf(v);
    if (i < 0) return -1;
    index = index * axis.count + i;
  }
  return index;
}

function nextGridIndex(
  space: SearchSpace,
  trials: readonly Trial[],
  rng: Rng,
  budget: number,
): number {
  const size = gridSize(space);
  // Every trial, failed ones included, uses up its point (Optuna counts finished and running).
  const visited = [...new Set(trials.map((t) => gridIndexOf(space, t.params)))]
    .filter((i) => i >= 0)
    .sort((x, y) => x - y);
  if (visited.length >= size) {
    throw new InvalidArgumentError(
      'trials',
      trials.length,
      `every one of the ${size} grid points has been tried`,
    );
  }
  // The k-th unvisited index: k = 0 in product order, or uniform when the budget is short.
  let index = budget >= size ? 0 : uniformIndex(rng, size - visited.length);
  for (const v of visited) {
    if (v <= index) index++;
    else break;
  }
  return index;
}

/**
 * The grid sampler's descriptor; `context.budget` decides between product order and a random
 * unvisited point.
 * @example
 * gridSampler.sample(space, [], createRng(1), 'minimize', { budget: 100 }) // gridPoint(space, 0)
 */
export const gridSampler: SamplerDescriptor = {
  id: 'grid',
  label: 'Grid search',
  sample: (space, trials, rng, _direction, context) =>
    gridPoint(space, nextGridIndex(space, trials, rng, context?.budget ?? Infinity)),
  size: gridSize,
  // The next point depends on the points already asked for (running ones included, as Optuna
  // counts them), never on results: the same trials at any parallelism.
  parallel: () => true,
  checkSpace: (space) => {
    gridSize(space);
  },
};
