import type { ClassCurves, ClassificationEvaluation } from '../contracts/entities';
import { InvalidArgumentError } from '../contracts/errors';
import { argmaxRows } from './argmax-rows';
import { bootstrapMetrics, finiteOrNull, type BootstrapMetricsOptions } from './bootstrap-metrics';
import { calibrationCurve } from './calibration-curve';
import { checkScores } from './check-inputs';
import { confusionMatrix } from './confusion-matrix';
import { metricsForTask } from './metric-registry';
import { prCurve } from './pr-curve';
import { precisionRecallF1 } from './precision-recall-f1';
import { averagePrecisionRanked, rankColumn, rocAucRanked } from './ranking';
import { rocCurve } from './roc-curve';
import { thinCurve } from './thin-curve';

/** Options of {@link evaluateClassifier}. */
export interface EvaluateClassifierOptions extends BootstrapMetricsOptions {
  /** Most points stored per ROC or PR curve (default 1,000; see thinCurve). */
  maxCurvePoints?: number;
  /** Uniform calibration bins (default 10). */
  calibrationBins?: number;
}

/**
 * Full held-out evaluation of a classifier from its predicted probabilities: every registered
 * classification metric (accuracy, balanced accuracy, macro/weighted precision, recall and F1 of
 * the argmax prediction, ROC AUC, PR AUC, log loss, Brier score) with a seeded percentile
 * bootstrap interval over the same resamples ({@link bootstrapMetrics}); per-class precision,
 * recall, F1, support and one-vs-rest ROC/PR AUC; the confusion matrix; ROC, PR and calibration
 * curves (binary: for class 1; multiclass: one-vs-rest per class). To compare two models
 * pairwise later ({@link compareToBaseline}), evaluate both on the same rows with generators
 * created from the same seed and the same iterations.
 * @param yTrue true class indices into `labels`
 * @param probs n × k class probabilities, row-major, k = labels.length
 * @param labels class names (class i = labels[i]); 2 → binary, more → multiclass
 * @param options seeded rng, iterations (default 1,000), level (default 0.95), keepReplicates
 *   (default true), maxCurvePoints (default 1,000), calibrationBins (default 10)
 * @returns a {@link ClassificationEvaluation} (plain data)
 * @throws InvalidArgumentError for fewer than 2 labels, a probs length other than n × k, class
 *   indices outside the labels, probabilities outside [0, 1] or bad options
 * @example
 * evaluateClassifier(yTrue, probs, ['no', 'yes'], { rng: createRng(42) }).metrics.rocAuc
 * // { estimate: 0.91, low: 0.87, high: 0.94 }
 */
export function evaluateClassifier(
  yTrue: Int32Array,
  probs: Float32Array | Float64Array,
  labels: readonly string[],
  options: EvaluateClassifierOptions,
): ClassificationEvaluation {
  const k = labels.length;
  if (k < 2)
    throw new InvalidArgumentError('labels', labels, 'classification needs at least 2 labels');
  const n = yTrue.length;
  if (probs.length !== n * k) {
    throw new InvalidArgumentError('probs.length', probs.length, `must be n × k = ${n} × ${k}`);
  }
  checkScores(yTrue, probs, true);
  const task = k === 2 ? 'binary' : 'multiclass';
  const prepared = metricsForTask(task).map((d) => ({ id: d.id, fn: d.prepare(yTrue, probs) }));
  const { intervals, bootstrap } = bootstrapMetrics(prepared, yTrue, options);

  const yPred = argmaxRows(probs, k);
  const prf = precisionRecallF1(yTrue, yPred, k);
  const perClass = labels.map((label, c) => {
    const ranked = rankColumn(probs, k, c);
    return {
      label,
      support: prf.support[c]!,
      precision: prf.precision[c]!,
      recall: prf.recall[c]!,
      f1: prf.f1[c]!,
      rocAuc: finiteOrNull(rocAucRanked(ranked, yTrue, c)),
      prAuc: finiteOrNull(averagePrecisionRanked(ranked, yTrue, c)),
    };
  });

  const maxPoints = options.maxCurvePoints ?? 1000;
  const bins = options.calibrationBins ?? 10;
  const curveClasses = k === 2 ? [1] : labels.map((_, c) => c);
  const curves: ClassCurves[] = curveClasses.map((c) => {
    const positive = new Uint8Array(n);
    const column = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      positive[i] = yTrue[i] === c ? 1 : 0;
      column[i] = probs[i * k + c]!;
    }
    const support = prf.support[c]!;
    return {
      classIndex: c,
      label: labels[c]!,
      roc: support > 0 && support < n ? thinCurve(rocCurve(positive, column), maxPoints) : null,
      pr: thinCurve(prCurve(positive, column), maxPoints),
      calibration: calibrationCurve(positive, column, bins),
    };
  });

  return {
    task,
    labels: [...labels],
    n,
    metrics: intervals,
    perClass,
    confusion: confusionMatrix(yTrue, yPred, k),
    curves,
    bootstrap,
  };
}
