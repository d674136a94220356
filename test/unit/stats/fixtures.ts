/**
 * Loads the SciPy/statsmodels reference values of test/fixtures/stats (written by
 * scripts/fixtures/gen_stats_fixtures.py with /usr/bin/python3) and expands their generated
 * samples with the same integer LCG, so both sides see bit-identical data.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

/** A generated sample spec (see gen() in the Python script). */
export interface GenSpec {
  seed?: number;
  n: number;
  k?: number;
  shift?: number;
  scale?: number;
  q?: number;
  const?: number;
  categorical?: boolean;
}

export type RawSample = Array<number | string | null> | GenSpec;

/** Reads one fixture file; 'Infinity' / 'NaN' strings become numbers. */
export function loadFixture<T>(file: string): T {
  const url = new URL(`../../fixtures/stats/${file}`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8'), (_k, v: unknown) => {
    if (v === 'Infinity') return Infinity;
    if (v === '-Infinity') return -Infinity;
    if (v === 'NaN') return NaN;
    return v;
  }) as T;
}

function lcgStates(seed: number, n: number): Uint32Array {
  const out = new Uint32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(1664525, s) + 1013904223) >>> 0;
    out[i] = s;
  }
  return out;
}

/** Expands a numeric sample: explicit values (null = NaN) or a generator spec. */
export function numericSample(raw: RawSample): Float64Array {
  if (Array.isArray(raw)) return Float64Array.from(raw, (v) => (v === null ? NaN : Number(v)));
  if (raw.const !== undefined) return new Float64Array(raw.n).fill(raw.const);
  const k = raw.k ?? 1;
  const states = lcgStates(raw.seed ?? 0, raw.n * k);
  const out = new Float64Array(raw.n);
  for (let i = 0; i < raw.n; i++) {
    let v = states[i * k]! / 4294967296;
    for (let j = 1; j < k; j++) v = v + states[i * k + j]! / 4294967296;
    v = (v - k / 2) * (raw.scale ?? 1) + (raw.shift ?? 0);
    if (raw.q) v = Math.floor(v * raw.q) / raw.q;
    out[i] = v;
  }
  return out;
}

/** Expands a categorical sample: explicit values or a generator spec. */
export function categoricalSample(raw: RawSample): Array<string | null> {
  if (Array.isArray(raw)) return raw.map((v) => (v === null ? null : String(v)));
  const states = lcgStates(raw.seed ?? 0, raw.n);
  return Array.from(states, (s) => `c${(s >>> 24) % (raw.k ?? 1)}`);
}

/** Statistics agree with SciPy to 1e-9 relative (1e-15 absolute near zero). */
export function expectStat(actual: number, expected: number, what = ''): void {
  if (!Number.isFinite(expected)) {
    expect(actual, what).toBe(expected);
    return;
  }
  const tol = Math.max(1e-9 * Math.abs(expected), 1e-15);
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(tol);
}

/** p-values agree with SciPy to 1e-6 absolute or 1e-4 relative. */
export function expectP(actual: number, expected: number, what = ''): void {
  const err = Math.abs(actual - expected);
  const ok = err <= 1e-6 || err <= 1e-4 * Math.abs(expected);
  expect(ok, `${what}: ${actual} vs ${expected}`).toBe(true);
}

/** Relative difference, for reporting. */
export function relErr(actual: number, expected: number): number {
  if (actual === expected) return 0;
  return Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300);
}
