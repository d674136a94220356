import { readFileSync } from 'node:fs';

/** A classification case written by scripts/fixtures/gen_metrics_fixtures.py (sklearn 1.2.1). */
export interface ClassificationCase {
  name: string;
  nClasses: number;
  yTrue: number[];
  yPred: number[];
  accuracy: number;
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

function load<T>(name: string): T[] {
  const url = new URL(`../../fixtures/metrics/${name}.json`, import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { cases: T[] }).cases;
}

export const classificationCases = load<ClassificationCase>('classification');
export const regressionCases = load<RegressionCase>('regression');
