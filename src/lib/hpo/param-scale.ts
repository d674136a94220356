/**
 * How numeric parameters map to the space samplers draw in: log space for `log` parameters, and
 * rounding to the step grid for ints and stepped floats. Shared by the random and TPE samplers so
 * both treat a range exactly alike (Optuna's `_SearchSpaceTransform` with `transform_step`).
 */
import type { FloatParam, IntParam, ParamValue, SearchParam } from '../contracts/hpo';
import type { Rng } from '../stats/rng';

/** A numeric parameter (float or int). */
export type NumericParam = FloatParam | IntParam;

/**
 * The step of a numeric parameter: its `step`, 1 for an int without one, null for a continuous
 * float.
 * @param p the parameter
 * @returns the step or null
 * @example
 * paramStep({ name: 'n', kind: 'int', low: 1, high: 9 }) // 1
 */
export function paramStep(p: NumericParam): number | null {
  if (p.step !== undefined) return p.step;
  return p.kind === 'int' ? 1 : null;
}

/**
 * Rounds a value to the parameter's step grid `low + k * step` and clips it to `[low, high]`;
 * floats without a step are only clipped. Stepped floats are tidied to 12 significant digits
 * when that moves them by less than a billionth of a step, so `0.1 + 2 * 0.1` reads `0.3`.
 * @param p the parameter
 * @param v a value in the parameter's own (not log) scale
 * @returns the nearest allowed value
 * @example
 * snapToStep({ name: 'd', kind: 'float', low: 0, high: 0.5, step: 0.1 }, 0.26) // 0.3
 */
export function snapToStep(p: NumericParam, v: number): number {
  const step = paramStep(p);
  let x = v;
  if (step !== null) {
    x = p.low + Math.round((v - p.low) / step) * step;
    if (p.kind === 'int') x = Math.round(x);
    else {
      const tidy = Number(x.toPrecision(12));
      if (Math.abs(tidy - x) <= step * 1e-9) x = tidy;
    }
  }
  return Math.min(p.high, Math.max(p.low, x));
}

/**
 * The interval a numeric parameter is drawn from uniformly, in sampling space: `[log low,
 * log high]` for log floats, `[log(low - 0.5), log(high + 0.5)]` for log ints, and the range
 * widened by half a step on each side for stepped parameters so that every grid value gets an
 * equal share (Optuna's `_SearchSpaceTransform` bounds).
 * @param p the parameter
 * @returns `[lower, upper]`
 * @example
 * samplingBounds({ name: 'n', kind: 'int', low: 1, high: 3 }) // [0.5, 3.5]
 */
export function samplingBounds(p: NumericParam): [number, number] {
  const step = paramStep(p);
  if (p.log) {
    return p.kind === 'int'
      ? [Math.log(p.low - 0.5), Math.log(p.high + 0.5)]
      : [Math.log(p.low), Math.log(p.high)];
  }
  if (step !== null) return [p.low - step / 2, p.high + step / 2];
  return [p.low, p.high];
}

/**
 * Maps a point of sampling space back to a parameter value (exp for log parameters, then the
 * step grid and the range).
 * @param p the parameter
 * @param x a point in sampling space
 * @returns the parameter value
 * @example
 * fromSamplingSpace({ name: 'lr', kind: 'float', low: 1e-4, high: 1, log: true }, Math.log(0.01)) // 0.01 (to rounding)
 */
export function fromSamplingSpace(p: NumericParam, x: number): number {
  return snapToStep(p, p.log ? Math.exp(x) : x);
}

/**
 * A uniform integer in `[0, n)` with 53 bits of resolution, for ranges beyond `rng.int`'s 32
 * bits (large grids).
 * @param rng the generator
 * @param n the range size, a positive safe integer
 * @returns an integer in `[0, n)`
 * @example
 * uniformIndex(createRng(1), 10) // an integer 0..9
 */
export function uniformIndex(rng: Rng, n: number): number {
  if (n <= 0x100000000) return rng.int(n);
  const u = (rng.nextUint32() * 2097152 + (rng.nextUint32() >>> 11)) / 9007199254740992;
  return Math.min(n - 1, Math.floor(u * n));
}

/**
 * Whether a value is allowed by a parameter (in range and on the step grid for numbers, one of
 * the choices for categoricals).
 * @param p the parameter
 * @param v the value
 * @returns true when `v` is a value `p` can take
 * @example
 * isInDomain({ name: 'n', kind: 'int', low: 1, high: 9, step: 2 }, 4) // false
 */
export function isInDomain(p: SearchParam, v: ParamValue): boolean {
  if (p.kind === 'categorical') return p.choices.includes(v);
  if (typeof v !== 'number' || !(v >= p.low && v <= p.high)) return false;
  if (p.kind === 'int' && !Number.isInteger(v)) return false;
  const step = paramStep(p);
  if (step === null) return true;
  const k = (v - p.low) / step;
  return Math.abs(k - Math.round(k)) <= 1e-9 * Math.max(1, Math.abs(k));
}
