/** Shared helpers for the streaming-import unit tests. */
import { buildColumns, type ColumnTable } from '../../../src/lib/data/columns';
import { DelimitedTableBuilder, type StreamedTable } from '../../../src/lib/data/delimited-table';
import type { Delimiter } from '../../../src/lib/data/detect-delimiter';
import { parseDelimited } from '../../../src/lib/data/parse-delimited';
import type { Rng } from '../../../src/lib/stats/rng';

/** Splits text into pieces of random sizes in [1, max]. */
export function randomChunks(text: string, rng: Rng, max = 20): string[] {
  const out: string[] = [];
  for (let p = 0; p < text.length;) {
    const n = 1 + rng.int(max);
    out.push(text.slice(p, p + n));
    p += n;
  }
  return out;
}

/** Streams chunks through a DelimitedTableBuilder, with a second pass when columns were contradicted. */
export function streamTable(
  chunks: readonly string[],
  options: { delimiter?: Delimiter; sampleSize?: number; hasHeader?: boolean } = {},
): StreamedTable & { passes: number } {
  const run = (lossless?: Set<number>): StreamedTable => {
    const t = new DelimitedTableBuilder({
      fileName: 'f.csv',
      delimiter: options.delimiter ?? ',',
      ...(options.sampleSize ? { sampleSize: options.sampleSize } : {}),
      ...(options.hasHeader === false ? { hasHeader: false } : {}),
      ...(lossless ? { lossless } : {}),
    });
    for (const c of chunks) t.push(c);
    return t.finish();
  };
  const first = run();
  if (first.contradicted.length === 0) return { ...first, passes: 1 };
  return { ...run(new Set(first.contradicted)), passes: 2 };
}

/** The reference: `buildColumns(parseDelimited(text))`. */
export function referenceTable(text: string, delimiter: Delimiter = ','): ColumnTable {
  return buildColumns(parseDelimited(text, { fileName: 'f.csv', delimiter }));
}

/** Runs `fn` and returns what it threw (or undefined). */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
}

/** Compares two tables value by value (NaN equal to NaN, -0 distinct from 0). */
export function sameTable(a: ColumnTable, b: ColumnTable): boolean {
  if (JSON.stringify(a.schema) !== JSON.stringify(b.schema)) return false;
  return a.columns.every((c, j) => {
    const d = b.columns[j]!;
    if (c.constructor !== d.constructor || c.length !== d.length) return false;
    for (let i = 0; i < c.length; i++) if (!Object.is(c[i], d[i])) return false;
    return true;
  });
}
