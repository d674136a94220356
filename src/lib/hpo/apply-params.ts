/**
 * Turns a trial's parameters into a training configuration. Each well-known parameter name has
 * an applier in a registry; a name the registry does not know is an error, so a typo in the
 * search-space editor cannot silently train the base configuration.
 */
import type { ModelConfig } from '../contracts/entities';
import { InvalidArgumentError } from '../contracts/errors';
import type { ParamValue, Params } from '../contracts/hpo';

type Applier = (config: ModelConfig, value: ParamValue, name: string) => void;

function number(name: string, v: ParamValue, ok: (x: number) => boolean, why: string): number {
  if (typeof v !== 'number' || !ok(v)) throw new InvalidArgumentError(`params.${name}`, v, why);
  return v;
}

const positive = (name: string, v: ParamValue) =>
  number(name, v, (x) => Number.isFinite(x) && x > 0, 'must be a number above 0');
const nonNegative = (name: string, v: ParamValue) =>
  number(name, v, (x) => Number.isFinite(x) && x >= 0, 'must be a number of at least 0');
const intAtLeast = (name: string, v: ParamValue, min: number) =>
  number(
    name,
    v,
    (x) => Number.isSafeInteger(x) && x >= min,
    `must be a whole number of at least ${min}`,
  );

function oneOf<T extends string>(name: string, v: ParamValue, allowed: readonly T[]): T {
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
    throw new InvalidArgumentError(`params.${name}`, v, `must be one of ${allowed.join(', ')}`);
  }
  return v as T;
}

/**
 * Parses a hidden-layer list as the search-space editor writes it: `"64,32"` (widths, first layer
 * first), `""` or `"none"` for no hidden layer, or a single number.
 * @param v the value
 * @param name the parameter name, for errors
 * @returns the widths
 * @throws {InvalidArgumentError} when a width is not a whole number of at least 1
 * @example
 * parseHiddenUnits('128, 64') // [128, 64]
 */
export function parseHiddenUnits(v: ParamValue, name = 'hiddenUnits'): number[] {
  if (typeof v === 'number') return [intAtLeast(name, v, 1)];
  if (typeof v !== 'string')
    throw new InvalidArgumentError(`params.${name}`, v, 'must be widths like "64,32"');
  const text = v.trim();
  if (text === '' || text.toLowerCase() === 'none') return [];
  return text.split(',').map((part) => {
    const n = Number(part.trim());
    if (part.trim() === '' || !Number.isSafeInteger(n) || n < 1) {
      throw new InvalidArgumentError(
        `params.${name}`,
        v,
        `"${part.trim()}" is not a layer width; write widths like "64,32"`,
      );
    }
    return n;
  });
}

/** The appliers; `layers` and `units` are combined after the others (see applyParams). */
const APPLIERS = new Map<string, Applier>([
  ['learningRate', (c, v, n) => (c.learningRate = positive(n, v))],
  ['batchSize', (c, v, n) => (c.batchSize = intAtLeast(n, v, 1))],
  ['epochs', (c, v, n) => (c.epochs = intAtLeast(n, v, 1))],
  ['earlyStoppingPatience', (c, v, n) => (c.earlyStoppingPatience = intAtLeast(n, v, 0))],
  ['dropout', (c, v, n) => (c.dropout = number(n, v, (x) => x >= 0 && x < 1, 'must be in [0, 1)'))],
  ['l1', (c, v, n) => (c.l1 = nonNegative(n, v))],
  ['l2', (c, v, n) => (c.l2 = nonNegative(n, v))],
  ['activation', (c, v, n) => (c.activation = oneOf(n, v, ['relu', 'tanh', 'sigmoid'] as const))],
  ['optimizer', (c, v, n) => (c.optimizer = oneOf(n, v, ['adam', 'sgd'] as const))],
  ['hiddenUnits', (c, v, n) => (c.hiddenUnits = parseHiddenUnits(v, n))],
  ['layers', () => undefined],
  ['units', () => undefined],
]);

const SHAPE_NAMES = ['hiddenUnits', 'layers', 'units'];

/**
 * The parameter names {@link applyParams} understands.
 * @returns the names
 * @example
 * knownParamNames().includes('learningRate') // true
 */
export function knownParamNames(): string[] {
  return [...APPLIERS.keys()];
}

/**
 * A copy of `base` with a trial's parameters applied. Names: `learningRate`, `batchSize`,
 * `epochs`, `earlyStoppingPatience`, `dropout`, `l1`, `l2`, `activation`, `optimizer`,
 * `hiddenUnits` (e.g. the categorical `"64,32"`), or `layers` and/or `units` (every hidden
 * layer `units` wide; a missing one keeps the base's layer count or first width).
 * @param base the configuration the search starts from
 * @param params the trial's parameters
 * @returns the new configuration; `base` is not changed
 * @throws {InvalidArgumentError} for an unknown name, a value a setting cannot take, hidden
 *   layers on a model without them, or `hiddenUnits` together with `layers`/`units`
 * @example
 * applyParams(base, { learningRate: 0.01, hiddenUnits: '64,32' }) // { ...base, learningRate: 0.01, hiddenUnits: [64, 32] }
 */
export function applyParams(base: ModelConfig, params: Params): ModelConfig {
  const config: ModelConfig = { ...base, hiddenUnits: [...base.hiddenUnits] };
  const names = Object.keys(params);
  for (const name of names) {
    const apply = APPLIERS.get(name);
    if (!apply) {
      throw new InvalidArgumentError(
        'params',
        name,
        `is not a model setting; use one of ${knownParamNames().join(', ')}`,
      );
    }
    apply(config, params[name]!, name);
  }
  const shaping = names.filter((n) => SHAPE_NAMES.includes(n));
  if (shaping.length > 0 && base.kind !== 'mlp') {
    throw new InvalidArgumentError(
      'params',
      shaping[0],
      `sets hidden layers, which a ${base.kind} model does not have`,
    );
  }
  if (names.includes('hiddenUnits') && (names.includes('layers') || names.includes('units'))) {
    throw new InvalidArgumentError(
      'params',
      'hiddenUnits',
      'cannot be combined with layers or units; use one or the other',
    );
  }
  if (names.includes('layers') || names.includes('units')) {
    const layers =
      'layers' in params ? intAtLeast('layers', params['layers']!, 0) : base.hiddenUnits.length;
    const units =
      'units' in params ? intAtLeast('units', params['units']!, 1) : base.hiddenUnits[0];
    if (layers > 0 && units === undefined) {
      throw new InvalidArgumentError(
        'params',
        'layers',
        'needs units too: the base configuration has no hidden layer to copy the width from',
      );
    }
    config.hiddenUnits = new Array<number>(layers).fill(units ?? 0);
  }
  return config;
}
