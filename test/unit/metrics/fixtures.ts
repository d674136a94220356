import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

/** A classification case written by scripts/fixtures/gen_metrics_fixtures.py (sklearn 1.2.1). */
export interface ClassificationCase {
  name: string;
  nClasses: number;
  yTrue: number[];
  yPred: number[];
  accuracy: number;
  balancedAccuracy: number;
  confusion: number[][];
  precision: number[];
  recall: number[];
  f1: number[];
  support: number[];
  macro: { precision: number; recall: number; f1: number };
  weighted: { precision: number; recall: number; f1: number };
  macroF1: number;
}

/** A regression case written by scripts/fixtures/gen_metrics_fixtures.py (sklearn 1.2.1). */
export interface RegressionCase {
  name: string;
  yTrue: number[];
  yPred: number[];
  mae: number;
  rmse: number;
  r2: number;
}

/** One class's one-vs-rest reference values in a {@link ScoresCase}; null = NaN or raised. */
export interface ClassReference {
  rocAuc: number | null;
  prAuc: number | null;
  roc: { fpr: (number | null)[]; tpr: (number | null)[]; thresholds: number[] };
  pr: { precision: number[]; recall: number[]; thresholds: number[] };
  calibration: { probTrue: number[]; probPred: number[]; count: number[] };
}

/**
 * A probabilistic classification case written by scripts/fixtures/gen_metrics_fixtures.py
 * (sklearn 1.2.1): probabilities are float32 values (exact in a Float32Array), row-major n × k.
 */
export interface ScoresCase {
  name: string;
  nClasses: number;
  yTrue: number[];
  probs: number[];
  weights: number[] | null;
  yPred: number[];
  accuracy: number;
  balancedAccuracy: number | null;
  precision: number[];
  recall: number[];
  f1: number[];
  macro: { precision: number; recall: number; f1: number };
  weighted: { precision: number; recall: number; f1: number };
  rocAuc: number | null;
  prAuc: number | null;
  logLoss: number;
  brier: number;
  perClass: ClassReference[];
}

function load<T>(name: string): T[] {
  const url = new URL(`../../fixtures/metrics/${name}.json`, import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { cases: T[] }).cases;
}

export const classificationCases = load<ClassificationCase>('classification');
export const regressionCases = load<RegressionCase>('regression');
export const scoresCases = load<ScoresCase>('scores');

/** Column c of a row-major n × k matrix. */
export function column(values: ArrayLike<number>, k: number, c: number): Float64Array {
  return Float64Array.from({ length: values.length / k }, (_, i) => values[i * k + c]!);
}

/** 1 where yTrue equals c, else 0. */
export function isClass(yTrue: ArrayLike<number>, c: number): Int32Array {
  return Int32Array.from({ length: yTrue.length }, (_, i) => (yTrue[i] === c ? 1 : 0));
}

/** Element-wise closeness where a null reference means NaN (JSON has no NaN). */
export function expectCloseArray(
  actual: ArrayLike<number>,
  expected: readonly (number | null)[],
  digits = 12,
): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i];
    if (e === null || e === undefined) expect(actual[i]).toBeNaN();
    else expect(actual[i]).toBeCloseTo(e, digits);
  }
}

/** A scalar with null meaning NaN. */
export function expectCloseOrNaN(actual: number, expected: number | null, digits = 12): void {
  if (expected === null) expect(actual).toBeNaN();
  else expect(actual).toBeCloseTo(expected, digits);
}
