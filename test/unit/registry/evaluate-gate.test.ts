import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/lib/contracts/errors';
import { evaluateGate } from '../../../src/lib/registry/evaluate-gate';
import { classificationEval, regressionEval } from './fixtures';

// Expected values follow MLflow's `_validate` (mlflow/models/evaluation/validation.py):
//   threshold: c >= t (greater is better) | c <= t
//   min_absolute_change: c >= b + m | c <= b - m
//   min_relative_change: (c - b) / b >= r | (b - c) / b >= r; b == 0 -> c >= b + 1e-10 | c <= b - 1e-10

describe('evaluateGate: thresholds and no champion', () => {
  it('applies only thresholds when there is no champion', () => {
    const candidate = classificationEval({ macroF1: 0.91, accuracy: 0.93 });
    const gate = evaluateGate(
      [
        { metric: 'macroF1', threshold: 0.9, minAbsoluteImprovement: 0.01 },
        { metric: 'accuracy', minRelativeImprovement: 0.05 },
      ],
      candidate,
      null,
    );
    expect(gate.passed).toBe(true);
    expect(gate.testData).toEqual({
      same: null,
      waived: false,
      reason: 'no champion to compare with',
    });
    expect(gate.results[0]).toMatchObject({ candidate: 0.91, champion: null, passed: true });
    expect(gate.results[0]!.reason).toBe(
      'Macro F1 0.91 meets the threshold ≥ 0.9. There is no champion yet, so the improvement rule does not apply.',
    );
    expect(gate.results[1]!.reason).toBe(
      'There is no champion yet, so the improvement rule does not apply.',
    );
  });

  it('fails a greater-is-better threshold from below and passes at equality', () => {
    const gate = (x: number) =>
      evaluateGate(
        [{ metric: 'accuracy', threshold: 0.9 }],
        classificationEval({ accuracy: x }),
        null,
      );
    expect(gate(0.85).passed).toBe(false);
    expect(gate(0.85).results[0]!.reason).toBe('Accuracy 0.85 misses the threshold ≥ 0.9.');
    expect(gate(0.9).passed).toBe(true);
    expect(gate(0.95).passed).toBe(true);
  });

  it('reads a smaller-is-better threshold as an upper bound', () => {
    const gate = (x: number) =>
      evaluateGate(
        [{ metric: 'logLoss', threshold: 0.4 }],
        classificationEval({ logLoss: x }),
        null,
      );
    expect(gate(0.3).passed).toBe(true);
    expect(gate(0.3).results[0]!.reason).toBe('Log loss 0.3 meets the threshold ≤ 0.4.');
    expect(gate(0.5).passed).toBe(false);
  });

  it('lets greaterIsBetter override the registry direction and fills it in', () => {
    const gate = evaluateGate(
      [{ metric: 'accuracy', threshold: 0.5, greaterIsBetter: false }],
      classificationEval({ accuracy: 0.9 }),
      null,
    );
    expect(gate.passed).toBe(false);
    expect(gate.results[0]!.rule).toEqual({
      metric: 'accuracy',
      threshold: 0.5,
      greaterIsBetter: false,
    });
    const filled = evaluateGate(
      [{ metric: 'rmse', threshold: 1 }],
      regressionEval({ rmse: 0.5 }),
      null,
    );
    expect(filled.results[0]!.rule.greaterIsBetter).toBe(false);
  });

  it('passes with no rules (only the data check applies)', () => {
    expect(evaluateGate([], classificationEval({}), null).passed).toBe(true);
  });
});

describe('evaluateGate: absolute improvement', () => {
  const champion = classificationEval({ macroF1: 0.908 });

  it('says how far the candidate is from the champion and what the rule needs', () => {
    const gate = evaluateGate(
      [{ metric: 'macroF1', minAbsoluteImprovement: 0.01 }],
      classificationEval({ macroF1: 0.912 }),
      champion,
    );
    expect(gate.passed).toBe(false);
    expect(gate.results[0]).toEqual({
      rule: { metric: 'macroF1', minAbsoluteImprovement: 0.01, greaterIsBetter: true },
      candidate: 0.912,
      champion: 0.908,
      passed: false,
      reason: "Macro F1 0.912 is 0.004 above the champion's 0.908; the rule needs +0.01.",
    });
  });

  it('passes at exactly the required improvement', () => {
    // 0.918 >= 0.908 + 0.01 holds in floats too.
    const gate = evaluateGate(
      [{ metric: 'macroF1', minAbsoluteImprovement: 0.01 }],
      classificationEval({ macroF1: 0.918 }),
      champion,
    );
    expect(gate.passed).toBe(true);
  });

  it('allows float rounding where MLflow compares exactly (0.3 vs 0.2 + 0.1)', () => {
    // MLflow: 0.3 >= 0.2 + 0.1 is False (0.30000000000000004); the gate treats it as met.
    expect(0.3 >= 0.2 + 0.1).toBe(false);
    const gate = evaluateGate(
      [{ metric: 'accuracy', minAbsoluteImprovement: 0.1 }],
      classificationEval({ accuracy: 0.3 }),
      classificationEval({ accuracy: 0.2 }),
    );
    expect(gate.passed).toBe(true);
    // ... but a real shortfall far below display precision still fails.
    const short = evaluateGate(
      [{ metric: 'accuracy', minAbsoluteImprovement: 0.1 }],
      classificationEval({ accuracy: 0.2999999 }),
      classificationEval({ accuracy: 0.2 }),
    );
    expect(short.passed).toBe(false);
  });

  it('fails a worse candidate and an equal one', () => {
    const worse = evaluateGate(
      [{ metric: 'macroF1', minAbsoluteImprovement: 0.01 }],
      classificationEval({ macroF1: 0.9 }),
      champion,
    );
    expect(worse.passed).toBe(false);
    expect(worse.results[0]!.reason).toBe(
      "Macro F1 0.9 is 0.008 below the champion's 0.908; the rule needs +0.01.",
    );
    const equal = evaluateGate(
      [{ metric: 'macroF1', minAbsoluteImprovement: 0.01 }],
      champion,
      champion,
    );
    expect(equal.results[0]!.reason).toBe(
      "Macro F1 0.908 equals the champion's 0.908; the rule needs +0.01.",
    );
    expect(equal.passed).toBe(false);
  });

  it('needs a decrease for a smaller-is-better metric', () => {
    const rule = [{ metric: 'rmse', minAbsoluteImprovement: 0.5 }];
    const b = regressionEval({ rmse: 3.5 });
    const small = evaluateGate(rule, regressionEval({ rmse: 3.2 }), b);
    expect(small.passed).toBe(false);
    expect(small.results[0]!.reason).toBe(
      "RMSE 3.2 is 0.3 below the champion's 3.5; the rule needs −0.5.",
    );
    expect(evaluateGate(rule, regressionEval({ rmse: 2.9 }), b).passed).toBe(true);
    expect(evaluateGate(rule, regressionEval({ rmse: 3 }), b).passed).toBe(true);
    const worse = evaluateGate(rule, regressionEval({ rmse: 3.6 }), b);
    expect(worse.passed).toBe(false);
    expect(worse.results[0]!.reason).toBe(
      "RMSE 3.6 is 0.1 above the champion's 3.5; the rule needs −0.5.",
    );
  });
});

describe('evaluateGate: relative improvement', () => {
  it('is a fraction of a positive champion value, greater is better', () => {
    const rule = [{ metric: 'macroF1', minRelativeImprovement: 0.05 }];
    const b = classificationEval({ macroF1: 0.8 });
    // (0.84 - 0.8) / 0.8 = 0.04999999999999991 in floats: met within rounding.
    const pass = evaluateGate(rule, classificationEval({ macroF1: 0.84 }), b);
    expect(pass.passed).toBe(true);
    expect(pass.results[0]!.reason).toBe(
      "Macro F1 0.84 is 5% better than the champion's 0.8; the rule needs 5% better.",
    );
    const fail = evaluateGate(rule, classificationEval({ macroF1: 0.83 }), b);
    expect(fail.passed).toBe(false);
    expect(fail.results[0]!.reason).toBe(
      "Macro F1 0.83 is 3.75% better than the champion's 0.8; the rule needs 5% better.",
    );
  });

  it('is a fraction of a positive champion value, smaller is better', () => {
    const rule = [{ metric: 'mae', minRelativeImprovement: 0.1 }];
    const b = regressionEval({ mae: 2 });
    expect(evaluateGate(rule, regressionEval({ mae: 1.8 }), b).passed).toBe(true);
    const fail = evaluateGate(rule, regressionEval({ mae: 1.9 }), b);
    expect(fail.passed).toBe(false);
    expect(fail.results[0]!.reason).toBe(
      "MAE 1.9 is 5% better than the champion's 2; the rule needs 10% better.",
    );
    const worse = evaluateGate(rule, regressionEval({ mae: 2.2 }), b);
    expect(worse.results[0]!.reason).toBe(
      "MAE 2.2 is 10% worse than the champion's 2; the rule needs 10% better.",
    );
    expect(worse.passed).toBe(false);
  });

  it('divides by |champion| when the champion value is negative (R² < 0)', () => {
    const rule = [{ metric: 'r2', minRelativeImprovement: 0.5 }];
    const b = regressionEval({ r2: -0.5 });
    // Better: -0.2 is 0.3 above -0.5, i.e. 60% of |-0.5|. MLflow's (c - b) / b = -0.6 would fail it.
    const better = evaluateGate(rule, regressionEval({ r2: -0.2 }), b);
    expect(better.passed).toBe(true);
    expect(better.results[0]!.reason).toBe(
      "R² -0.2 is 60% better than the champion's -0.5; the rule needs 50% better.",
    );
    // Worse: MLflow's (-0.8 + 0.5) / -0.5 = 0.6 would pass it.
    const worse = evaluateGate(rule, regressionEval({ r2: -0.8 }), b);
    expect(worse.passed).toBe(false);
  });

  it('divides by |champion| for a negative smaller-is-better value too', () => {
    const rule = [{ metric: 'custom', minRelativeImprovement: 0.5, greaterIsBetter: false }];
    const b = regressionEval({ custom: -2 });
    expect(evaluateGate(rule, regressionEval({ custom: -3 }), b).passed).toBe(true);
    expect(evaluateGate(rule, regressionEval({ custom: -2.5 }), b).passed).toBe(false);
    expect(evaluateGate(rule, regressionEval({ custom: -1 }), b).passed).toBe(false);
  });

  it('falls back to "strictly better" for a zero champion value (as MLflow)', () => {
    const up = [{ metric: 'r2', minRelativeImprovement: 0.2 }];
    const zero = regressionEval({ r2: 0 });
    const better = evaluateGate(up, regressionEval({ r2: 0.01 }), zero);
    expect(better.passed).toBe(true);
    expect(better.results[0]!.reason).toBe(
      "R² 0.01 is 0.01 above the champion's 0; the champion's value is 0, so a relative improvement is undefined and the rule needs the candidate to be higher.",
    );
    expect(evaluateGate(up, zero, zero).passed).toBe(false);
    expect(evaluateGate(up, regressionEval({ r2: 1e-11 }), zero).passed).toBe(false);
    const down = [{ metric: 'mae', minRelativeImprovement: 0.2 }];
    const perfect = regressionEval({ mae: 0 });
    expect(evaluateGate(down, perfect, perfect).passed).toBe(false);
    expect(evaluateGate(down, regressionEval({ mae: 0.1 }), perfect).passed).toBe(false);
  });

  it('accepts a relative rule of 0 (no worse than the champion)', () => {
    const rule = [{ metric: 'accuracy', minRelativeImprovement: 0 }];
    const b = classificationEval({ accuracy: 0.9 });
    expect(evaluateGate(rule, b, b).passed).toBe(true);
    expect(evaluateGate(rule, classificationEval({ accuracy: 0.89 }), b).passed).toBe(false);
  });
});

describe('evaluateGate: missing metrics', () => {
  it('fails a rule whose metric the candidate lacks or cannot define', () => {
    const missing = evaluateGate(
      [{ metric: 'rocAuc', threshold: 0.5 }],
      classificationEval({}),
      null,
    );
    expect(missing.passed).toBe(false);
    expect(missing.results[0]!.reason).toBe("ROC AUC is missing from the candidate's evaluation.");
    const undefinedHere = evaluateGate(
      [{ metric: 'rocAuc', threshold: 0.5 }],
      classificationEval({ rocAuc: null }),
      null,
    );
    expect(undefinedHere.results[0]!.reason).toBe(
      "ROC AUC is undefined on the candidate's test rows.",
    );
  });

  it('fails an improvement rule when the champion lacks the metric, but not a threshold', () => {
    const gate = evaluateGate(
      [
        { metric: 'rocAuc', threshold: 0.5, minAbsoluteImprovement: 0.01 },
        { metric: 'accuracy', threshold: 0.5 },
      ],
      classificationEval({ rocAuc: 0.9, accuracy: 0.9 }),
      classificationEval({}),
    );
    expect(gate.passed).toBe(false);
    expect(gate.results[0]).toMatchObject({ passed: false, champion: null });
    expect(gate.results[0]!.reason).toBe(
      "ROC AUC 0.9 meets the threshold ≥ 0.5. ROC AUC is missing from the champion's evaluation, so the improvement cannot be checked.",
    );
    expect(gate.results[1]!.passed).toBe(true);
  });

  it('never reads metric ids through the prototype', () => {
    const gate = evaluateGate(
      [{ metric: 'constructor', threshold: 0, greaterIsBetter: true }],
      classificationEval({}),
      null,
    );
    expect(gate.results[0]).toMatchObject({ passed: false, candidate: null });
  });
});

describe('evaluateGate: same test data', () => {
  const rule = [{ metric: 'accuracy', minAbsoluteImprovement: 0.01 }];
  const candidate = classificationEval({ accuracy: 0.95 }, { fingerprint: 1 });

  it('passes when the fingerprints and row counts agree', () => {
    const gate = evaluateGate(
      rule,
      candidate,
      classificationEval({ accuracy: 0.9 }, { fingerprint: 1 }),
    );
    expect(gate.passed).toBe(true);
    expect(gate.testData).toEqual({
      same: true,
      waived: false,
      reason: 'both were evaluated on the same 400 test rows',
    });
  });

  it('fails on a different fingerprint even when every rule passes', () => {
    const gate = evaluateGate(
      rule,
      candidate,
      classificationEval({ accuracy: 0.9 }, { fingerprint: 2 }),
    );
    expect(gate.results[0]!.passed).toBe(true);
    expect(gate.passed).toBe(false);
    expect(gate.testData.same).toBe(false);
    expect(gate.testData.reason).toContain('different rows or resampled with a different seed');
    expect(gate.testData.reason).toContain('00000001 and 00000002');
  });

  it('fails on a different row count, naming both', () => {
    const gate = evaluateGate(
      rule,
      candidate,
      classificationEval({ accuracy: 0.9 }, { fingerprint: 1, n: 350 }),
    );
    expect(gate.passed).toBe(false);
    expect(gate.testData.reason).toBe(
      'the candidate was evaluated on 400 test rows and the champion on 350; re-evaluate both on the same test split with the same seed, or allow different data',
    );
  });

  it('passes different data when allowDifferentData is set, and says so', () => {
    const gate = evaluateGate(
      rule,
      candidate,
      classificationEval({ accuracy: 0.9 }, { fingerprint: 2 }),
      {
        allowDifferentData: true,
      },
    );
    expect(gate.passed).toBe(true);
    expect(gate.testData.waived).toBe(true);
    expect(gate.testData.reason).toMatch(/\(allowed: different data accepted\)$/);
  });

  it('still fails a rule when different data is allowed', () => {
    const gate = evaluateGate(
      rule,
      classificationEval({ accuracy: 0.905 }, { fingerprint: 1 }),
      classificationEval({ accuracy: 0.9 }, { fingerprint: 2 }),
      { allowDifferentData: true },
    );
    expect(gate.passed).toBe(false);
  });
});

describe('evaluateGate: malformed rules', () => {
  const c = classificationEval({ accuracy: 0.9 });
  it.each([
    [{ metric: 'accuracy' }, /sets no bound/],
    [{ metric: 'accuracy', minAbsoluteImprovement: 0 }, /positive number/],
    [{ metric: 'accuracy', minAbsoluteImprovement: -0.1 }, /positive number/],
    [{ metric: 'accuracy', minRelativeImprovement: 1.5 }, /between 0 and 1/],
    [{ metric: 'accuracy', minRelativeImprovement: Number.NaN }, /between 0 and 1/],
    [{ metric: 'accuracy', threshold: Number.POSITIVE_INFINITY }, /finite number/],
    [{ metric: 'myMetric', threshold: 1 }, /set greaterIsBetter for a custom metric/],
    [{ metric: '', threshold: 1 }, /must name a metric/],
  ])('rejects %j', (rule, message) => {
    expect(() => evaluateGate([rule], c, null)).toThrow(InvalidArgumentError);
    expect(() => evaluateGate([rule], c, null)).toThrow(message);
  });

  it('names the rule index', () => {
    expect(() =>
      evaluateGate([{ metric: 'accuracy', threshold: 0.5 }, { metric: 'accuracy' }], c, null),
    ).toThrow(/^rules\[1\]/);
  });
});
