/**
 * Profiling and validation on an import-sized table: 1M rows × 21 columns (20 float columns,
 * 1 category column of 12 values, used as the target), as issue 3's import budget assumes.
 *
 *   npx tsx bench/profile.ts [--rows N] [--runs N]
 *
 * Prints the cold first run and the median of the warm runs for `profileDataset` and for
 * `validationReport` (given the profile, with the category column as target), single-threaded.
 * Not a test: nothing is asserted; compare the figures across changes on one machine.
 */
import type { ColumnSchema } from '../src/lib/contracts/entities';
import type { Column } from '../src/lib/data/columns';
import { profileDataset } from '../src/lib/data/profile';
import { createRng } from '../src/lib/stats/rng';
import { validationReport } from '../src/lib/validate/index';
import { median, opt } from './helpers.mjs';

const ROWS = opt('rows', 1_000_000);
const RUNS = opt('runs', 5);
const FLOATS = 20;

function generate(): { schema: ColumnSchema[]; columns: Column[] } {
  const rng = createRng(20240603);
  const schema: ColumnSchema[] = [];
  const columns: Column[] = [];
  for (let j = 0; j < FLOATS; j++) {
    const col = new Float64Array(ROWS);
    // Mixed shapes: normal, skewed (exp of a normal), and rounded to 2 decimals (many ties);
    // about 1% missing.
    for (let i = 0; i < ROWS; i++) {
      const z = rng.normal();
      const v = j % 3 === 0 ? z * 10 + j : j % 3 === 1 ? Math.exp(z) : Math.round(z * 100) / 100;
      col[i] = rng.next() < 0.01 ? NaN : v;
    }
    schema.push({ name: `x${j}`, type: 'number', encoding: 'f64', missing: 0 });
    columns.push(col);
  }
  const dictionary = Array.from({ length: 12 }, (_, k) => `class_${k}`);
  const codes = new Int32Array(ROWS);
  for (let i = 0; i < ROWS; i++) codes[i] = rng.int(12);
  schema.push({ name: 'label', type: 'category', encoding: 'dict', dictionary, missing: 0 });
  columns.push(codes);
  return { schema, columns };
}

const { schema, columns } = generate();
const profileMs: number[] = [];
const reportMs: number[] = [];
let findings = 0;
for (let r = 0; r <= RUNS; r++) {
  const t0 = performance.now();
  const profile = profileDataset('bench', schema, columns);
  const t1 = performance.now();
  const report = validationReport('bench', schema, columns, { profile, target: 'label' });
  const t2 = performance.now();
  findings = report.findings.length;
  profileMs.push(t1 - t0);
  reportMs.push(t2 - t1);
}
const [coldProfile] = profileMs.splice(0, 1);
const [coldReport] = reportMs.splice(0, 1);
console.log(`rows ${ROWS}, columns ${FLOATS + 1} (${FLOATS} float, 1 category), ${RUNS} warm runs`);
console.log(
  `profileDataset    cold ${coldProfile!.toFixed(0)} ms, median ${median(profileMs).toFixed(0)} ms`,
);
console.log(
  `validationReport  cold ${coldReport!.toFixed(0)} ms, median ${median(reportMs).toFixed(0)} ms (${findings} findings)`,
);
