/**
 * The promotion gate: may a candidate model version replace the champion? Rules follow MLflow's
 * `MetricThreshold` (mlflow/models/evaluation/validation.py, `_validate`):
 *
 * - `threshold`: an absolute bound on the candidate, `candidate ≥ threshold` when greater is
 *   better, `candidate ≤ threshold` otherwise;
 * - `minAbsoluteImprovement` (MLflow `min_absolute_change`, > 0): the candidate must beat the
 *   champion (MLflow's baseline) by at least that much in the better direction:
 *   `candidate ≥ champion + m` (greater is better) or `candidate ≤ champion − m`;
 * - `minRelativeImprovement` (MLflow `min_relative_change`, 0–1): the improvement in the better
 *   direction, as a fraction of the champion's value, is at least `r`. A champion value of 0
 *   falls back, as in MLflow, to "strictly better": `candidate ≥ champion + 1e-10` (or ≤ − 1e-10);
 * - no champion (the first version of a model): only thresholds apply; the improvement rules
 *   pass with a reason saying so;
 * - a metric missing from the candidate's evaluation fails its rule; missing from the
 *   champion's fails its improvement rules (MLflow's `missing_candidate` / `missing_baseline`).
 *   A metric undefined on the data (`estimate: null`, e.g. ROC AUC with one class) counts as
 *   missing.
 *
 * Two deliberate differences from MLflow, both only where MLflow's answer is unintended:
 * 1. The relative improvement divides by |champion|, not champion. For the metrics MLflow has
 *    in mind (positive values) it is the same; for a negative champion value (R² < 0) MLflow's
 *    `(candidate − champion) / champion` changes sign, so a better candidate fails and a worse
 *    one passes.
 * 2. Comparisons allow a rounding slack of 1e-9 × max(1, |candidate|, |champion|): MLflow
 *    compares floats exactly, so 0.3 against 0.2 + 0.1 fails there (0.2 + 0.1 =
 *    0.30000000000000004). The slack is far below the four digits the reasons show.
 *
 * Besides the rules, the candidate and champion must have been evaluated on the same rows
 * ({@link sameTestData}); otherwise the gate fails, unless `allowDifferentData` is set.
 */
import type { Evaluation, GateResult, GateRule, GateRuleResult } from '../contracts/entities';
import { InvalidArgumentError } from '../contracts/errors';
import { findMetric } from '../metrics/metric-registry';
import { formatFigure, formatPercent, formatSigned } from './format-number';
import { sameTestData } from './same-test-data';

/** Options of {@link evaluateGate}. */
export interface GateOptions {
  /**
   * Compare evaluations made on different rows anyway (the user accepted that the comparison is
   * not like for like). Default false: different data fails the gate.
   */
  allowDifferentData?: boolean;
}

/** MLflow's margin for a relative rule against a zero baseline. */
const ZERO_BASELINE_MARGIN = 1e-10;
/** Relative rounding slack of every comparison (see the module doc, difference 2). */
const SLACK = 1e-9;

/**
 * Checks a candidate's evaluation against promotion rules and the champion's evaluation.
 * @param rules one rule per metric (see {@link GateRule}); none = only the data check
 * @param candidate the candidate's evaluation on the test rows
 * @param champion the current champion's evaluation on the same rows, or null when there is none
 * @param options `allowDifferentData`
 * @returns `passed`, one result per rule (with the rule's direction filled in), and the test
 *   data check; each reason is plain language
 * @throws InvalidArgumentError for a malformed rule: no bound set, a non-finite bound,
 *   `minAbsoluteImprovement` ≤ 0, `minRelativeImprovement` outside [0, 1], or an unknown metric
 *   without `greaterIsBetter`
 * @example
 * evaluateGate([{ metric: 'macroF1', minAbsoluteImprovement: 0.01 }], candidate, champion)
 * // { passed: false, results: [{ candidate: 0.912, champion: 0.908, passed: false,
 * //   reason: "Macro F1 0.912 is 0.004 above the champion's 0.908; the rule needs +0.01." }],
 * //   testData: { same: true, waived: false, reason: 'both were evaluated on the same 400 test rows' } }
 */
export function evaluateGate(
  rules: readonly GateRule[],
  candidate: Evaluation,
  champion: Evaluation | null,
  options: GateOptions = {},
): GateResult {
  const resolved = rules.map((rule, i) => checkRule(rule, i));
  const results = resolved.map((rule) => applyRule(rule, candidate, champion));
  let testData: GateResult['testData'];
  if (champion === null) {
    testData = { same: null, waived: false, reason: 'no champion to compare with' };
  } else {
    const check = sameTestData(candidate, champion);
    const waived = !check.same && options.allowDifferentData === true;
    testData = {
      same: check.same,
      waived,
      reason: waived ? `${check.reason} (allowed: different data accepted)` : check.reason,
    };
  }
  const dataOk = testData.same !== false || testData.waived;
  return { passed: dataOk && results.every((r) => r.passed), results, testData };
}

type ResolvedRule = GateRule & { greaterIsBetter: boolean };

function checkRule(rule: GateRule, i: number): ResolvedRule {
  const where = `rules[${i}]`;
  if (typeof rule.metric !== 'string' || rule.metric === '') {
    throw new InvalidArgumentError(`${where}.metric`, rule.metric, 'must name a metric');
  }
  const { threshold, minAbsoluteImprovement: abs, minRelativeImprovement: rel } = rule;
  if (threshold === undefined && abs === undefined && rel === undefined) {
    throw new InvalidArgumentError(
      where,
      rule,
      'sets no bound; give threshold, minAbsoluteImprovement or minRelativeImprovement',
    );
  }
  if (threshold !== undefined && !Number.isFinite(threshold)) {
    throw new InvalidArgumentError(`${where}.threshold`, threshold, 'must be a finite number');
  }
  if (abs !== undefined && !(Number.isFinite(abs) && abs > 0)) {
    throw new InvalidArgumentError(
      `${where}.minAbsoluteImprovement`,
      abs,
      'must be a positive number (as MLflow min_absolute_change)',
    );
  }
  if (rel !== undefined && !(rel >= 0 && rel <= 1)) {
    throw new InvalidArgumentError(
      `${where}.minRelativeImprovement`,
      rel,
      'must be between 0 and 1 (a fraction of the champion value, as MLflow min_relative_change)',
    );
  }
  let greaterIsBetter = rule.greaterIsBetter;
  if (greaterIsBetter === undefined) {
    const metric = findMetric(rule.metric);
    if (!metric) {
      throw new InvalidArgumentError(
        `${where}.metric`,
        rule.metric,
        'is not a registered metric; set greaterIsBetter for a custom metric',
      );
    }
    greaterIsBetter = metric.greaterIsBetter;
  } else if (typeof greaterIsBetter !== 'boolean') {
    throw new InvalidArgumentError(`${where}.greaterIsBetter`, greaterIsBetter, 'must be boolean');
  }
  return { ...rule, greaterIsBetter };
}

/** The finite estimate of a metric, or null when absent or undefined. */
function estimateOf(evaluation: Evaluation, metric: string): number | null {
  // Object.hasOwn: a metric id such as `constructor` must not read the prototype.
  if (!Object.hasOwn(evaluation.metrics, metric)) return null;
  const x = evaluation.metrics[metric]?.estimate;
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}

function atLeast(a: number, b: number, scale: number): boolean {
  return a >= b - SLACK * Math.max(1, scale);
}

function applyRule(
  rule: ResolvedRule,
  candidate: Evaluation,
  champion: Evaluation | null,
): GateRuleResult {
  const name = findMetric(rule.metric)?.label ?? rule.metric;
  const gib = rule.greaterIsBetter;
  const c = estimateOf(candidate, rule.metric);
  const b = champion === null ? null : estimateOf(champion, rule.metric);
  const result = (passed: boolean, sentences: string[]): GateRuleResult => ({
    rule,
    candidate: c,
    champion: b,
    passed,
    reason: sentences.map((s) => `${s}.`).join(' '),
  });
  if (c === null) {
    const why = Object.hasOwn(candidate.metrics, rule.metric)
      ? `${name} is undefined on the candidate's test rows`
      : `${name} is missing from the candidate's evaluation`;
    return result(false, [why]);
  }
  const scale = Math.max(Math.abs(c), Math.abs(b ?? 0));
  const sentences: string[] = [];
  let passed = true;

  if (rule.threshold !== undefined) {
    const t = rule.threshold;
    const ok = gib ? atLeast(c, t, scale) : atLeast(-c, -t, scale);
    passed &&= ok;
    const bound = `${gib ? '≥' : '≤'} ${formatFigure(t)}`;
    sentences.push(
      ok
        ? `${name} ${formatFigure(c)} meets the threshold ${bound}`
        : `${name} ${formatFigure(c)} misses the threshold ${bound}`,
    );
  }

  const abs = rule.minAbsoluteImprovement;
  const rel = rule.minRelativeImprovement;
  if (abs === undefined && rel === undefined) return result(passed, sentences);
  if (champion === null) {
    sentences.push('There is no champion yet, so the improvement rule does not apply');
    return result(passed, sentences);
  }
  if (b === null) {
    const why = Object.hasOwn(champion.metrics, rule.metric)
      ? `${name} is undefined on the champion's test rows`
      : `${name} is missing from the champion's evaluation`;
    sentences.push(`${why}, so the improvement cannot be checked`);
    return result(false, sentences);
  }

  // Improvement in the better direction: positive = the candidate is better.
  const gain = gib ? c - b : b - c;
  const comparison = describeChange(name, c, b);
  if (abs !== undefined) {
    const ok = atLeast(gain, abs, scale);
    passed &&= ok;
    sentences.push(`${comparison}; the rule needs ${formatSigned(gib ? abs : -abs)}`);
  }
  if (rel !== undefined) {
    if (b === 0) {
      // MLflow: a relative change of a zero baseline is undefined; require strictly better.
      const ok = gain >= ZERO_BASELINE_MARGIN;
      passed &&= ok;
      sentences.push(
        `${comparison}; the champion's value is 0, so a relative improvement is undefined and ` +
          `the rule needs the candidate to be ${gib ? 'higher' : 'lower'}`,
      );
    } else {
      const relGain = gain / Math.abs(b);
      const ok = atLeast(relGain, rel, Math.max(1, Math.abs(relGain)));
      passed &&= ok;
      const moved =
        relGain === 0
          ? `equals the champion's ${formatFigure(b)}`
          : `is ${formatPercent(Math.abs(relGain))} ${relGain > 0 ? 'better' : 'worse'} than ` +
            `the champion's ${formatFigure(b)}`;
      sentences.push(
        `${name} ${formatFigure(c)} ${moved}; the rule needs ${formatPercent(rel)} better`,
      );
    }
  }
  return result(passed, sentences);
}

/** "Macro F1 0.912 is 0.004 above the champion's 0.908" (or "below", or "equals"). */
function describeChange(name: string, c: number, b: number): string {
  if (c === b) return `${name} ${formatFigure(c)} equals the champion's ${formatFigure(b)}`;
  const where = c > b ? 'above' : 'below';
  return `${name} ${formatFigure(c)} is ${formatFigure(Math.abs(c - b))} ${where} the champion's ${formatFigure(b)}`;
}
