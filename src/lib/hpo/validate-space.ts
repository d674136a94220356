/**
 * Checks a search space before any sampling, with errors that name the parameter and the field.
 * Follows Optuna's distribution rules (`FloatDistribution`, `IntDistribution`,
 * `CategoricalDistribution`), but refuses where Optuna warns and adjusts: a range that is not a
 * whole number of steps is an error here (Optuna silently lowers `high`), as are duplicate
 * choices and `low == high`.
 */
import { InvalidArgumentError } from '../contracts/errors';
import type { SamplerId, SearchParam, SearchSpace } from '../contracts/hpo';
import { getSampler } from './sampler-registry';

const KINDS = new Set(['float', 'int', 'categorical']);

function fail(where: string, value: unknown, why: string): never {
  throw new InvalidArgumentError(where, value, why);
}

function checkNumeric(p: SearchParam & { kind: 'float' | 'int' }, at: string): void {
  const isNum = p.kind === 'int' ? Number.isSafeInteger : Number.isFinite;
  const what = p.kind === 'int' ? 'an integer' : 'a finite number';
  if (!isNum(p.low)) fail(`${at}.low`, p.low, `must be ${what}`);
  if (!isNum(p.high)) fail(`${at}.high`, p.high, `must be ${what}`);
  if (!(p.low < p.high)) fail(`${at}.low`, p.low, `must be less than high (${p.high})`);
  if (p.log !== undefined && typeof p.log !== 'boolean')
    fail(`${at}.log`, p.log, 'must be true or false');
  if (p.log && p.low <= 0) fail(`${at}.low`, p.low, 'must be greater than 0 on a log scale');
  if (p.step !== undefined) {
    if (!(Number.isFinite(p.step) && p.step > 0))
      fail(`${at}.step`, p.step, 'must be a positive number');
    if (p.kind === 'int' && !Number.isSafeInteger(p.step))
      fail(`${at}.step`, p.step, 'must be an integer');
    if (p.log && p.kind === 'float')
      fail(`${at}.step`, p.step, 'cannot be combined with a log scale; remove one');
    if (p.log && p.step !== 1) fail(`${at}.step`, p.step, 'must be 1 on a log scale');
    const k = (p.high - p.low) / p.step;
    if (Math.abs(k - Math.round(k)) > 1e-9 * Math.max(1, k)) {
      const high = p.low + Math.floor(k + 1e-9) * p.step;
      fail(
        `${at}.high`,
        p.high,
        `must be low plus a whole number of steps (${p.step}), e.g. ${Number(high.toPrecision(12))}`,
      );
    }
  }
  if (p.gridPoints !== undefined && !(Number.isSafeInteger(p.gridPoints) && p.gridPoints >= 2)) {
    fail(`${at}.gridPoints`, p.gridPoints, 'must be an integer of at least 2');
  }
}

function checkCategorical(p: SearchParam & { kind: 'categorical' }, at: string): void {
  if (!Array.isArray(p.choices) || p.choices.length === 0)
    fail(`${at}.choices`, p.choices, 'must list at least one choice');
  const seen = new Set<unknown>();
  p.choices.forEach((c, i) => {
    const ok =
      typeof c === 'string' ||
      typeof c === 'boolean' ||
      (typeof c === 'number' && Number.isFinite(c));
    if (!ok) fail(`${at}.choices[${i}]`, c, 'must be a string, a finite number or a boolean');
    if (seen.has(c)) fail(`${at}.choices[${i}]`, c, 'is listed twice');
    seen.add(c);
  });
}

/**
 * Validates a search space, optionally for a given sampler (the grid sampler also needs a
 * `step` or `gridPoints` on every float).
 * @param space the parameters
 * @param sampler the sampler that will use it, for its extra checks
 * @returns nothing; throws on the first problem
 * @throws {InvalidArgumentError} naming the parameter and field, e.g. `space.lr.low = 0: must be
 *   greater than 0 on a log scale`
 * @example
 * validateSpace([{ name: 'lr', kind: 'float', low: 0, high: 1, log: true }])
 * // throws: space.lr.low = 0: must be greater than 0 on a log scale
 */
export function validateSpace(space: SearchSpace, sampler?: SamplerId): void {
  if (!Array.isArray(space) || space.length === 0)
    fail('space', space, 'must list at least one parameter');
  const names = new Set<string>();
  space.forEach((p, i) => {
    if (typeof p !== 'object' || p === null) fail(`space[${i}]`, p, 'must be a parameter object');
    if (typeof p.name !== 'string' || p.name.trim() === '')
      fail(`space[${i}].name`, p.name, 'must be a non-empty name');
    // `params[name] = v` with this name would set the prototype instead of a property.
    if (p.name === '__proto__')
      fail(`space[${i}].name`, p.name, 'is reserved; choose another name');
    if (names.has(p.name)) fail(`space[${i}].name`, p.name, 'is used by another parameter');
    names.add(p.name);
    const at = `space.${p.name}`;
    if (!KINDS.has(p.kind)) fail(`${at}.kind`, p.kind, "must be 'float', 'int' or 'categorical'");
    if (p.kind === 'categorical') checkCategorical(p, at);
    else checkNumeric(p, at);
  });
  if (sampler !== undefined) getSampler(sampler).checkSpace?.(space);
}
