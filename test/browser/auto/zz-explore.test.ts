import { beforeAll, describe, expect, it } from 'vitest';
import type { ModelConfig } from '../../../src/lib/contracts/entities';
import { fitPreprocessing, splitRows, validateTrainingSetup } from '../../../src/lib/data';
import { openDb } from '../../../src/lib/db';
import { autoConfig } from '../../../src/lib/hpo/auto-config';
import { chooseBackend } from '../../../workers/tasks/backend-state';
import { importDataset } from '../../../workers/tasks/import-dataset';
import { trainRun } from '../../../workers/tasks/train-run';
import splits from '../../fixtures/auto/splits.json';

beforeAll(async () => {
  await openDb({ name: `auto-explore-${crypto.randomUUID()}` });
  await chooseBackend('wasm');
});

describe('explore', () => {
  it('grid', async () => {
    const variants: [string, Partial<ModelConfig>][] = JSON.parse(import.meta.env.VITE_VARIANTS ?? '[["auto",{}]]');
    const seeds = [1, 2, 3, 4, 5, 42];
    const out: string[] = [];
    for (const d of splits.datasets) {
      const { version, columns } = await importDataset({ name: d.name, fileName: d.name, url: `/${d.file.replace('public/', '')}` });
      const t = version.schema.findIndex((c) => c.name === d.target);
      const setup = validateTrainingSetup({ schema: version.schema, target: d.target, targetColumn: columns[t]!, columns });
      const split = splitRows(version.rowCount, splits.split, setup.y as Int32Array, setup.rows);
      expect(Array.from(split.test)).toEqual(d.test);
      const width = fitPreprocessing(version.schema, columns, setup.features, split.train).outputWidth;
      const auto = autoConfig({ task: setup.task, rows: setup.rows.length, features: width, classes: setup.labels!.length });
      for (const [name, v] of variants) {
        const accs: number[] = [];
        let ms = 0;
        let ep = 0;
        for (const seed of seeds) {
          const t0 = performance.now();
          const run = await trainRun(
            { runId: crypto.randomUUID(), datasetVersionId: version.id, target: d.target, config: { ...auto.config, ...v }, split: splits.split, seed },
            { onProgress: () => undefined, shouldStop: () => false },
          );
          ms += performance.now() - t0;
          ep += run.history.length;
          accs.push(run.metrics && 'accuracy' in run.metrics ? run.metrics.accuracy : NaN);
        }
        out.push(`${d.name} ${name}: ${accs.map((a) => a.toFixed(4)).join(' ')}  ${(ms / seeds.length).toFixed(0)} ms, ${(ep / seeds.length).toFixed(0)} epochs`);
        console.log(out.at(-1));
      }
    }
    console.log(out.join('\n'));
  });
});
