/**
 * Exact decimal → double conversion for the streaming scanner (IMPORT.md §2), without making a
 * string: the digits are accumulated while scanning and converted here. The result is always
 * bit-identical to `Number(text)`, or NaN when this code cannot be sure (the caller then uses
 * `Number(text)`, which is exact).
 *
 * - ≤ 15 significant digits: Clinger's fast path (the mantissa and `10^k`, k ≤ 22, are exact,
 *   so one IEEE division or multiplication rounds correctly).
 * - 16–19 significant digits (numpy/pandas' shortest round-trip output is up to 17): the
 *   mantissa is held exactly as a double-double, divided by `10^k` (k ≤ 22) with an exact
 *   remainder (Dekker's product), and the correction term decides the rounding. When the true
 *   value lies so near a rounding boundary that the correction's own error could matter
 *   (a few in a billion), NaN is returned.
 */

/** 10^k for k = 0..22, all exact doubles. */
export const POW10 = new Float64Array(Array.from({ length: 23 }, (_, k) => Number(`1e${k}`)));

/** Veltkamp split of each 10^k: high and low halves whose products with halves are exact. */
const SPLIT = 134217729; // 2^27 + 1
const POW10_HI = new Float64Array(23);
const POW10_LO = new Float64Array(23);
for (let k = 0; k < 23; k++) {
  const a = POW10[k]!;
  const c = SPLIT * a;
  const h = c - (c - a);
  POW10_HI[k] = h;
  POW10_LO[k] = a - h;
}
const TWO26 = 67108864;

/**
 * The double nearest to `(hi · 10^loDigits + lo) · 10^-k`, as `Number` would read it.
 * @param hi the first (at most 15) significant digits as an integer (< 10^15)
 * @param lo the following `loDigits` digits as an integer (< 10^loDigits)
 * @param loDigits 0–4 further digits
 * @param k the power of ten to divide by (fraction digits minus any exponent); −22..22
 * @returns the correctly rounded value, or NaN when it cannot be decided here
 * @example
 * decimalValue(12345, 0, 0, 2)                    // 123.45
 * decimalValue(123456789012345, 67, 2, 16)        // 1.2345678901234567
 */
export function decimalValue(hi: number, lo: number, loDigits: number, k: number): number {
  if (loDigits === 0) {
    if (k === 0) return hi;
    if (k > 0) return k <= 22 ? hi / POW10[k]! : NaN;
    return k >= -22 ? hi * POW10[-k]! : NaN;
  }
  if (k < 0 || k > 22) return NaN;
  // m = hi · p + lo exactly, as mh + ml: hi = a·2^26 + b, so a·p·2^26 and b·p + lo are exact.
  const p = POW10[loDigits]!;
  const a = Math.floor(hi / TWO26);
  const A = a * p * TWO26;
  const B = (hi - a * TWO26) * p + lo;
  const mh = A + B;
  const bb = mh - A;
  const ml = A - (mh - bb) + (B - bb);
  // mh is the correctly rounded sum of the exact parts: Number's value for k = 0.
  if (k === 0) return mh;
  const P = POW10[k]!;
  const q = mh / P;
  // Exact remainder mh − q·P (Dekker's two-product of q and P).
  const c = SPLIT * q;
  const qh = c - (c - q);
  const ql = q - qh;
  const ph = POW10_HI[k]!;
  const pl = POW10_LO[k]!;
  const t = q * P;
  const te = qh * ph - t + qh * pl + ql * ph + ql * pl;
  const r = mh - t - te;
  // The exact value is q + (r + ml) / P; the computed correction is within 2^-51 of it.
  const corr = (r + ml) / P;
  if (corr === 0) return q;
  const abs = corr < 0 ? -corr : corr;
  const d = abs * 1.7763568394002505e-15 + q * 1e-30; // 2^-49 relative, plus a floor
  const up = q + (corr + d);
  return up === q + (corr - d) ? up : NaN;
}

/**
 * Reads a plain decimal `[+-](digits[.digits]|.digits)([eE][+-]digits)` from bytes (ASCII), as
 * `Number` would, without making a string. Used by tests and by callers outside the scanner's
 * hot loop.
 * @param u the bytes
 * @param s start index
 * @param e end index (exclusive)
 * @returns the value (bit-identical to `Number(text)`), or NaN when the bytes are not such a
 *   decimal; a decimal this code cannot decide exactly is read with `Number`
 * @example
 * parseDecimalBytes(new TextEncoder().encode('-1.5e3'), 0, 6) // -1500
 */
export function parseDecimalBytes(u: Uint8Array, s: number, e: number): number {
  let j = s;
  let c = j < e ? u[j]! : -1;
  let neg = false;
  if (c === 45 || c === 43) {
    neg = c === 45;
    c = ++j < e ? u[j]! : -1;
  }
  let hi = 0;
  let lo = 0;
  let sig = 0;
  let loDigits = 0;
  let digits = 0;
  let k = 0;
  let over = false;
  while (c >= 48 && c <= 57) {
    if (sig < 15) {
      hi = hi * 10 + (c - 48);
      if (hi !== 0) sig++;
    } else if (loDigits < 4) {
      lo = lo * 10 + (c - 48);
      loDigits++;
    } else over = true;
    digits++;
    c = ++j < e ? u[j]! : -1;
  }
  if (c === 46) {
    c = ++j < e ? u[j]! : -1;
    while (c >= 48 && c <= 57) {
      if (sig < 15) {
        hi = hi * 10 + (c - 48);
        if (hi !== 0) sig++;
      } else if (loDigits < 4) {
        lo = lo * 10 + (c - 48);
        loDigits++;
      } else over = true;
      digits++;
      k++;
      c = ++j < e ? u[j]! : -1;
    }
  }
  if (digits === 0) return NaN;
  if (c === 101 || c === 69) {
    c = ++j < e ? u[j]! : -1;
    let eneg = false;
    if (c === 45 || c === 43) {
      eneg = c === 45;
      c = ++j < e ? u[j]! : -1;
    }
    let x = 0;
    let ed = 0;
    while (c >= 48 && c <= 57) {
      if (x < 1e6) x = x * 10 + (c - 48);
      ed++;
      c = ++j < e ? u[j]! : -1;
    }
    if (ed === 0) return NaN;
    k += eneg ? x : -x;
  }
  if (j !== e) return NaN;
  const x = over ? NaN : decimalValue(hi, lo, loDigits, k);
  if (x !== x) {
    let text = '';
    for (let i = s; i < e; i++) text += String.fromCharCode(u[i]!);
    return Number(text);
  }
  return neg ? -x : x;
}
