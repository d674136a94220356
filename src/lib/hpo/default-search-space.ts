/**
 * Starting search spaces for the model kinds, editable in the search-space editor.
 *
 * By default they only vary settings that keep every tensor shape and layer stack the same
 * (learning rate, regularisation, dropout), so compiled kernels are reused across trials
 * (PERFORMANCE.md H1: no pipeline recompiles after trial 1). `includeShapes` adds batch size and,
 * for MLPs, the hidden layers and activation, at the price of recompiling per new shape.
 * Every float has `gridPoints`, so the spaces work with the grid sampler too.
 */
import { InvalidArgumentError } from '../contracts/errors';
import type { SearchParam, SearchSpace } from '../contracts/hpo';

const learningRate: SearchParam = {
  name: 'learningRate',
  kind: 'float',
  low: 1e-4,
  high: 1e-1,
  log: true,
  gridPoints: 4,
};
const l2: SearchParam = {
  name: 'l2',
  kind: 'float',
  low: 1e-6,
  high: 1e-1,
  log: true,
  gridPoints: 6,
};
const dropout: SearchParam = { name: 'dropout', kind: 'float', low: 0, high: 0.5, gridPoints: 3 };
const batchSize: SearchParam = {
  name: 'batchSize',
  kind: 'categorical',
  choices: [32, 64, 128, 256],
};
const hiddenUnits: SearchParam = {
  name: 'hiddenUnits',
  kind: 'categorical',
  choices: ['32', '64', '128', '64,32', '128,64'],
};
const activation: SearchParam = {
  name: 'activation',
  kind: 'categorical',
  choices: ['relu', 'tanh'],
};

/** Per kind: the shape-stable parameters, then the shape-changing ones. */
const SPACES = new Map<string, [SearchSpace, SearchSpace]>([
  ['logistic', [[learningRate, l2], [batchSize]]],
  [
    'mlp',
    [
      [learningRate, l2, dropout],
      [batchSize, hiddenUnits, activation],
    ],
  ],
]);

/**
 * A sensible search space for a model kind.
 * @param kind `'logistic'` or `'mlp'`
 * @param options `includeShapes`: also vary batch size (and hidden layers and activation for an
 *   MLP)
 * @returns a fresh, valid space (for every sampler)
 * @throws {InvalidArgumentError} for another kind
 * @example
 * defaultSearchSpace('logistic').map((p) => p.name) // ['learningRate', 'l2']
 */
export function defaultSearchSpace(
  kind: 'logistic' | 'mlp',
  options: { includeShapes?: boolean } = {},
): SearchSpace {
  const parts = SPACES.get(kind);
  if (!parts)
    throw new InvalidArgumentError(
      'kind',
      kind,
      `has no default search space; use one of ${[...SPACES.keys()].join(', ')}`,
    );
  return structuredClone(options.includeShapes ? [...parts[0], ...parts[1]] : parts[0]);
}
