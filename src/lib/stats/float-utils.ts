/**
 * Small floating-point helpers that mirror NumPy/C behaviour where SciPy parity needs it.
 */

/**
 * `x · 2^e` without overflowing or underflowing the intermediate power (C `ldexp`).
 * @param x the mantissa
 * @param e an integer exponent
 * @returns x · 2^e
 * @example
 * ldexp(1, -1100) // 0 (underflow), ldexp(3, 2) // 12
 */
export function ldexp(x: number, e: number): number {
  let r = x;
  let k = e;
  while (k > 1000) {
    r *= 2 ** 1000;
    k -= 1000;
  }
  while (k < -1000) {
    r *= 2 ** -1000;
    k += 1000;
  }
  return r * 2 ** k;
}

/**
 * Rounds half to even, as `numpy.round` does (2.5 → 2, 3.5 → 4).
 * @param x the value
 * @returns the nearest integer, ties to even
 * @example
 * roundHalfEven(2.5) // 2
 */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  // Math.round sends ties up; step back when that made an odd integer from an exact tie.
  if (Math.abs(x % 1) === 0.5 && r % 2 !== 0) return r - 1;
  return r;
}

/**
 * Exact product a·b as an unevaluated sum hi + lo (Dekker's TwoProduct with Veltkamp split).
 * @param a a factor
 * @param b a factor
 * @returns [hi, lo] with hi = fl(a·b) and hi + lo = a·b exactly
 * @example
 * twoProduct(10, 0.1) // [1, 5.551115123125783e-17]
 */
export function twoProduct(a: number, b: number): [number, number] {
  const p = a * b;
  const [ah, al] = split(a);
  const [bh, bl] = split(b);
  const err = ah * bh - p + ah * bl + al * bh + al * bl;
  return [p, err];
}

function split(a: number): [number, number] {
  const c = 134217729 * a; // 2^27 + 1
  const hi = c - (c - a);
  return [hi, a - hi];
}

/**
 * Greatest common divisor of two non-negative integers.
 * @param a an integer
 * @param b an integer
 * @returns gcd(a, b)
 * @example
 * gcd(12, 18) // 6
 */
export function gcd(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}
