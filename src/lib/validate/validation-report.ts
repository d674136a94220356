/**
 * The validation report of a dataset version: every registered check, run in registry order,
 * findings sorted by severity (errors first; stable within a severity).
 */
import type {
  ColumnSchema,
  DatasetProfile,
  Finding,
  Severity,
  Task,
  ValidationReport,
} from '../contracts/entities';
import { BenchtopError, InvalidArgumentError } from '../contracts/errors';
import type { Column } from '../data/columns';
import { checkColumns, profileColumns } from '../data/profile';
import { inferTask } from '../data/task';
import type { CheckContext } from './check';
import { listChecks } from './check-registry';

/** Options of {@link validationReport}. */
export interface ValidationReportOptions {
  /** Name of the target column; enables the class-imbalance and target-leakage checks. */
  target?: string;
  /** The version's profile, when already computed (saves profiling again). */
  profile?: DatasetProfile;
  /** Report id; a random UUID when omitted. */
  id?: string;
  /** Only these check ids (all registered checks when omitted). */
  checks?: readonly string[];
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Runs the registered checks on a version and collects their findings.
 * @param versionId the dataset version's id
 * @param schema the column schemas
 * @param columns the encoded columns, in schema order
 * @param options target column, precomputed profile, report id, subset of checks
 * @returns the {@link ValidationReport}
 * @throws {InvalidArgumentError} when columns and schema disagree, the target or a check id is
 *   unknown, or the profile does not match the schema
 * @example
 * const r = validationReport('v1', [{ name: 'x', type: 'number', encoding: 'f64', missing: 1 }],
 *   [new Float64Array([1, NaN, 1])]);
 * r.findings.map((f) => f.check) // ['missing-values', 'constant-columns', 'duplicate-rows']
 */
export function validationReport(
  versionId: string,
  schema: readonly ColumnSchema[],
  columns: readonly Column[],
  options: ValidationReportOptions = {},
): ValidationReport {
  const rowCount = checkColumns(schema, columns);
  const profiles = options.profile?.columns ?? profileColumns(schema, columns);
  if (
    profiles.length !== schema.length ||
    profiles.some((p, j) => p.name !== schema[j]!.name || p.count !== rowCount)
  ) {
    throw new InvalidArgumentError(
      'options.profile',
      options.profile?.versionId,
      'does not describe these columns; profile this version again',
    );
  }
  const ctx: CheckContext = { schema, columns, profiles, rowCount };
  if (options.target !== undefined) {
    const t = schema.findIndex((s) => s.name === options.target);
    if (t < 0) {
      throw new InvalidArgumentError(
        'options.target',
        options.target,
        `is not a column of this version (columns: ${schema.map((s) => s.name).join(', ')})`,
      );
    }
    ctx.target = t;
    const task = taskOf(schema[t]!, profiles[t]!.unique);
    if (task) ctx.task = task;
  }
  const wanted = options.checks ? new Set(options.checks) : null;
  const checks = listChecks();
  if (wanted) {
    for (const id of wanted) {
      if (!checks.some((c) => c.id === id)) {
        throw new InvalidArgumentError('options.checks', id, `is not a registered check`);
      }
    }
  }
  const findings: Finding[] = [];
  for (const check of checks) {
    if (wanted && !wanted.has(check.id)) continue;
    if (check.appliesTo === 'dataset') findings.push(...check.run(ctx));
    else if (check.appliesTo === 'target') {
      if (ctx.target !== undefined) findings.push(...check.run(ctx));
    } else {
      const types = check.appliesTo.columnTypes;
      schema.forEach((s, column) => {
        if (types.includes(s.type)) findings.push(...check.run({ ...ctx, column }));
      });
    }
  }
  findings.sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  const report: ValidationReport = {
    id: options.id ?? crypto.randomUUID(),
    versionId,
    createdAt: Date.now(),
    findings,
  };
  if (options.target !== undefined) report.target = options.target;
  return report;
}

/** The task of a target, or undefined when the column cannot be a target. */
function taskOf(schema: ColumnSchema, distinct: number): Task | undefined {
  try {
    return inferTask(schema, distinct);
  } catch (error) {
    if (error instanceof BenchtopError) return undefined;
    throw error;
  }
}
