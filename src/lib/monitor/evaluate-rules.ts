/**
 * Alert rules against a window report: a pure function from (rules, report) to the rules that
 * fired, with the value that fired them and a message a person can act on.
 */
import { InvalidArgumentError } from '../contracts/errors';
import type { AlertRule, MonitorWindowReport } from '../contracts/monitoring';
import { alertMetric } from './alert-metrics';

/** A rule that fired on a report. */
export interface FiredRule {
  rule: AlertRule;
  /** What the value is about (a column, a metric, ...). */
  subject: string;
  value: number;
  message: string;
}

const OPS: Record<AlertRule['op'], (a: number, b: number) => boolean> = {
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
};

/**
 * Checks a rule's fields.
 * @param rule the rule
 * @returns the same rule
 * @throws {InvalidArgumentError} for an unknown metric or operator, a non-finite threshold, or a
 *   performance rule without a metric name
 * @example
 * checkRule({ id: 'r', metric: 'driftShare', op: '>=', threshold: NaN, severity: 'warning' })
 * // throws: rule r threshold NaN must be a finite number
 */
export function checkRule(rule: AlertRule): AlertRule {
  alertMetric(rule.metric);
  if (!(rule.op in OPS)) {
    throw new InvalidArgumentError(`rule ${rule.id} op`, rule.op, "must be '>', '>=', '<' or '<='");
  }
  if (!Number.isFinite(rule.threshold)) {
    throw new InvalidArgumentError(
      `rule ${rule.id} threshold`,
      rule.threshold,
      'must be a finite number',
    );
  }
  if (rule.metric === 'performance' && !rule.performanceMetric) {
    throw new InvalidArgumentError(
      `rule ${rule.id} performanceMetric`,
      rule.performanceMetric,
      'name the metric to watch, e.g. accuracy',
    );
  }
  return rule;
}

/**
 * The rules that fire on a report: a rule fires once per report when any of its values
 * (e.g. any matching column) satisfies `value op threshold`; the first such value is reported.
 * @param rules the monitor's rules
 * @param report the window report
 * @returns the fired rules, in rule order
 * @throws {InvalidArgumentError} for an invalid rule ({@link checkRule})
 * @example
 * evaluateRules([{ id: 'r1', metric: 'driftShare', op: '>=', threshold: 0.5, severity: 'critical' }], report)
 * // [{ rule, subject: 'drift share', value: 0.8, message: 'window 3: drift share 0.8 ≥ 0.5' }]
 */
export function evaluateRules(
  rules: readonly AlertRule[],
  report: MonitorWindowReport,
): FiredRule[] {
  const fired: FiredRule[] = [];
  for (const rule of rules) {
    checkRule(rule);
    const values = alertMetric(rule.metric).read(rule, report);
    const hit = values.find((v) => OPS[rule.op](v.value, rule.threshold));
    if (!hit) continue;
    const where = report.source === 'batch' ? 'batch check' : `window ${report.window.index}`;
    const op = { '>': '>', '>=': '≥', '<': '<', '<=': '≤' }[rule.op];
    fired.push({
      rule,
      subject: hit.subject,
      value: hit.value,
      message: `${where}: ${hit.subject} ${fmt(hit.value)} ${op} ${fmt(rule.threshold)}`,
    });
  }
  return fired;
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : Number(x.toPrecision(3)).toString();
}
