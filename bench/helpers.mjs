/**
 * What the bench scripts (the .ts ones run by tsx, the .mjs ones by node) share: their
 * `--name value` options, how they print a median and a time, and a free port for a server.
 */
import { createServer } from 'node:net';

/** The command line after the script's path. */
export const args = process.argv.slice(2);

/**
 * The number after `--name` on the command line, or `fallback` when the flag is absent.
 * @param {string} name
 * @param {number} fallback
 * @returns {number}
 */
export function opt(name, fallback) {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
}

/**
 * The text after `--name` on the command line, or `fallback` when the flag is absent.
 * @param {string} name
 * @param {string} fallback
 * @returns {string}
 */
export function optText(name, fallback) {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
}

/**
 * The median of the runs as the D1 and profile scripts print it: the upper of the two middle
 * values when the count is even (pages/ml/harness.mjs's `median`, used by T1/Q1/H1, averages them).
 * @param {number[]} xs
 * @returns {number}
 */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * Seconds with two decimals below 10 s and one from there on.
 * @param {number} s
 * @returns {string}
 */
export function fmt(s) {
  return s < 10 ? s.toFixed(2) : s.toFixed(1);
}

/**
 * A TCP port on 127.0.0.1 that is free now (for `vite preview --strictPort`).
 * @returns {Promise<number>}
 */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (!address || typeof address === 'string') return reject(new Error('no free port'));
      server.close(() => resolve(address.port));
    });
  });
}
