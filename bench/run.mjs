#!/usr/bin/env node
// `npm run bench`: runs every benchmark workload of PERFORMANCE.md that exists so far, each
// printing its median of 5 warm runs, its cold first run and its ratio against a peer measured
// in the same run. Workloads are separate scripts so one can be run alone.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const workloads = [
  { id: 'D1', script: 'bench/d1-drift.ts', runner: ['npx', 'tsx'] },
  { id: 'T1', script: 'bench/t1-train.mjs', runner: ['node'] },
];

let failed = 0;
for (const w of workloads) {
  if (!existsSync(w.script)) {
    console.log(`${w.id}: not implemented yet (${w.script} missing)`);
    continue;
  }
  console.log(`\n== ${w.id}: ${w.script}`);
  const [cmd, ...args] = w.runner;
  const r = spawnSync(cmd, [...args, w.script, ...process.argv.slice(2)], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.log(`${w.id}: FAILED (exit ${r.status})`);
  }
}
process.exit(failed ? 1 : 0);
