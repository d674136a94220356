import { describe, expect, it } from 'vitest';
import {
  binnedShares,
  fillZeros,
  histogramSorted,
  sturgesEdges,
} from '../../../src/lib/stats/binning';
import { buildProfile, type ColumnKind } from '../../../src/lib/stats/profile';
import {
  categoricalSample,
  expectStat,
  loadFixture,
  numericSample,
  type RawSample,
} from './fixtures';

interface Case {
  name: string;
  kind: ColumnKind;
  ref: RawSample;
  cur: RawSample;
  bins: number;
  psiRef: number[];
  psiCur: number[];
  edges: number[] | null;
}
const cases = loadFixture<{ cases: Case[] }>('binned-drift.json').cases;

function profiles(c: Case) {
  const s = c.kind === 'numeric' ? numericSample : categoricalSample;
  return [buildProfile(s(c.ref), c.kind, 'ref'), buildProfile(s(c.cur), c.kind, 'cur')] as const;
}

describe('binnedShares', () => {
  it('reproduces np.histogram_bin_edges(bins="sturges"), the histograms and the zero fill', () => {
    for (const c of cases) {
      const [r, k] = profiles(c);
      const b = binnedShares(r, k, true);
      expect(b.ref.length, c.name).toBe(c.bins);
      if (c.edges) {
        expect(b.edges, c.name).toBeDefined();
        c.edges.forEach((e, i) => expectStat(b.edges![i]!, e, `${c.name} edge ${i}`));
      } else {
        expect(b.edges, c.name).toBeUndefined();
      }
      c.psiRef.forEach((v, i) => expectStat(b.ref[i]!, v, `${c.name} ref share ${i}`));
      c.psiCur.forEach((v, i) => expectStat(b.cur[i]!, v, `${c.name} cur share ${i}`));
    }
  });

  it('uses histogram bins only above 20 distinct reference values', () => {
    const twenty = Array.from({ length: 200 }, (_, i) => i % 20);
    const r = buildProfile(twenty, 'numeric');
    expect(binnedShares(r, buildProfile([0, 1], 'numeric'), false).edges).toBeUndefined();
    const many = buildProfile(
      Array.from({ length: 210 }, (_, i) => i % 21),
      'numeric',
    );
    expect(binnedShares(many, buildProfile([0, 1], 'numeric'), false).edges).toBeDefined();
  });

  it('sturgesEdges and histogramSorted follow numpy', () => {
    // np.histogram_bin_edges(np.arange(8.)/7, bins='sturges') -> 4 bins over [0, 1]
    expect(Array.from(sturgesEdges(0, 1, 8))).toEqual([0, 0.25, 0.5, 0.75, 1]);
    // np.histogram([0, 0.5, 1], [0, 0.5, 1]) -> [1, 2] (last bin closed)
    expect(
      Array.from(histogramSorted(Float64Array.of(0, 0.5, 1), Float64Array.of(0, 0.5, 1))),
    ).toEqual([1, 2]);
  });

  it('fillZeros: m/1e6 when the smallest non-zero share m <= 1e-4, else 1e-4', () => {
    expect(Array.from(fillZeros(Float64Array.of(0, 0.5, 0.5)))).toEqual([1e-4, 0.5, 0.5]);
    expect(Array.from(fillZeros(Float64Array.of(0, 5e-5, 1 - 5e-5)))).toEqual([
      5e-11,
      5e-5,
      1 - 5e-5,
    ]);
  });
});
