import { describe, expect, it } from 'vitest';
import type { InputSignature, PredictionLogEntry } from '../../../src/lib/contracts/entities';
import { PREDICTION_COLUMN } from '../../../src/lib/contracts/monitoring';
import {
  cellOf,
  columnKindOf,
  extractColumns,
  featureColumns,
  predictionColumn,
} from '../../../src/lib/monitor';

const signature: InputSignature = {
  inputs: [
    { name: 'age', type: 'integer' },
    { name: 'island', type: 'category', categories: ['A', 'B'] },
    { name: 'when', type: 'datetime' },
  ],
  target: { name: 'y', task: 'multiclass', labels: ['x', 'y', 'z'] },
};

describe('monitored columns', () => {
  it('maps signature types to drift kinds and adds the prediction column', () => {
    expect(featureColumns(signature)).toEqual([
      { name: 'age', kind: 'numeric' },
      { name: 'island', kind: 'categorical' },
      { name: 'when', kind: 'numeric' },
    ]);
    expect(predictionColumn(signature)).toEqual({ name: PREDICTION_COLUMN, kind: 'categorical' });
    expect(predictionColumn({ ...signature, target: { name: 'y', task: 'regression' } }).kind).toBe(
      'numeric',
    );
    expect(columnKindOf('boolean')).toBe('categorical');
  });

  it('reads cells: numeric text parsed, dates as ms, junk as NaN, empty text as missing', () => {
    expect(cellOf('3.5', 'numeric')).toBe(3.5);
    expect(cellOf('2024-01-01T00:00:00Z', 'numeric')).toBe(Date.UTC(2024, 0, 1));
    expect(cellOf('abc', 'numeric')).toBeNaN();
    expect(cellOf(null, 'numeric')).toBeNaN();
    expect(cellOf(true, 'categorical')).toBe('true');
    expect(cellOf('', 'categorical')).toBeNull();
    expect(cellOf(4, 'categorical')).toBe('4');
  });

  it('extracts inputs by name and the predicted label or value', () => {
    const entries = [
      { inputs: { age: 31, island: 'A' }, output: { label: 'x', value: 0 } },
      { inputs: { age: 'oops', island: null }, output: { label: 'z', value: 2 } },
    ] as Pick<PredictionLogEntry, 'inputs' | 'output'>[];
    const cols = extractColumns(entries, [
      ...featureColumns(signature),
      predictionColumn(signature),
    ]);
    expect(Array.from(cols.get('age') as Float64Array)).toEqual([31, NaN]);
    expect(cols.get('island')).toEqual(['A', null]);
    expect(Array.from(cols.get('when') as Float64Array)).toEqual([NaN, NaN]);
    expect(cols.get(PREDICTION_COLUMN)).toEqual(['x', 'z']);
    const numeric = extractColumns(entries, [{ name: PREDICTION_COLUMN, kind: 'numeric' }]);
    expect(Array.from(numeric.get(PREDICTION_COLUMN) as Float64Array)).toEqual([0, 2]);
  });
});
