/**
 * One plain-language sentence per result view, from the numbers of a comparison, so a person
 * who has not studied statistics reads what each view says (and does not say).
 */
import type { AbComparison, AbMetric, AbSrm } from '../contracts/ab';
import { formatFigure, formatPercent } from '../registry/format-number';

const amount = (metric: AbMetric, x: number) =>
  metric.kind === 'conversion'
    ? `${formatFigure(Math.abs(x) * 100, 3)} points`
    : formatFigure(Math.abs(x));

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
    `this large would happen by chance ${formatPercent(f.pValue)} of the time if the versions were ` +
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
 * // "There is a 98.2% chance that B is better than A; shipping B risks losing 0.009 points on average if it is in fact worse."
 */
export function explainBayesian(metric: AbMetric, c: AbComparison): string {
  const b = c.bayesian;
  if (!b) return c.note ?? 'Not enough data yet.';
  return (
    `There is a ${formatPercent(b.probabilityBetter)} chance that ${c.arm} is better than ` +
    `${c.control}; shipping ${c.arm} risks losing ${amount(metric, b.lossTreatment)} on average ` +
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
  const range = `always-valid p = ${formatPercent(s.pValue)}, the difference lies in ${interval(metric, s.ci)}`;
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
  const head = `The arms received ${counts} units where the configured split expects ${shares}; a split this uneven happens by chance with probability ${formatPercent(srm.pValue)}`;
  return srm.mismatch
    ? `${head}, below ${formatPercent(srm.threshold)}: assignment or logging is broken, so the results cannot be trusted.`
    : `${head}, above the ${formatPercent(srm.threshold)} alarm level: the split looks healthy.`;
}
