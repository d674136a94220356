/**
 * Arm routing of A/B experiments in the serving path (issue 7). When a deployment has a running
 * experiment, each request's unit (the unit key column's value, else the row key) is assigned to
 * an arm by GrowthBook's v2 hash under the experiment's salt, and that arm's version answers in
 * place of the alias holder; the fallback chain still applies when it cannot. The log entry
 * records `experimentId` and `arm`. Without a running experiment this is plain `answerRows`.
 */
import type { AbArm, AbExperiment } from '../../src/lib/contracts/ab';
import type { InputRow } from '../../src/lib/contracts/compute';
import type { PredictionLogEntry } from '../../src/lib/contracts/entities';
import type { ServingValidation } from '../../src/lib/registry';
import { assignArm, unitOf } from '../../src/lib/ab';
import { answerRows, type RowAnswer, type ServingState } from './serve';

/** Answers with the arm that answered each row (null outside an experiment). */
export interface ArmAnswers {
  answers: RowAnswer[];
  arms: (AbArm | null)[];
}

/**
 * Answers rows through a deployment, routing each to its experiment arm when one runs.
 * @param state the resolved deployment (with its running experiment, if any)
 * @param rows the inputs
 * @param validations their validations
 * @param rowKeys their row keys (the unit unless the experiment names a unit key column)
 * @returns one answer and arm per row, in order
 */
export async function answerWithArms(
  state: ServingState,
  rows: readonly InputRow[],
  validations: readonly ServingValidation[],
  rowKeys: readonly string[],
): Promise<ArmAnswers> {
  const experiment = state.experiment;
  if (!experiment) {
    return { answers: await answerRows(state, rows, validations), arms: rows.map(() => null) };
  }
  const armOf = rows.map((row, i) =>
    assignArm(experiment.salt, unitOf(experiment.unitKey, row, rowKeys[i]!), experiment.arms),
  );
  const answers = new Array<RowAnswer>(rows.length);
  for (let a = 0; a < experiment.arms.length; a++) {
    const idx = armOf.flatMap((x, i) => (x === a ? [i] : []));
    if (idx.length === 0) continue;
    const arm = experiment.arms[a]!;
    // The arm's version stands in for the alias holder; a missing or failing version is caught
    // by the scoring step and the fallback chain answers, as for the primary.
    const armState: ServingState = {
      ...state,
      primaryVersionId: arm.modelVersionId,
      primaryProblem: undefined,
    };
    const part = await answerRows(
      armState,
      idx.map((i) => rows[i]!),
      idx.map((i) => validations[i]!),
    );
    idx.forEach((i, k) => {
      const ans = part[k]!;
      answers[i] = { ...ans, reason: `A/B "${experiment.name}" arm ${arm.name}: ${ans.reason}` };
    });
  }
  return { answers, arms: armOf.map((a) => experiment.arms[a]!) };
}

/**
 * Marks a log entry with its experiment and arm (and outcome when known).
 * @param entry the entry
 * @param experiment the running experiment, or null
 * @param arm the arm, or null
 * @param outcome the unit's outcome value, when the traffic carries one
 * @returns the same entry
 */
export function tagEntry(
  entry: PredictionLogEntry,
  experiment: AbExperiment | null,
  arm: AbArm | null,
  outcome?: number | null,
): PredictionLogEntry {
  if (experiment && arm) {
    entry.experimentId = experiment.id;
    entry.arm = arm.name;
    if (outcome !== undefined && outcome !== null && Number.isFinite(outcome))
      entry.outcome = outcome;
  }
  return entry;
}
