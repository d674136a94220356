/**
 * Held-out evaluation of a trained run and of its baseline on the same test rows (issue 4).
 *
 * Both evaluations draw their bootstrap resamples from a generator seeded with the run seed, so
 * they resample identical rows and `compareToBaseline` gives paired intervals; that pairing is
 * why replicates are kept (it needs them). The baseline needs no tfjs: its predictions come
 * straight from the training targets.
 */
import type { EvalMetrics, Evaluation } from '../../src/lib/contracts/entities';
import {
  argmaxRows,
  classificationMetrics,
  evaluateClassifier,
  evaluateRegressor,
  regressionMetrics,
} from '../../src/lib/metrics';
import { createRng } from '../../src/lib/stats/rng';
import type { PreparedData } from './prepare-data';

/** Default bootstrap resamples of a run's confidence intervals (TrainRequest). */
export const DEFAULT_BOOTSTRAP_ITERATIONS = 1000;

/** Test targets in the evaluated units: class indices, or values in the target's own units. */
function testTruth(p: PreparedData): Int32Array | Float64Array {
  if (p.task !== 'regression') return p.test.y as Int32Array;
  const { mean, std } = p.preprocessing.target ?? { mean: 0, std: 1 };
  return Float64Array.from(p.test.y, (v) => v * std + mean);
}

/**
 * Evaluates predictions (`n × k` probabilities, or `n` standardised values for regression) on the
 * test rows.
 * @param p the prepared data the model was trained on
 * @param output the model's test output (predictBatch)
 * @param seed the run seed (seeds the bootstrap)
 * @param iterations bootstrap resamples; 0 gives point estimates only (intervals null)
 * @returns the old-shape metrics (kept for older readers) and the full evaluation
 */
export function evaluateOutput(
  p: PreparedData,
  output: Float32Array | Float64Array,
  seed: number,
  iterations: number,
): { metrics: EvalMetrics; evaluation: Evaluation } {
  const truth = testTruth(p);
  if (p.task === 'regression') {
    const { mean, std } = p.preprocessing.target ?? { mean: 0, std: 1 };
    const pred = Float64Array.from(output, (v) => v * std + mean);
    return {
      metrics: regressionMetrics(truth, pred),
      evaluation: pointOnly(
        evaluateRegressor(truth, pred, bootstrapOptions(seed, iterations)),
        iterations,
      ),
    };
  }
  const k = p.labels.length;
  const yTrue = truth as Int32Array;
  return {
    metrics: classificationMetrics(yTrue, argmaxRows(output, k), p.labels),
    evaluation: pointOnly(
      evaluateClassifier(yTrue, output, p.labels, bootstrapOptions(seed, iterations)),
      iterations,
    ),
  };
}

/**
 * The baseline's output on the test rows, from the training targets only: the training class
 * shares as every row's probabilities (scikit-learn `DummyClassifier(strategy='prior')`, whose
 * argmax is the majority class), or the training mean (standardised: 0) for regression.
 * @param p the prepared data
 * @returns output shaped like a model's (see {@link evaluateOutput})
 */
export function baselineOutput(p: PreparedData): Float64Array {
  const n = p.test.n;
  if (p.task === 'regression') return new Float64Array(n); // the standardised train mean is 0
  const k = p.labels.length;
  const shares = new Float64Array(k);
  for (let i = 0; i < p.train.n; i++) shares[p.train.y[i]!]! += 1 / p.train.n;
  const out = new Float64Array(n * k);
  for (let i = 0; i < n; i++) out.set(shares, i * k);
  return out;
}

function bootstrapOptions(seed: number, iterations: number) {
  // evaluate* need at least one resample; with 0 asked for, one is drawn and then dropped.
  return {
    rng: createRng(seed),
    iterations: Math.max(1, iterations),
    keepReplicates: iterations > 0,
  };
}

/** With 0 iterations asked for: intervals null and no resample recorded. */
function pointOnly<E extends Evaluation>(evaluation: E, iterations: number): E {
  if (iterations > 0) return evaluation;
  for (const m of Object.values(evaluation.metrics)) {
    m.low = null;
    m.high = null;
  }
  evaluation.bootstrap = {
    iterations: 0,
    level: evaluation.bootstrap.level,
    skipped: {},
    fingerprint: evaluation.bootstrap.fingerprint,
  };
  return evaluation;
}
