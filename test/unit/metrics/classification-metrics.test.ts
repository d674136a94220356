import { describe, expect, it } from 'vitest';
import { classificationMetrics } from '../../../src/lib/metrics/classification-metrics';
import { classificationCases } from './fixtures';

describe('classificationMetrics', () => {
  // accuracy_score, f1_score(average='macro', zero_division=0) and confusion_matrix with
  // labels=range(nClasses), sklearn 1.2.1 (test/fixtures/metrics/classification.json)
  it.each(classificationCases.map((c) => [c.name, c] as const))('matches sklearn: %s', (_, c) => {
    const labels = Array.from({ length: c.nClasses }, (_, k) => `class ${k}`);
    const m = classificationMetrics(Int32Array.from(c.yTrue), Int32Array.from(c.yPred), labels);
    expect(m.task).toBe(c.nClasses === 2 ? 'binary' : 'multiclass');
    expect(m.accuracy).toBeCloseTo(c.accuracy, 12);
    expect(m.macroF1).toBeCloseTo(c.macroF1, 12);
    expect(m.confusion).toEqual(c.confusion);
    expect(m.labels).toEqual(labels);
    expect(m.n).toBe(c.yTrue.length);
  });

  it('is plain data that survives structured cloning', () => {
    const m = classificationMetrics(Int32Array.of(0, 1, 1), Int32Array.of(0, 0, 1), ['no', 'yes']);
    expect(structuredClone(m)).toEqual(m);
  });

  it('needs at least two labels', () => {
    expect(() => classificationMetrics(Int32Array.of(0), Int32Array.of(0), ['only'])).toThrow(
      /at least 2 labels/,
    );
  });
});
