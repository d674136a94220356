/**
 * One plain-language sentence per result view, from the numbers of a comparison, so a person
 * who has not studied statistics reads what each view says (and does not say).
 */
import type { AbComparison, AbMetric, AbSrm } from '../contracts/ab';
import { formatFigure, formatPercent } from '../registry/format-number';

const amount = (metric: AbMetric, x: number) =>
  metric.kind === 'conversion'
    ? Math.abs(x) < 5e-6
      ? 'almost nothing (under 0.001 points)'
      : `${formatFigure(Math.abs(x) * 100, 3)} points`
    : formatFigure(Math.abs(x));

/**
 * A probability as a percentage a person can read: 7.3e-26 is "under 0.0001%", not
 * "7.32e-24%"; 0.9999999 is "over 99.9999%", not "100%" (which would claim certainty).
 */
export function formatChance(p: number): string {
  if (p > 0 && p < 1e-6) return 'under 0.0001%';
  if (p < 1 && p > 1 - 1e-6) return 'over 99.9999%';
  return formatPercent(p);
}

const direction = (metric: AbMetric, diff: number) =>
  diff === 0 ? 'the same as' : diff > 0 === metric.higherIsBetter ? 'better than' : 'worse than';

const interval = (metric: AbMetric, ci: [number, number]) =>
  metric.kind === 'conversion'
    ? `${formatFigure(ci[0] * 100, 3)} to ${formatFigure(ci[1] * 100, 3)} points`
    : `${formatFigure(ci[0])} to ${formatFigure(ci[1])}`;

/**
 * The frequentist view in one sentence.
 * @param metric the metric
 * @param c the comparison
 * @param alpha the significance level
 * @returns the sentence
 * @example
 * explainFrequentist(accuracy, comparison, 0.05)
 * // "B is 3 points better than A; a difference this large would happen by chance 3.4% of the time if the versions were equal (the 95% interval for B − A is 0.23 to 5.8 points): significant at 5%."
 */
export function explainFrequentist(metric: AbMetric, c: AbComparison, alpha: number): string {
  const f = c.frequentist;
  if (!f) return c.note ?? 'Not enough data yet.';
  return (
    `${c.arm} is ${amount(metric, c.diff)} ${direction(metric, c.diff)} ${c.control}; a difference ` +
    `this large would happen by chance ${formatChance(f.pValue)} of the time if the versions were ` +
    `equal (the 95% interval for ${c.arm} − ${c.control} is ${interval(metric, f.ci95)}): ` +
    `${f.significant ? 'significant' : 'not significant'} at ${formatPercent(alpha)}, valid only ` +
    `if you look once, at the planned sample size.`
  );
}

/**
 * The Bayesian view in one sentence.
 * @param metric the metric
 * @param c the comparison
 * @returns the sentence
 * @example
 * explainBayesian(accuracy, comparison)
 * // "The chance that B is better than A is 98.2%; shipping B risks losing 0.009 points on average if it is in fact worse."
 */
export function explainBayesian(metric: AbMetric, c: AbComparison): string {
  const b = c.bayesian;
  if (!b) return c.note ?? 'Not enough data yet.';
  return (
    `The chance that ${c.arm} is better than ${c.control} is ` +
    `${formatChance(b.probabilityBetter)}; shipping ${c.arm} risks losing ${amount(metric, b.lossTreatment)} on average ` +
    `if it is in fact worse (keeping ${c.control} risks ${amount(metric, b.lossControl)}).`
  );
}

/**
 * The sequential view in one sentence.
 * @param metric the metric
 * @param c the comparison
 * @param alpha the significance level
 * @returns the sentence
 * @example
 * explainSequential(accuracy, comparison, 0.05)
 * // "Safe to check after every batch: B is better than A (always-valid p = 0.8%, the difference lies in 1.1 to 9.6 points), so you may stop now."
 */
export function explainSequential(metric: AbMetric, c: AbComparison, alpha: number): string {
  const s = c.sequential;
  if (!s) return c.note ?? 'Not enough data yet.';
  const range = `always-valid p = ${formatChance(s.pValue)}, the difference lies in ${interval(metric, s.ci)}`;
  if (s.ci[0] > s.ci[1]) {
    // The running intersection of the looks' intervals is empty: under a stable effect this
    // happens with probability at most alpha, so the likelier cause is an effect that changed
    // during the experiment (e.g. traffic replayed in a sorted order).
    return `The always-valid intervals of successive looks no longer overlap (always-valid p = ${formatChance(s.pValue)}): the difference changed during the experiment, so the sequential view cannot be trusted; check that traffic reaches the arms in a random order (a replay of sorted data does not).`;
  }
  if (c.verdict === 'inconclusive') {
    return `Safe to check after every batch: no difference proven yet (${range}); keep the experiment running, or stop it if the interval rules out any difference you care about.`;
  }
  return `Safe to check after every batch: ${c.arm} is ${c.verdict === 'better' ? 'better' : 'worse'} than ${c.control} (${range}, below ${formatPercent(alpha)}), so you may stop now.`;
}

/**
 * The sample ratio mismatch check in one sentence.
 * @param srm the check
 * @returns the sentence
 * @example
 * explainSrm(srm)
 * // "The arms received 5,000 / 4,400 units where the configured split expects 50% / 50%; a split this uneven happens by chance with probability 0.0001%, below 0.1%: assignment or logging is broken, so the results cannot be trusted."
 */
export function explainSrm(srm: AbSrm): string {
  const arms = Object.keys(srm.counts);
  const counts = arms.map((a) => srm.counts[a]!.toLocaleString('en-US')).join(' / ');
  const shares = arms.map((a) => formatPercent(srm.expectedShares[a]!)).join(' / ');
  const head = `The arms received ${counts} units where the configured split expects ${shares}; a split this uneven happens by chance with probability ${formatChance(srm.pValue)}`;
  return srm.mismatch
    ? `${head}, below ${formatPercent(srm.threshold)}: assignment or logging is broken, so the results cannot be trusted.`
    : `${head}, above the ${formatPercent(srm.threshold)} alarm level: the split looks healthy.`;
}
