import { describe, expect, it } from 'vitest';
import type { AbMetric } from '../../../src/lib/contracts/ab';
import { checkMetric, listMetricSources, metricValue } from '../../../src/lib/ab/metric-sources';
import { accuracy, entry } from './helpers';

const m = (over: Partial<AbMetric>): AbMetric => ({ ...accuracy, ...over });

describe('metric sources', () => {
  it('correct: prediction equals the attached label; unknown without a label', () => {
    expect(metricValue(accuracy, entry({ label: 'yes' }), true)).toBe(1);
    expect(metricValue(accuracy, entry({ label: 'no' }), true)).toBe(0);
    expect(metricValue(accuracy, entry({ output: { label: '3', value: 3 }, label: 3 }), true)).toBe(
      1,
    );
    expect(metricValue(accuracy, entry(), true)).toBeNull();
  });

  it('label: positive class for conversions, the number for means', () => {
    const churn = m({ source: { kind: 'label', positive: 'churned' } });
    expect(metricValue(churn, entry({ label: 'churned' }), true)).toBe(1);
    expect(metricValue(churn, entry({ label: 'stayed' }), true)).toBe(0);
    const revenue = m({ kind: 'mean', source: { kind: 'label' } });
    expect(metricValue(revenue, entry({ label: 12.5 }), true)).toBe(12.5);
    expect(metricValue(revenue, entry({ label: 'n/a' }), true)).toBeNull();
  });

  it('column: the entry outcome for the primary, the input field for a guardrail', () => {
    const spend = m({ kind: 'mean', source: { kind: 'column', column: 'spend' } });
    expect(metricValue(spend, entry({ outcome: 7 }), true)).toBe(7);
    expect(metricValue(spend, entry({ inputs: { spend: '3.5' } }), false)).toBe(3.5);
    expect(metricValue(spend, entry({ inputs: {} }), false)).toBeNull();
    const bought = m({ source: { kind: 'column', column: 'bought' } });
    expect(metricValue(bought, entry({ outcome: 2 }), true)).toBe(1);
  });

  it('latency: the serving latency', () => {
    const latency = m({ kind: 'mean', source: { kind: 'latency' }, higherIsBetter: false });
    expect(metricValue(latency, entry({ latencyMs: 4.2 }), false)).toBe(4.2);
  });

  it('checks metric kind against the source', () => {
    expect(listMetricSources().map((s) => s.kind)).toEqual([
      'correct',
      'label',
      'column',
      'latency',
    ]);
    expect(() => checkMetric(m({ source: { kind: 'latency' } }))).toThrow(/supports mean only/);
    expect(() => checkMetric(m({ kind: 'mean' }))).toThrow(/supports conversion only/);
    expect(() => checkMetric(m({ source: { kind: 'column', column: '' } }))).toThrow(
      /outcome column/,
    );
    expect(checkMetric(accuracy)).toBe(accuracy);
  });
});
