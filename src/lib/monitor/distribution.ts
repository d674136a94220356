/**
 * Reference vs current shares for a distribution plot: histogram bins over the combined range for
 * numeric columns with many values (the Sturges bins of STATS.md), one bin per value otherwise.
 */
import type { SampleProfile } from '../stats/profile';
import { binnedShares } from '../stats/binning';

/** Shares per bin of the two samples. */
export interface Distribution {
  bins: string[];
  reference: number[];
  current: number[];
}

/** At most this many bins are plotted (the rest of the categories are summed as "other"). */
export const MAX_PLOT_BINS = 30;

/**
 * The distribution plot data of two profiles of one kind.
 * @param ref the reference profile
 * @param cur the current profile
 * @returns bin labels and the shares of each sample (each sums to 1)
 * @example
 * distributionOf(buildProfile(['a', 'b'], 'categorical'), buildProfile(['b'], 'categorical'))
 * // { bins: ['a', 'b'], reference: [0.5, 0.5], current: [0, 1] }
 */
export function distributionOf(ref: SampleProfile, cur: SampleProfile): Distribution {
  const shares = binnedShares(ref, cur, false);
  let bins: string[];
  if (shares.edges) {
    const e = shares.edges;
    bins = Array.from({ length: e.length - 1 }, (_, i) => `${fmt(e[i]!)}–${fmt(e[i + 1]!)}`);
  } else {
    bins = unionLabels(ref, cur);
  }
  const reference = Array.from(shares.ref);
  const current = Array.from(shares.cur);
  if (bins.length <= MAX_PLOT_BINS) return { bins, reference, current };
  // Keep the bins with the largest combined share, in their order; sum the rest as "other".
  const keep = new Set(
    bins
      .map((_, i) => i)
      .sort((a, b) => reference[b]! + current[b]! - (reference[a]! + current[a]!))
      .slice(0, MAX_PLOT_BINS - 1),
  );
  const out: Distribution = { bins: [], reference: [], current: [] };
  let r = 0;
  let c = 0;
  bins.forEach((b, i) => {
    if (keep.has(i)) {
      out.bins.push(b);
      out.reference.push(reference[i]!);
      out.current.push(current[i]!);
    } else {
      r += reference[i]!;
      c += current[i]!;
    }
  });
  out.bins.push('other');
  out.reference.push(r);
  out.current.push(c);
  return out;
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : Number(x.toPrecision(4)).toString();
}

/** The distinct values of ref ∪ cur in the order `alignedCounts` uses. */
function unionLabels(ref: SampleProfile, cur: SampleProfile): string[] {
  const values: (string | number)[] =
    ref.kind === 'numeric' && cur.kind === 'numeric'
      ? [...new Set([...ref.sorted, ...cur.sorted])].sort((a, b) => a - b)
      : ref.kind === 'categorical' && cur.kind === 'categorical'
        ? [...new Set([...ref.categories, ...cur.categories])].sort((a, b) =>
            a < b ? -1 : a > b ? 1 : 0,
          )
        : [];
  return values.map(String);
}
