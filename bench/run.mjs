#!/usr/bin/env node
// `npm run bench`: runs every benchmark workload of PERFORMANCE.md that exists so far, each
// printing its median of 5 warm runs, its cold first run and its ratio against a peer measured
// in the same run. Workloads are separate scripts so one can be run alone.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const workloads = [
  { id: 'D1', script: 'bench/d1-drift.ts', runner: ['npx', 'tsx'] },
  { id: 'D1M', script: 'bench/d1-monitor.ts', runner: ['npx', 'tsx'] },
  { id: 'D1UI', script: 'bench/d1-ui.ts', runner: ['npx', 'tsx'] },
  { id: 'I1', script: 'bench/i1-import.mjs', runner: ['node'] },
  { id: 'S1', script: 'bench/s1-store.mjs', runner: ['node'] },
  { id: 'T1', script: 'bench/t1-train.mjs', runner: ['node'] },
  { id: 'Q1', script: 'bench/q1-score.mjs', runner: ['node'] },
  // Click to result on the Serve page of the built app (q1-score.mjs prints the in-worker part).
  { id: 'Q2', script: 'bench/q2-serve.mjs', runner: ['node'] },
  // Search wall time, trials serial vs spread over the cores.
  { id: 'H1', script: 'bench/h1-search.mjs', runner: ['node'] },
];
// `npm run bench -- D1 T1` runs only those.
const only = process.argv.slice(2).filter((a) => /^[A-Z]\d[A-Z]*$/.test(a));

let failed = 0;
for (const w of workloads) {
  if (only.length && !only.includes(w.id)) continue;
  if (!existsSync(w.script)) {
    console.log(`${w.id}: not implemented yet (${w.script} missing)`);
    continue;
  }
  console.log(`\n== ${w.id}: ${w.script}`);
  const [cmd, ...args] = w.runner;
  const r = spawnSync(cmd, [...args, w.script], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.log(`${w.id}: FAILED (exit ${r.status})`);
  }
}
process.exit(failed ? 1 : 0);
