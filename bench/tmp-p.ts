import * as S from '../src/lib/stats/index';
const rng = S.createRng(1);
for (const n of [100000, 1000000]) {
  const a = new Float64Array(n),
    b = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    a[i] = rng.normal();
    b[i] = rng.normal() + 0.02;
  }
  for (let rep = 0; rep < 3; rep++) {
    let t = performance.now();
    const p = S.buildReferenceProfile(a, 'numeric');
    const t1 = performance.now();
    const c = S.buildProfile(b, 'numeric');
    const t2 = performance.now();
    const ks = S.ksFromSorted((p as any).sorted, (c as any).sorted);
    const t3 = performance.now();
    const w = S.wassersteinNormedFromProfiles(p, c);
    const t4 = performance.now();
    const psi = S.psiFromProfiles(p, c);
    const t5 = performance.now();
    const js = S.jensenShannonFromProfiles(p, c);
    const t6 = performance.now();
    console.log(
      n,
      'prof',
      (t1 - t).toFixed(1),
      'cur',
      (t2 - t1).toFixed(1),
      'ks',
      (t3 - t2).toFixed(1),
      'w',
      (t4 - t3).toFixed(1),
      'psi',
      (t5 - t4).toFixed(1),
      'js',
      (t6 - t5).toFixed(1),
      ks.pValue,
      w,
      psi,
      js,
    );
  }
}
