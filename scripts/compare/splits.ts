/**
 * Writes test/fixtures/auto/splits.json: for each bundled example, the exact rows Benchtop trains,
 * validates and tests on, so scikit-learn can be scored on the same test rows
 * (scripts/compare/sklearn_auto.py) and the browser test (test/browser/auto/auto-mode.test.ts)
 * can check that an import gives the same split.
 *
 *     npx tsx scripts/compare/splits.ts
 *
 * It follows workers/tasks/train-run.ts step by step: the CSV is typed as an import types it
 * (parseDelimited + buildColumns), validateTrainingSetup picks the task, labels, usable features
 * and the rows whose target is present, and splitRows cuts those rows with the class index as
 * the stratum. Row numbers are 0-based data rows of the CSV (the header is not a row).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SplitSpec } from '../../src/lib/contracts/entities';
import { buildColumns, parseDelimited, splitRows, validateTrainingSetup } from '../../src/lib/data';

/** The split of the comparison: seed 42, 70 / 10 / 20, stratified by class. */
const SPLIT: SplitSpec = { seed: 42, train: 0.7, validation: 0.1, test: 0.2, stratify: true };

/**
 * The bundled examples, then digits (a test fixture, scripts/compare/make_digits.py): the one
 * dataset with ≥ 1,000 rows, where auto mode picks its MLP. `url` is where the browser test's
 * server has the file (Vite serves public/ at `/` and the project root's files at their path).
 */
const EXAMPLES = [
  { name: 'penguins', file: 'public/examples/penguins.csv', target: 'Species' },
  { name: 'iris', file: 'public/examples/iris.csv', target: 'Species' },
  { name: 'wine', file: 'public/examples/wine.csv', target: 'Class' },
  { name: 'breast-cancer', file: 'public/examples/breast-cancer.csv', target: 'Diagnosis' },
  { name: 'digits', file: 'test/fixtures/auto/digits.csv', target: 'Digit' },
];

const root = (path: string): string => fileURLToPath(new URL(`../../${path}`, import.meta.url));

const datasets = EXAMPLES.map(({ name, file, target }) => {
  const text = readFileSync(root(file), 'utf8');
  const { schema, columns } = buildColumns(parseDelimited(text, { fileName: file }));
  const t = schema.findIndex((c) => c.name === target);
  const setup = validateTrainingSetup({
    schema,
    target,
    targetColumn: columns[t] ?? new Float64Array(0),
    columns,
  });
  const strata = setup.task === 'regression' ? undefined : (setup.y as Int32Array);
  const split = splitRows(schema.length > 0 ? columns[0]!.length : 0, SPLIT, strata, setup.rows);
  const kind = (f: string): 'numeric' | 'categorical' =>
    schema.find((c) => c.name === f)?.encoding === 'f64' ? 'numeric' : 'categorical';
  return {
    name,
    file,
    url: `/${file.replace(/^public\//, '')}`,
    target,
    task: setup.task,
    labels: setup.labels ?? [],
    rowCount: columns[0]?.length ?? 0,
    droppedRows: setup.droppedRows,
    numeric: setup.features.filter((f) => kind(f) === 'numeric'),
    categorical: setup.features.filter((f) => kind(f) === 'categorical'),
    train: Array.from(split.train),
    validation: Array.from(split.validation),
    test: Array.from(split.test),
  };
});

const out = root('test/fixtures/auto/splits.json');
const json = JSON.stringify(
  { generatedBy: 'npx tsx scripts/compare/splits.ts', split: SPLIT, datasets },
  null,
  2,
);
// One row list per line keeps the fixture short and its diffs readable.
writeFileSync(
  out,
  `${json.replace(/\[\s+([\d,\s]+?)\s+\]/g, (_, xs: string) => `[${xs.replace(/\s+/g, ' ')}]`)}\n`,
);
for (const d of datasets) {
  console.log(
    `${d.name}: ${d.task}, ${d.train.length}/${d.validation.length}/${d.test.length} rows, ` +
      `${d.numeric.length} numeric + ${d.categorical.length} categorical features`,
  );
}
