import { describe, expect, it } from 'vitest';
import { computeResults, MAX_LOOKS } from '../../../src/lib/ab/compute-results';
import {
  explainBayesian,
  explainFrequentist,
  explainSequential,
  explainSrm,
  formatChance,
} from '../../../src/lib/ab/explain';
import { proportionsZTest, sampleRatioMismatch } from '../../../src/lib/stats';
import { armEntries, entry, experiment, spreadEntries } from './helpers';

describe('computeResults', () => {
  it('aggregates units per arm and compares B with A on the primary metric', () => {
    const exp = experiment();
    const entries = [...armEntries('A', 1000, 100), ...armEntries('B', 1000, 130)];
    const r = computeResults(exp, entries, { now: 5 });
    expect(r.units).toEqual({ A: 1000, B: 1000 });
    expect(r.totalUnits).toBe(2000);
    expect(r.primary.arms.map((a) => [a.n, a.sum])).toEqual([
      [1000, 100],
      [1000, 130],
    ]);
    const c = r.primary.comparisons[0]!;
    expect(c.frequentist!.pValue).toBe(proportionsZTest(100, 1000, 130, 1000).pValue);
    expect(r.srm!.pValue).toBeCloseTo(sampleRatioMismatch(1000, 1000, 0.5).pValue, 12);
    expect(r.srm!.mismatch).toBe(false);
    expect(r.series.length).toBe(MAX_LOOKS);
    expect(r.series.at(-1)!.units).toBe(2000);
    expect(r.series.at(-1)!.diff).toBeCloseTo(0.03, 12);
    // Every look's sequential interval is inside the previous one (running intersection).
    for (let k = 1; k < r.series.length; k++) {
      const [lo, hi] = r.series[k]!.sequentialCi ?? [-1, 1];
      const [plo, phi] = r.series[k - 1]!.sequentialCi ?? [-1, 1];
      expect(lo).toBeGreaterThanOrEqual(plo);
      expect(hi).toBeLessThanOrEqual(phi);
    }
  });

  it('fires the SRM check when a share of one arm is lost', () => {
    const exp = experiment();
    const r = computeResults(exp, [...armEntries('A', 1000, 100), ...armEntries('B', 850, 100)]);
    expect(r.srm!.mismatch).toBe(true);
    expect(r.srm!.pValue).toBeLessThan(0.001);
    expect(explainSrm(r.srm!)).toMatch(/cannot be trusted/);
  });

  it('counts units without outcomes for SRM but not for the metric; guardrails computed', () => {
    const exp = experiment({
      guardrails: [
        { name: 'latency', kind: 'mean', source: { kind: 'latency' }, higherIsBetter: false },
      ],
    });
    const entries = [
      ...armEntries('A', 50, 10),
      ...Array.from({ length: 50 }, (_, i) =>
        entry({ arm: 'B', rowKey: `nb${i}`, latencyMs: 2 + (i % 3) }),
      ),
    ];
    const r = computeResults(exp, entries);
    expect(r.units).toEqual({ A: 50, B: 50 });
    expect(r.primary.arms[1]!.n).toBe(0);
    expect(r.primary.comparisons[0]!.frequentist).toBeNull();
    expect(r.guardrails[0]!.arms[1]!.mean).toBeCloseTo(3 - 1 / 50, 12);
    expect(r.guardrails[0]!.comparisons[0]!.frequentist!.test).toBe('welch');
  });

  it('three arms: each treatment against the control; SRM over 2 df', () => {
    const exp = experiment({
      arms: [
        { name: 'A', modelVersionId: 'm@1', weight: 0.5 },
        { name: 'B', modelVersionId: 'm@2', weight: 0.25 },
        { name: 'C', modelVersionId: 'm@3', weight: 0.25 },
      ],
    });
    const r = computeResults(exp, [
      ...armEntries('A', 400, 40),
      ...armEntries('B', 200, 30),
      ...armEntries('C', 200, 20),
    ]);
    expect(r.primary.comparisons.map((c) => c.arm)).toEqual(['B', 'C']);
    expect(r.srm!.chi2).toBeCloseTo(0, 12);
  });

  it('no entries: no SRM, empty arms, no series', () => {
    const r = computeResults(experiment(), []);
    expect(r.srm).toBeNull();
    expect(r.series).toEqual([]);
    expect(r.primary.arms.map((a) => a.n)).toEqual([0, 0]);
  });

  it('explains each view in one sentence with the numbers', () => {
    const r = computeResults(experiment(), [
      ...spreadEntries('A', 3000, 300),
      ...spreadEntries('B', 3000, 420),
    ]);
    const c = r.primary.comparisons[0]!;
    const m = r.primary.metric;
    expect(explainFrequentist(m, c, 0.05)).toMatch(
      /^B is 4 points better than A; .* significant at 5%/,
    );
    expect(explainBayesian(m, c)).toMatch(
      /^The chance that B is better than A is (99\.\d+%|over 99\.9999%)/,
    );
    expect(explainSequential(m, c, 0.05)).toMatch(/B is better than A .* you may stop now/);
    for (const s of [
      explainFrequentist(m, c, 0.05),
      explainBayesian(m, c),
      explainSequential(m, c, 0.05),
    ]) {
      expect(s.split('. ').length).toBe(1);
    }
  });

  it('writes tiny and near-certain probabilities readably, never as 0% or 100%', () => {
    expect(formatChance(7.3e-26)).toBe('under 0.0001%');
    expect(formatChance(1 - 1e-9)).toBe('over 99.9999%');
    expect(formatChance(0.034)).toBe('3.4%');
    expect(formatChance(0)).toBe('0%');
    expect(formatChance(1)).toBe('100%');
  });

  it('says the sequential view cannot be trusted when the looks no longer overlap', () => {
    const r = computeResults(experiment(), [
      ...spreadEntries('A', 3000, 300),
      ...spreadEntries('B', 3000, 420),
    ]);
    const c = r.primary.comparisons[0]!;
    const m = r.primary.metric;
    expect(c.sequential!.ci[0]).toBeLessThan(c.sequential!.ci[1]);
    // An empty running intersection (lower > upper), as a sorted replay produces.
    const broken = { ...c, sequential: { ...c.sequential!, ci: [0.3, 0.15] as [number, number] } };
    expect(explainSequential(m, broken, 0.05)).toMatch(
      /no longer overlap .* cannot be trusted; check that traffic reaches the arms in a random order/,
    );
    expect(explainSequential(m, c, 0.05)).not.toMatch(/no longer overlap/);
  });
});
