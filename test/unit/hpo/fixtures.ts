/**
 * Loads fixtures/optuna-reference.json (written by fixtures/gen_optuna_reference.py with
 * optuna 5.0.0) and builds trials for the hand-made histories it was computed on.
 */
import { readFileSync } from 'node:fs';
import type { Trial } from '../../../src/lib/contracts/hpo';

export interface OptunaReference {
  logNdtr: [number, number][];
  logGaussMass: [number, number, number][];
  logpdf: [number, number, number, number, number, number][];
  ppf: [number, number, number, number][];
  defaultWeights30: number[];
  parzen: {
    name: string;
    obs: (number | string)[];
    weights: number[];
    mus?: number[];
    sigmas?: number[];
    probs?: number[][];
    logpdf: [number | string, number][];
  }[];
  joint: [number, string, number][];
  parzen27: { weights: number[]; sigmas: number[]; logpdf0: number };
  split_minimize: Record<string, number[]>;
  split_maximize: Record<string, number[]>;
  pruner: Record<string, boolean>;
}

/** The Optuna reference values. */
export function optunaReference(): OptunaReference {
  const url = new URL('./fixtures/optuna-reference.json', import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as OptunaReference;
}

/** A trial with `x` = 0 (the histories only differ in state, value and intermediate values). */
export function trial(
  number: number,
  state: Trial['state'],
  value?: number,
  intermediate: Record<number, number> = {},
): Trial {
  const t: Trial = {
    number,
    params: { x: 0 },
    state,
    intermediate: Object.entries(intermediate).map(([step, v]) => ({
      step: Number(step),
      value: v,
    })),
  };
  if (value !== undefined) t.value = value;
  return t;
}

/** Relative-or-absolute closeness for float64 reference values. */
export function close(actual: number, expected: number, tol = 1e-9): boolean {
  if (actual === expected) return true;
  return Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected));
}
