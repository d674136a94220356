/**
 * A seeded pseudo-random generator (sfc32, seeded through splitmix32).
 *
 * Every sampling function in Benchtop takes an `Rng` argument instead of calling `Math.random`,
 * so the same seed gives the same numbers in Node, in a worker and in the page.
 */
export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform 32-bit unsigned integer. */
  nextUint32(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Standard normal deviate (Box–Muller). */
  normal(): number;
  /** A new generator derived from this one (for independent streams). */
  fork(): Rng;
}

/**
 * Creates a seeded generator.
 * @param seed any integer; equal seeds give equal streams.
 * @returns an {@link Rng}
 * @example
 * createRng(42).next() // 0.4416... (always the same)
 */
export function createRng(seed: number): Rng {
  // splitmix32 expands one seed into the four words sfc32 needs.
  let s = seed >>> 0;
  const splitmix = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  const nextUint32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t;
  };
  // Warm up so that nearby seeds decorrelate.
  for (let i = 0; i < 12; i++) nextUint32();
  let spare: number | null = null;
  const rng: Rng = {
    nextUint32,
    next: () => nextUint32() / 4294967296,
    int: (n: number) => Math.floor((nextUint32() / 4294967296) * n),
    normal: () => {
      if (spare !== null) {
        const v = spare;
        spare = null;
        return v;
      }
      let u = 0;
      while (u === 0) u = rng.next();
      const v = rng.next();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    },
    fork: () => createRng(nextUint32()),
  };
  return rng;
}

/**
 * Fisher–Yates shuffle of `0..n-1` with a seeded generator.
 * @param n length of the permutation
 * @param rng the generator
 * @returns a permutation as an Int32Array
 */
export function permutation(n: number, rng: Rng): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = out[i]!;
    out[i] = out[j]!;
    out[j] = t;
  }
  return out;
}
