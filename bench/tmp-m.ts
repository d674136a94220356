import * as S from '../src/lib/stats/index';
import { mergeWalk } from '../src/lib/stats/merge-walk';
function walk2(a: Float64Array, b: Float64Array) {
  const n = a.length, m = b.length;
  let i = 0, j = 0, maxDiff = -Infinity, minDiff = Infinity, sum = 0;
  // current value x = last consumed; state after consuming it
  let x = Math.min(a[0]!, b[0]!);
  // consume first element
  if (a[0]! <= b[0]!) i = 1; else j = 1;
  while (i < n && j < m) {
    const ai = a[i]!, bj = b[j]!;
    const takeA = ai <= bj;
    const next = takeA ? ai : bj;
    const diff = i / n - j / m;
    if (next !== x) {
      if (diff > maxDiff) maxDiff = diff;
      if (diff < minDiff) minDiff = diff;
      sum += Math.abs(diff) * (next - x);
    }
    i += takeA ? 1 : 0;
    j += takeA ? 0 : 1;
    x = next;
  }
  // tails
  while (i < n) { const next = a[i]!; const diff = i / n - j / m; if (next !== x) { if (diff > maxDiff) maxDiff = diff; if (diff < minDiff) minDiff = diff; sum += Math.abs(diff) * (next - x); } i++; x = next; }
  while (j < m) { const next = b[j]!; const diff = i / n - j / m; if (next !== x) { if (diff > maxDiff) maxDiff = diff; if (diff < minDiff) minDiff = diff; sum += Math.abs(diff) * (next - x); } j++; x = next; }
  const diff = i / n - j / m; if (diff > maxDiff) maxDiff = diff; if (diff < minDiff) minDiff = diff;
  return { maxDiff, minDiff, wasserstein: sum };
}
const rng = S.createRng(1);
const n = 1000000;
const a = new Float64Array(n), b = new Float64Array(n);
for (let i = 0; i < n; i++) { a[i] = rng.normal(); b[i] = rng.normal() + 0.02; }
S.sortFloat64(a); S.sortFloat64(b);
for (let rep = 0; rep < 5; rep++) {
  let t = performance.now(); const r1 = mergeWalk(a, b); const t1 = performance.now(); const r2 = walk2(a, b); const t2 = performance.now();
  console.log('old', (t1 - t).toFixed(1), 'new', (t2 - t1).toFixed(1), r1.maxDiff === r2.maxDiff, r1.minDiff === r2.minDiff, r1.wasserstein === r2.wasserstein, r1.wasserstein - r2.wasserstein);
}
// ties check
const c = Float64Array.from([0,0,1,1,2,2,2,3]), d = Float64Array.from([0,1,1,2,4,4]);
console.log(mergeWalk(c, d), walk2(c, d));
