/**
 * Validation of an experiment before it starts: a name, two or more arms with distinct names
 * and versions and weights summing to 1, a salt, a unit key, valid metrics, a sensible plan.
 */
import type { AbExperiment } from '../contracts/ab';
import { InvalidArgumentError } from '../contracts/errors';
import { checkWeights } from './assign-arm';
import { checkMetric } from './metric-sources';

/**
 * @param experiment the experiment
 * @returns the experiment
 * @throws {InvalidArgumentError} naming the first bad field and what to do
 * @example
 * checkExperiment({ ...exp, arms: [{ name: 'A', modelVersionId: 'm@1', weight: 1 }] })
 * // throws: arms ... needs at least two arms
 */
export function checkExperiment(experiment: AbExperiment): AbExperiment {
  if (!experiment.name.trim()) {
    throw new InvalidArgumentError('name', experiment.name, 'give the experiment a name');
  }
  checkWeights(
    experiment.arms.map((a) => a.weight),
    'arms (weights)',
  );
  const names = new Set<string>();
  const versions = new Set<string>();
  experiment.arms.forEach((a, i) => {
    if (!a.name.trim()) throw new InvalidArgumentError(`arms[${i}].name`, a.name, 'name the arm');
    if (names.has(a.name)) {
      throw new InvalidArgumentError(`arms[${i}].name`, a.name, 'is used by another arm');
    }
    if (!a.modelVersionId) {
      throw new InvalidArgumentError(
        `arms[${i}].modelVersionId`,
        a.modelVersionId,
        'choose a model version',
      );
    }
    if (versions.has(a.modelVersionId)) {
      throw new InvalidArgumentError(
        `arms[${i}].modelVersionId`,
        a.modelVersionId,
        'is already another arm; compare different versions',
      );
    }
    names.add(a.name);
    versions.add(a.modelVersionId);
  });
  if (!experiment.salt)
    throw new InvalidArgumentError('salt', experiment.salt, 'must not be empty');
  if (experiment.unitKey.kind === 'column' && !experiment.unitKey.column) {
    throw new InvalidArgumentError(
      'unitKey.column',
      '',
      'name the unit key column, or use generated ids',
    );
  }
  checkMetric(experiment.primary);
  experiment.guardrails.forEach(checkMetric);
  const planned = experiment.plannedSampleSize;
  if (planned !== null && !(Number.isInteger(planned) && planned > 0)) {
    throw new InvalidArgumentError(
      'plannedSampleSize',
      planned,
      'must be a whole number of units > 0',
    );
  }
  return experiment;
}
