/**
 * Slice metrics of a stored run: the test split re-created from the run record, re-scored with
 * the stored model, grouped by a categorical column's values or a numeric column's quartile bins.
 */
import { describe, expect, it } from 'vitest';
import { NotFoundError, InvalidArgumentError } from '../../../src/lib/contracts/errors';
import { sliceRunMetrics } from '../../../workers/tasks/slice-metrics';
import { trainRun } from '../../../workers/tasks/train-run';
import { config, ISLANDS, noHooks, SPLIT, uid, useTaskDb, writePenguins } from './helpers';

useTaskDb();

describe('sliceRunMetrics', () => {
  it('slices a classifier by category and by quartile bins; slices sum to the test size', async () => {
    const version = await writePenguins();
    const run = await trainRun(
      {
        runId: uid('slice'),
        datasetVersionId: version.id,
        target: 'species',
        config: config(),
        split: SPLIT,
        seed: 5,
        bootstrapIterations: 0,
      },
      noHooks,
    );
    const n = run.evaluation!.n;

    const byIsland = await sliceRunMetrics(run.id, 'island');
    expect(byIsland.map((s) => s.key)).toEqual(ISLANDS);
    expect(byIsland.reduce((k, s) => k + s.n, 0)).toBe(n);
    for (const s of byIsland) {
      expect(s.small).toBe(s.n < 10);
      expect(s.metrics.accuracy).toBeGreaterThanOrEqual(0);
    }
    // Accuracy over all slices, weighted by size, is the run's test accuracy: same rows, same model.
    const weighted = byIsland.reduce((a, s) => a + s.n * s.metrics.accuracy!, 0) / n;
    expect(weighted).toBeCloseTo(run.evaluation!.metrics.accuracy!.estimate!, 6);

    const byMass = await sliceRunMetrics(run.id, 'body_mass_g');
    expect(byMass.reduce((k, s) => k + s.n, 0)).toBe(n);
    const bins = byMass.filter((s) => s.key !== '(missing)');
    expect(bins).toHaveLength(4);
    expect(bins[0]!.key).toMatch(/^\[\d+, \d+(\.\d+)?\)$/);
    expect(bins[3]!.key).toMatch(/\]$/);
    // Quartile bins hold about a quarter of the present rows each.
    for (const s of bins) expect(s.n).toBeGreaterThan((n - 10) / 4 - 5);

    const byDate = await sliceRunMetrics(run.id, 'observed');
    expect(byDate.reduce((k, s) => k + s.n, 0)).toBe(n);
    expect(byDate[0]!.key).toMatch(/^\[2020-\d\d-\d\d, /);
  });

  it('slices a regressor and refuses unknown runs and columns', async () => {
    const version = await writePenguins();
    const run = await trainRun(
      {
        runId: uid('slice-reg'),
        datasetVersionId: version.id,
        target: 'body_mass_g',
        config: config({ kind: 'linear', hiddenUnits: [] }),
        split: { ...SPLIT, stratify: false },
        seed: 5,
        bootstrapIterations: 0,
      },
      noHooks,
    );
    const slices = await sliceRunMetrics(run.id, 'species');
    expect(slices.reduce((k, s) => k + s.n, 0)).toBe(run.evaluation!.n);
    expect(Object.keys(slices[0]!.metrics)).toEqual(expect.arrayContaining(['mae', 'rmse', 'r2']));
    await expect(sliceRunMetrics('nope', 'species')).rejects.toBeInstanceOf(NotFoundError);
    await expect(sliceRunMetrics(run.id, 'wingspan')).rejects.toBeInstanceOf(InvalidArgumentError);
  });
});
