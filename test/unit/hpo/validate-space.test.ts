import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/lib/contracts/errors';
import type { SearchParam, SearchSpace } from '../../../src/lib/contracts/hpo';
import { validateSpace } from '../../../src/lib/hpo/validate-space';

const lr: SearchParam = { name: 'lr', kind: 'float', low: 1e-4, high: 1e-1, log: true };

function message(space: unknown, sampler?: 'grid' | 'random' | 'tpe'): string {
  try {
    validateSpace(space as SearchSpace, sampler);
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidArgumentError);
    return (e as Error).message;
  }
  return 'valid';
}

describe('validateSpace', () => {
  it('accepts a valid space for every sampler', () => {
    const space: SearchSpace = [
      { ...lr, gridPoints: 4 },
      { name: 'units', kind: 'int', low: 16, high: 256, step: 16 },
      { name: 'layers', kind: 'int', low: 1, high: 64, log: true },
      { name: 'dropout', kind: 'float', low: 0, high: 0.5, step: 0.1 },
      { name: 'act', kind: 'categorical', choices: ['relu', 'tanh', 1, true] },
    ];
    for (const s of ['grid', 'random', 'tpe'] as const) expect(message(space, s)).toBe('valid');
  });

  it('names the parameter and field of numeric range errors', () => {
    expect(message([{ ...lr, low: 0.5, high: 0.1 }])).toMatch(
      /^space\.lr\.low = 0\.5: must be less than high \(0\.1\)/,
    );
    expect(message([{ ...lr, low: 0.1, high: 0.1 }])).toMatch(
      /space\.lr\.low = 0\.1: must be less than high/,
    );
    expect(message([{ ...lr, low: 0 }])).toBe(
      'space.lr.low = 0: must be greater than 0 on a log scale',
    );
    expect(message([{ name: 'n', kind: 'int', low: -3, high: 5, log: true }])).toMatch(
      /space\.n\.low = -3/,
    );
    expect(message([{ ...lr, high: NaN }])).toMatch(
      /space\.lr\.high = NaN: must be a finite number/,
    );
    expect(message([{ name: 'n', kind: 'int', low: 1.5, high: 5 }])).toMatch(
      /space\.n\.low = 1\.5: must be an integer/,
    );
  });

  it('checks steps: positive, integer for ints, not with log floats, 1 for log ints, whole range', () => {
    expect(message([{ name: 'd', kind: 'float', low: 0, high: 1, step: 0 }])).toMatch(
      /space\.d\.step = 0: must be a positive number/,
    );
    expect(message([{ name: 'n', kind: 'int', low: 0, high: 10, step: 2.5 }])).toMatch(
      /space\.n\.step = 2\.5: must be an integer/,
    );
    expect(message([{ ...lr, step: 0.01 }])).toMatch(
      /space\.lr\.step = 0\.01: cannot be combined with a log scale/,
    );
    expect(message([{ name: 'n', kind: 'int', low: 1, high: 9, step: 2, log: true }])).toMatch(
      /space\.n\.step = 2: must be 1 on a log scale/,
    );
    expect(message([{ name: 'd', kind: 'float', low: 0, high: 0.55, step: 0.1 }])).toMatch(
      /space\.d\.high = 0\.55: must be low plus a whole number of steps \(0\.1\), e\.g\. 0\.5/,
    );
    // 0.1 to 0.7 by 0.1 is 6 steps even though (0.7 - 0.1) / 0.1 = 5.999999999999999
    expect(message([{ name: 'd', kind: 'float', low: 0.1, high: 0.7, step: 0.1 }])).toBe('valid');
  });

  it('checks categorical choices: non-empty, distinct, plain values', () => {
    expect(message([{ name: 'act', kind: 'categorical', choices: [] }])).toMatch(
      /space\.act\.choices = \[\]: must list at least one choice/,
    );
    expect(message([{ name: 'act', kind: 'categorical', choices: ['relu', 'relu'] }])).toMatch(
      /space\.act\.choices\[1\] = "relu": is listed twice/,
    );
    expect(message([{ name: 'act', kind: 'categorical', choices: [null] }])).toMatch(
      /choices\[0\] = null: must be a string/,
    );
    expect(message([{ name: 'act', kind: 'categorical', choices: [Infinity] }])).toMatch(
      /choices\[0\]/,
    );
    expect(message([{ name: 'one', kind: 'categorical', choices: ['only'] }])).toBe('valid');
  });

  it('checks names: present, unique, never __proto__', () => {
    expect(message([lr, { ...lr }])).toBe('space[1].name = "lr": is used by another parameter');
    expect(message([{ ...lr, name: '__proto__' }])).toBe(
      'space[0].name = "__proto__": is reserved; choose another name',
    );
    expect(message([{ ...lr, name: ' ' }])).toMatch(
      /space\[0\]\.name = " ": must be a non-empty name/,
    );
    expect(message([{ ...lr, kind: 'double' }])).toMatch(/space\.lr\.kind = "double"/);
    expect(message([])).toMatch(/^space = \[\]: must list at least one parameter/);
    expect(message([null])).toMatch(/space\[0\] = null/);
  });

  it('asks for gridPoints on a float without step, for the grid sampler only', () => {
    expect(message([lr], 'grid')).toMatch(
      /^space\.lr\.gridPoints = undefined: the grid sampler needs gridPoints/,
    );
    expect(message([lr], 'tpe')).toBe('valid');
    expect(message([{ ...lr, gridPoints: 1 }])).toMatch(
      /space\.lr\.gridPoints = 1: must be an integer of at least 2/,
    );
    expect(message([lr], 'bayes' as 'tpe')).toMatch(
      /^sampler = "bayes": must be one of grid, random, tpe/,
    );
  });
});
