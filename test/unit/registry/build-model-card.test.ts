import { describe, expect, it } from 'vitest';
import { buildModelCard } from '../../../src/lib/registry/build-model-card';
import { classificationEval, regressionEval, run, version } from './fixtures';

const input = {
  version,
  run,
  evaluation: classificationEval({
    accuracy: 0.95,
    macroF1: 0.912,
    logLoss: 0.2,
    futureMetric: 0.5,
  }),
  datasetName: 'Palmer penguins',
  limitations: 'Three islands only.\n\nNot for other species.',
  intendedUse: 'Teaching.',
};

describe('buildModelCard', () => {
  const card = buildModelCard(input);

  it('has the standard sections in order', () => {
    expect(card.title).toBe('Model card: penguins v3');
    expect(card.modelVersionId).toBe('penguins@3');
    expect(card.createdAt).toBe(version.createdAt);
    expect(card.sections.map((s) => s.id)).toEqual([
      'details',
      'intended-use',
      'training-data',
      'evaluation',
      'per-class',
      'training',
      'limitations',
    ]);
  });

  it('states the model details', () => {
    const details = card.sections[0]!;
    expect(details.paragraphs).toEqual(['Predicts the species.']);
    expect(Object.fromEntries(details.facts.map((f) => [f.label, f.value]))).toEqual({
      Name: 'penguins',
      Version: '3',
      'Version id': 'penguins@3',
      Registered: '2025-01-03T00:00:00.000Z',
      Task: 'multiclass classification',
      Model: 'multilayer perceptron, hidden layers (16, 8), relu activation',
      Target: 'Species',
      Classes: 'Adelie, Chinstrap, Gentoo',
      Tags: 'prod',
    });
  });

  it('describes the data and split', () => {
    const data = card.sections[2]!;
    expect(data.facts).toContainEqual({ label: 'Dataset', value: 'Palmer penguins' });
    expect(data.facts).toContainEqual({
      label: 'Features (4)',
      value: 'Island (category), Body Mass (g) (integer), Sex (boolean), Seen (datetime)',
    });
    expect(data.facts).toContainEqual({
      label: 'Split',
      value: 'train 70%, validation 15%, test 15% (stratified, seed 7)',
    });
  });

  it('tabulates metrics in registry order with intervals, unknown ids last', () => {
    const ev = card.sections[3]!;
    expect(ev.paragraphs).toEqual([
      'Held-out test set of 400 rows. Intervals are 95% percentile-bootstrap intervals over 1000 resamples.',
    ]);
    expect(ev.table).toEqual({
      columns: ['Metric', 'Estimate', '95% interval'],
      rows: [
        ['Accuracy (higher is better)', '0.95', '0.93 to 0.97'],
        ['Macro F1 (higher is better)', '0.912', '0.892 to 0.932'],
        ['Log loss (lower is better)', '0.2', '0.18 to 0.22'],
        ['futureMetric', '0.5', '0.48 to 0.52'],
      ],
    });
    expect(card.sections[4]!.table!.rows[1]).toEqual(['Chinstrap', '80', '0.9', '0.85', '0.874']);
  });

  it('splits free text into paragraphs and fills blanks', () => {
    expect(card.sections.find((s) => s.id === 'limitations')!.paragraphs).toEqual([
      'Three islands only.',
      'Not for other species.',
    ]);
    const blank = buildModelCard({ ...input, limitations: '  \n ', intendedUse: '' });
    expect(blank.sections.find((s) => s.id === 'limitations')!.paragraphs).toEqual([
      'None stated.',
    ]);
    expect(blank.sections.find((s) => s.id === 'intended-use')!.paragraphs).toEqual([
      'Not stated.',
    ]);
  });

  it('adds notes when the run has them and skips per-class for regression', () => {
    const regression = buildModelCard({
      ...input,
      run: { ...run, task: 'regression', notes: 'Tuned by hand.' },
      evaluation: regressionEval({ mae: 1.5, rmse: 2, r2: 0.8 }),
    });
    const ids = regression.sections.map((s) => s.id);
    expect(ids).not.toContain('per-class');
    expect(ids.at(-1)).toBe('notes');
    expect(regression.sections.find((s) => s.id === 'evaluation')!.paragraphs[0]).toContain(
      '90% percentile-bootstrap intervals over 500 resamples',
    );
  });

  it('says when there is no evaluation', () => {
    const none = buildModelCard({ ...input, evaluation: null });
    expect(none.sections.find((s) => s.id === 'evaluation')!.paragraphs).toEqual([
      'No held-out evaluation was recorded for this version.',
    ]);
    expect(none.sections.map((s) => s.id)).not.toContain('per-class');
  });

  it('is deterministic plain data (JSON round trip)', () => {
    expect(buildModelCard(input)).toEqual(card);
    expect(JSON.parse(JSON.stringify(card))).toEqual(card);
  });
});
