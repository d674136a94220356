import * as S from '../src/lib/stats/index';
const rng = S.createRng(1);
const n = 1000000;
const a = new Float64Array(n),
  b = new Float64Array(n);
for (let i = 0; i < n; i++) {
  a[i] = rng.normal();
  b[i] = rng.normal() + 0.02;
}
S.sortFloat64(a);
S.sortFloat64(b);
for (let rep = 0; rep < 4; rep++) {
  let t = performance.now();
  const d = S.ksStatisticFromSorted(a, b);
  const t1 = performance.now();
  const p = S.ksPValue(d, n, n);
  const t2 = performance.now();
  const w = S.wassersteinFromSorted(a, b);
  const t3 = performance.now();
  console.log(
    'stat',
    (t1 - t).toFixed(1),
    'p',
    (t2 - t1).toFixed(1),
    'w',
    (t3 - t2).toFixed(1),
    d,
    p.pValue,
    w,
  );
}
