/** Reference values of test/fixtures/ab/ab-lib.json (scripts/fixtures/gen_ab_fixtures.py). */
import { readFileSync } from 'node:fs';

export interface AbLibFixtures {
  tPpf: { q: number; df: number; x: number }[];
  srm: { counts: number[]; weights: number[]; chi2: number; pValue: number }[];
  meansSampleSize: { d: number; alpha: number; power: number; n: number }[];
  welchCi: { a: number[]; b: number[]; ci95: [number, number] }[];
}

export const abLib = (
  JSON.parse(readFileSync(new URL('../../fixtures/ab/ab-lib.json', import.meta.url), 'utf8')) as {
    cases: AbLibFixtures;
  }
).cases;
