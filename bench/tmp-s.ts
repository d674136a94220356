const n = 500000,
  x = 0.008233000000000046;
const nxfl = Math.floor(n * x),
  alpha = n * x - nxfl;
let logBinom = Math.log(n);
const logN = Math.log(n);
let prevZeroAt = -1,
  maxLog = -Infinity,
  maxAt = 0,
  last = 0;
const samples: string[] = [];
for (let j = 1; j < n - nxfl; j++) {
  const a = n - j - nxfl - alpha,
    b = j + nxfl + alpha;
  const l = logBinom + (n - j) * (Math.log(a) - logN) + (j - 1) * (Math.log(b) - logN);
  if (l > maxLog) {
    maxLog = l;
    maxAt = j;
  }
  if (j % 25000 === 0 || j < 5) samples.push(`${j}:${l.toFixed(1)}`);
  if (l < -745 && prevZeroAt < 0) prevZeroAt = j;
  if (l > -745) last = j;
  logBinom += Math.log((n - j) / (j + 1));
}
console.log({ maxAt, maxLog, firstZero: prevZeroAt, lastNonZero: last });
console.log(samples.join(' '));
