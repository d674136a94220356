/**
 * Check `duplicate-rows`: rows that repeat an earlier row exactly, in every column (as pandas
 * `DataFrame.duplicated(keep='first')`: missing equals missing, −0 equals +0).
 *
 * Rows are hashed column by column into one 32-bit hash (sequential passes over typed arrays, no
 * per-row strings); rows with equal hashes are only candidates and are compared value by value,
 * so a hash collision costs one comparison and never produces a false duplicate.
 */
import type { Finding } from '../contracts/entities';
import type { Column } from '../data/columns';
import { MAX_SAMPLE_ROWS, percent, type TableCheckDescriptor } from './check';

/** Share of duplicate rows from which the finding is an error instead of a warning. */
export const DUPLICATE_ERROR_SHARE = 0.5;

function mixInto(h: number, x: number, k: number): number {
  let v = Math.imul(x ^ (x >>> 16), k);
  v = Math.imul(v ^ (v >>> 13), 0xc2b2ae35);
  h = Math.imul(h ^ v ^ (v >>> 16), 0x9e3779b1);
  return (h ^ (h >>> 15)) | 0;
}

/**
 * A 32-bit hash per row over all columns, one sequential pass per column.
 * @param columns the stored columns (equal lengths)
 * @param n number of rows
 * @returns the hashes
 */
function rowHashes(columns: readonly Column[], n: number): Int32Array {
  const h = new Int32Array(n).fill(0x2545f491);
  for (const col of columns) {
    if (col instanceof Int32Array) {
      for (let i = 0; i < n; i++) h[i] = mixInto(h[i]!, col[i]!, 0x85ebca6b);
    } else {
      const words = new Int32Array(col.buffer, col.byteOffset, 2 * n);
      for (let i = 0; i < n; i++) {
        const v = col[i]!;
        // Canonical bits: every NaN alike, −0 as +0.
        let lo = 0;
        let hi = 0x7ff80000;
        if (v === v) {
          lo = v === 0 ? 0 : words[2 * i]!;
          hi = v === 0 ? 0 : words[2 * i + 1]!;
        }
        h[i] = mixInto(h[i]!, lo ^ Math.imul(hi, 0x27d4eb2f), 0xcc9e2d51);
      }
    }
  }
  return h;
}

function sameRow(columns: readonly Column[], a: number, b: number): boolean {
  for (const col of columns) {
    const x = col[a]!;
    const y = col[b]!;
    if (x !== y && !(x !== x && y !== y)) return false;
  }
  return true;
}

/**
 * Rows that repeat an earlier row exactly.
 * @param columns the stored columns (equal lengths)
 * @param n number of rows
 * @returns how many rows repeat an earlier one, up to 20 of them, and the first (row, earlier row) pair
 * @throws never
 * @example
 * findDuplicateRows([new Float64Array([1, 2, 1])], 3) // { count: 1, sampleRows: [2], first: [2, 0] }
 */
export function findDuplicateRows(
  columns: readonly Column[],
  n: number,
): { count: number; sampleRows: number[]; first: [number, number] | null } {
  if (n < 2 || columns.length === 0) return { count: 0, sampleRows: [], first: null };
  const hashes = rowHashes(columns, n);
  let cap = 16;
  while (cap < 2 * n) cap <<= 1;
  const mask = cap - 1;
  // (row + 1, hash) per slot, interleaved so a probe touches one cache line; 0 = empty.
  const table = new Int32Array(2 * cap);
  const sampleRows: number[] = [];
  let first: [number, number] | null = null;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const h = hashes[i]!;
    let s = Math.imul(h, 0x9e3779b1) >>> 0;
    s = (s ^ (s >>> 16)) & mask;
    for (;;) {
      const j = table[2 * s]! - 1;
      if (j < 0) {
        table[2 * s] = i + 1;
        table[2 * s + 1] = h;
        break;
      }
      // Equal 32-bit hashes are only candidates: the values decide.
      if (table[2 * s + 1] === h && sameRow(columns, i, j)) {
        if (count < MAX_SAMPLE_ROWS) sampleRows.push(i);
        if (!first) first = [i, j];
        count++;
        break;
      }
      s = (s + 1) & mask;
    }
  }
  return { count, sampleRows, first };
}

/** The `duplicate-rows` check. */
export const duplicateRowsCheck: TableCheckDescriptor = {
  id: 'duplicate-rows',
  title: 'Duplicate rows',
  appliesTo: 'dataset',
  run(ctx): Finding[] {
    const { count, sampleRows, first } = findDuplicateRows(ctx.columns, ctx.rowCount);
    if (count === 0 || !first) return [];
    const share = count / ctx.rowCount;
    return [
      {
        check: 'duplicate-rows',
        severity: share >= DUPLICATE_ERROR_SHARE ? 'error' : 'warning',
        title: `${count} row${count === 1 ? ' repeats' : 's repeat'} an earlier row exactly (${percent(share)} of rows)`,
        explanation:
          'Exact copies give some examples more weight than others and, when copies land in both the training and the test split, make test scores look better than they will be in use. ' +
          `Remove them unless repeats are genuine (two identical purchases). For example, row ${first[0]} repeats row ${first[1]}; the sample rows are the repeats.`,
        count,
        sampleRows,
        details: { share, firstRepeat: first[0], firstOriginal: first[1] },
      },
    ];
  },
};
