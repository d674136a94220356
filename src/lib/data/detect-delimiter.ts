import { scanRecords } from './scan-records';

/** The delimiters Benchtop reads. */
export type Delimiter = ',' | '\t' | ';' | '|';

/** Candidates in tie-break order: the first wins when two fit equally well. */
export const DELIMITERS: readonly Delimiter[] = [',', '\t', ';', '|'];

/** How much text is sampled, and how many records, to guess the delimiter. */
const SAMPLE_CHARS = 64 * 1024;
const SAMPLE_RECORDS = 50;

/**
 * Guesses the delimiter of delimited text.
 *
 * Each candidate is scanned quote-aware over the first 50 records (at most 64 KiB). A candidate
 * whose header splits into fewer than 2 fields, or that leaves text after a closing quote, is out.
 * Of the rest, the one whose non-blank records most often have the header's field count wins;
 * ties go to more fields, then to the order `,` `\t` `;` `|`. When no candidate splits the header,
 * the file is read as one column and `,` is returned.
 * @param text the file content (BOM already stripped)
 * @returns the delimiter
 * @throws never
 * @example
 * detectDelimiter('a;b\n1,5;2\n') // ';'
 * detectDelimiter('name\nAda\n')  // ','
 */
export function detectDelimiter(text: string): Delimiter {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  const cut = sample.length < text.length;
  let best: Delimiter = ',';
  let bestScore = -1;
  let bestFields = 0;
  for (const d of DELIMITERS) {
    const scan = scanRecords(sample, d, SAMPLE_RECORDS);
    if (scan.problem?.kind === 'text-after-quote') continue;
    let counts = scan.fieldCounts.filter((c) => c > 0);
    // A sample cut mid-file may end in a partial record; it says nothing about the delimiter.
    if (cut && !scan.truncated && counts.length > 1) counts = counts.slice(0, -1);
    const header = counts[0] ?? 0;
    if (header < 2) continue;
    const score = counts.filter((c) => c === header).length / counts.length;
    if (score > bestScore || (score === bestScore && header > bestFields)) {
      best = d;
      bestScore = score;
      bestFields = header;
    }
  }
  return best;
}
