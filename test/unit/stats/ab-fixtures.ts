/** Types of test/fixtures/stats/ab.json (statsmodels / SciPy reference values). */
import { loadFixture, type RawSample } from './fixtures';

export interface AbFixtures {
  proportions: Array<{
    xA: number;
    nA: number;
    xB: number;
    nB: number;
    z: number;
    pValue: number;
    diff: number;
    ci95: [number, number];
  }>;
  welch: Array<{ a: RawSample; b: RawSample; t: number; pValue: number; df: number; diff: number }>;
  srm: Array<{ nA: number; nB: number; splitA: number; chi2: number; pValue: number }>;
  sampleSize: Array<{ p1: number; p2: number; alpha: number; power: number; n: number }>;
  bayes: Array<{
    xA: number;
    nA: number;
    xB: number;
    nB: number;
    pBBeatsA: number;
    lossA: number;
    lossB: number;
  }>;
}

export const ab = loadFixture<{ cases: AbFixtures }>('ab.json').cases;
