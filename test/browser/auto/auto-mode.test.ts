/**
 * Auto mode against scikit-learn's defaults (issue 4 item 7; docs/auto-mode.md).
 *
 * Each dataset is imported into a fresh database from the test server, exactly as the app
 * imports an example (public/ is served at `/`), trained with {@link autoConfig} through the real
 * training task on the WASM backend, and its test accuracy must be at least the lower of
 * scikit-learn's LogisticRegression() and MLPClassifier(random_state=0) on the same test rows,
 * minus 0.03 (test/fixtures/auto/sklearn.json, from scripts/compare/sklearn_auto.py). The split
 * is checked against test/fixtures/auto/splits.json (scripts/compare/splits.ts) first, so both
 * sides are scored on the same rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SplitSpec } from '../../../src/lib/contracts/entities';
import { fitPreprocessing, splitRows, validateTrainingSetup } from '../../../src/lib/data';
import { closeDb, openDb } from '../../../src/lib/db';
import { AUTO_MLP_MIN_ROWS, autoConfig } from '../../../src/lib/hpo';
import { chooseBackend } from '../../../workers/tasks/backend-state';
import { importDataset } from '../../../workers/tasks/import-dataset';
import { trainRun } from '../../../workers/tasks/train-run';
import sklearn from '../../fixtures/auto/sklearn.json';
import splits from '../../fixtures/auto/splits.json';

/** How far below the weaker scikit-learn default Benchtop may score (the "comparable"). */
const MARGIN = 0.03;
/** Training seed (initialisers, shuffles); the split has its own seed in splits.json. */
const SEED = 42;

const split = splits.split as SplitSpec;
const figures: string[] = [];

beforeAll(async () => {
  await openDb({ name: `auto-mode-test-${crypto.randomUUID()}` });
  // Pinned so the figures are the WASM ones the auto budget is sized for.
  await chooseBackend('wasm');
});
afterAll(() => {
  console.log(['dataset | Benchtop | sklearn LR | sklearn MLP | config', ...figures].join('\n'));
  closeDb();
});

describe('auto mode vs scikit-learn defaults', () => {
  it.each(splits.datasets.map((d) => [d.name, d] as const))(
    '%s: test accuracy within 0.03 of the weaker sklearn default',
    async (name, d) => {
      const { version, columns } = await importDataset({ name, fileName: d.file, url: d.url });
      const t = version.schema.findIndex((c) => c.name === d.target);
      const setup = validateTrainingSetup({
        schema: version.schema,
        target: d.target,
        targetColumn: columns[t]!,
        columns,
      });
      // The split trainRun will make (train-run.ts: class index as stratum, rows with a target).
      const rows = splitRows(version.rowCount, split, setup.y as Int32Array, setup.rows);
      expect(Array.from(rows.test)).toEqual(d.test);
      expect(Array.from(rows.validation)).toEqual(d.validation);
      expect(Array.from(rows.train)).toEqual(d.train);
      expect([...setup.features].sort()).toEqual([...d.numeric, ...d.categorical].sort());

      const width = fitPreprocessing(version.schema, columns, setup.features, rows.train);
      const auto = autoConfig({
        task: setup.task,
        rows: setup.rows.length,
        features: width.outputWidth,
        classes: setup.labels?.length ?? 2,
      });
      expect(auto.config.kind).toBe(setup.rows.length < AUTO_MLP_MIN_ROWS ? 'logistic' : 'mlp');

      const run = await trainRun(
        {
          runId: `auto-${name}`,
          datasetVersionId: version.id,
          target: d.target,
          config: auto.config,
          split,
          seed: SEED,
          // Only the accuracy is compared; the confidence intervals are not needed here.
          bootstrapIterations: 0,
        },
        { onProgress: () => undefined, shouldStop: () => false },
      );
      const metrics = run.metrics;
      if (metrics?.task === 'regression' || !metrics) throw new Error(`${name}: no accuracy`);
      expect(metrics.n).toBe(d.test.length);

      const theirs = sklearn.datasets[name as keyof typeof sklearn.datasets].accuracy;
      const bound = Math.min(theirs.logisticRegression, theirs.mlp) - MARGIN;
      figures.push(
        `${name} | ${metrics.accuracy.toFixed(4)} | ${theirs.logisticRegression.toFixed(4)} | ` +
          `${theirs.mlp.toFixed(4)} | ${auto.config.kind}, ${run.history.length}/` +
          `${auto.config.epochs} epochs, ${Math.round(run.durationMs ?? 0)} ms`,
      );
      expect(metrics.accuracy).toBeGreaterThanOrEqual(bound);
    },
  );
});
