/**
 * The registry of metrics: every metric module declares a {@link MetricDescriptor}; this file
 * lists them once, in display order, and callers (evaluation, bootstrap, slices, comparisons,
 * promotion gates, the UI) iterate over descriptors instead of switching on ids.
 */
import type { Task } from '../contracts/entities';
import { InvalidArgumentError } from '../contracts/errors';
import { accuracyMetric } from './accuracy';
import { balancedAccuracyMetric } from './balanced-accuracy';
import { brierMetric } from './brier-score';
import { logLossMetric } from './log-loss';
import { maeMetric } from './mae';
import type { MetricDescriptor } from './metric-descriptor';
import { prAucMetric } from './pr-auc';
import { averagedScoreMetrics } from './precision-recall-f1';
import { r2Metric } from './r2';
import { rmseMetric } from './rmse';
import { rocAucMetric } from './roc-auc';

const registry = new Map<string, MetricDescriptor>();

/**
 * Adds a metric to the registry (the built-in metrics register themselves below).
 * @param descriptor the metric
 * @returns the descriptor
 * @throws InvalidArgumentError when a metric with the same id is already registered
 * @example
 * registerMetric(defineMetric({ id: 'myMetric', ... }))
 */
export function registerMetric(descriptor: MetricDescriptor): MetricDescriptor {
  if (registry.has(descriptor.id)) {
    throw new InvalidArgumentError('descriptor.id', descriptor.id, 'is already registered');
  }
  registry.set(descriptor.id, descriptor);
  return descriptor;
}

for (const d of [
  accuracyMetric,
  balancedAccuracyMetric,
  ...averagedScoreMetrics,
  rocAucMetric,
  prAucMetric,
  logLossMetric,
  brierMetric,
  maeMetric,
  rmseMetric,
  r2Metric,
]) {
  registerMetric(d);
}

/**
 * Looks a metric up by id.
 * @param id a registered id (`accuracy`, `rocAuc`, `mae`, ...)
 * @returns its descriptor
 * @throws InvalidArgumentError when no metric has that id
 * @example
 * getMetric('logLoss').greaterIsBetter // false
 */
export function getMetric(id: string): MetricDescriptor {
  const d = registry.get(id);
  if (!d)
    throw new InvalidArgumentError(
      'metric',
      id,
      `must be one of ${[...registry.keys()].join(', ')}`,
    );
  return d;
}

/**
 * The metric with this id, or undefined (for data that may name metrics of a later version).
 * @param id a metric id
 * @returns the descriptor or undefined
 * @throws never
 * @example
 * findMetric('nope') // undefined
 */
export function findMetric(id: string): MetricDescriptor | undefined {
  return registry.get(id);
}

/**
 * The registered metrics that apply to a task, in registration (display) order.
 * @param task binary, multiclass or regression
 * @returns the descriptors
 * @throws never
 * @example
 * metricsForTask('regression').map((m) => m.id) // ['mae', 'rmse', 'r2']
 */
export function metricsForTask(task: Task): MetricDescriptor[] {
  return [...registry.values()].filter((d) => d.tasks.includes(task));
}
