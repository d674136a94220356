import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/lib/contracts/errors';
import { defineMetric } from '../../../src/lib/metrics/metric-descriptor';
import {
  findMetric,
  getMetric,
  metricsForTask,
  registerMetric,
} from '../../../src/lib/metrics/metric-registry';
import { createRng } from '../../../src/lib/stats/rng';
import { regressionCases, scoresCases, type ScoresCase } from './fixtures';

const CLASSIFICATION_IDS = [
  'accuracy',
  'balancedAccuracy',
  'macroF1',
  'weightedF1',
  'macroPrecision',
  'weightedPrecision',
  'macroRecall',
  'weightedRecall',
  'rocAuc',
  'prAuc',
  'logLoss',
  'brier',
];

/** The sklearn reference value of each classification metric id in a scores case. */
function reference(c: ScoresCase, id: string): number | null {
  const refs: Record<string, number | null> = {
    accuracy: c.accuracy,
    balancedAccuracy: c.balancedAccuracy,
    macroF1: c.macro.f1,
    weightedF1: c.weighted.f1,
    macroPrecision: c.macro.precision,
    weightedPrecision: c.weighted.precision,
    macroRecall: c.macro.recall,
    weightedRecall: c.weighted.recall,
    rocAuc: c.rocAuc,
    prAuc: c.prAuc,
    logLoss: c.logLoss,
    brier: c.brier,
  };
  return refs[id]!;
}

describe('metric registry', () => {
  it('lists the metrics per task in display order', () => {
    expect(metricsForTask('binary').map((m) => m.id)).toEqual(CLASSIFICATION_IDS);
    expect(metricsForTask('multiclass').map((m) => m.id)).toEqual(CLASSIFICATION_IDS);
    expect(metricsForTask('regression').map((m) => m.id)).toEqual(['mae', 'rmse', 'r2']);
  });

  it('knows which direction is better', () => {
    const lower = [...metricsForTask('binary'), ...metricsForTask('regression')]
      .filter((m) => !m.greaterIsBetter)
      .map((m) => m.id);
    expect(lower).toEqual(['logLoss', 'brier', 'mae', 'rmse']);
  });

  it('looks metrics up by id and rejects unknown or duplicate ids', () => {
    expect(getMetric('rocAuc').label).toBe('ROC AUC');
    expect(findMetric('nope')).toBeUndefined();
    expect(() => getMetric('nope')).toThrow(InvalidArgumentError);
    expect(() => registerMetric(getMetric('mae'))).toThrow(/already registered/);
  });

  it('registers new metrics', () => {
    // No tasks, so the other tests in this file never see it.
    const m = defineMetric({
      id: 'rows',
      label: 'Rows',
      tasks: [],
      greaterIsBetter: true,
      prepare: (y) => () => y.length,
    });
    expect(registerMetric(m)).toBe(m);
    expect(getMetric('rows').compute([1, 2], [1, 2])).toBe(2);
    expect(metricsForTask('regression').map((d) => d.id)).not.toContain('rows');
  });

  // Every classification descriptor against sklearn (scores.json), on all rows and weighted.
  // prAuc differs by design where a class has no positives (NaN, sklearn 0): skipped here and
  // covered in pr-auc.test.ts.
  it.each(scoresCases.map((c) => [c.name, c] as const))('descriptors match sklearn: %s', (_, c) => {
    const probs = Float32Array.from(c.probs);
    for (const d of metricsForTask(c.nClasses === 2 ? 'binary' : 'multiclass')) {
      const expected = reference(c, d.id);
      const value = c.weights ? d.prepare(c.yTrue, probs)(c.weights) : d.compute(c.yTrue, probs);
      if (d.id === 'prAuc' && Number.isNaN(value)) continue;
      if (expected === null) expect(value, d.id).toBeNaN();
      else expect(value, d.id).toBeCloseTo(expected, 12);
    }
  });

  // mean_absolute_error, mean_squared_error(squared=False), r2_score (regression.json)
  it.each(regressionCases.map((c) => [c.name, c] as const))(
    'regression descriptors: %s',
    (_, c) => {
      for (const d of metricsForTask('regression')) {
        expect(d.compute(c.yTrue, c.yPred), d.id).toBeCloseTo(c[d.id as 'mae' | 'rmse' | 'r2'], 10);
      }
    },
  );

  // The bootstrap relies on this: weighting row i by how often it was drawn is the same as
  // evaluating the copied resample.
  it.each([
    ['binary', 2],
    ['multiclass', 4],
  ] as const)('%s: integer weights equal repeated rows for every descriptor', (task, k) => {
    const rng = createRng(11);
    const n = 60;
    const y = Int32Array.from({ length: n }, () => rng.int(k));
    const probs = new Float32Array(n * k);
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let c = 0; c < k; c++) sum += probs[i * k + c] = rng.next() + (c === y[i] ? 0.8 : 0);
      for (let c = 0; c < k; c++) probs[i * k + c] = probs[i * k + c]! / sum;
    }
    const w = Int32Array.from({ length: n }, () => rng.int(3));
    const rows = Array.from(w).flatMap((count, i) => Array<number>(count).fill(i));
    const yRep = Int32Array.from(rows, (i) => y[i]!);
    const pRep = Float32Array.from(
      rows.flatMap((i) => Array.from(probs.subarray(i * k, i * k + k))),
    );
    for (const d of metricsForTask(task)) {
      expect(d.prepare(y, probs)(w), d.id).toBeCloseTo(d.compute(yRep, pRep), 12);
    }
  });

  it('regression: integer weights equal repeated rows', () => {
    const y = [3, -0.5, 2, 7, 4];
    const p = [2.5, 0, 2, 8, 3];
    const w = [2, 0, 1, 3, 1];
    const rows = w.flatMap((count, i) => Array<number>(count).fill(i));
    for (const d of metricsForTask('regression')) {
      const repeated = d.compute(
        rows.map((i) => y[i]!),
        rows.map((i) => p[i]!),
      );
      expect(d.prepare(y, p)(w), d.id).toBeCloseTo(repeated, 12);
    }
  });
});
