/**
 * A quote-aware pre-scan of delimited text.
 *
 * papaparse splits fields and unescapes quotes, but it reports problems by record index only and
 * picks one line-break style for the whole file. This scan runs first so that every record knows
 * the 1-based source line it starts on, mixed `\r\n` / `\r` / `\n` breaks outside quotes are
 * normalised to `\n` (breaks inside quoted fields are kept byte for byte), and a malformed quote is
 * located before papaparse swallows the rest of the file into one field.
 *
 * The quoting rules mirror papaparse 5.7 exactly: a field is quoted only if its first character is
 * `"`; inside it `""` is a literal quote; after the closing quote only whitespace may come before
 * the delimiter or the line break. A `"` anywhere else is a literal character.
 */

/** A structural problem found by {@link scanRecords}. Lines and indices are 1-based / 0-based. */
export interface ScanProblem {
  kind: 'unterminated-quote' | 'text-after-quote';
  /** 1-based source line where the problem sits (for an unterminated quote: where it opened). */
  line: number;
  /** 0-based record index (blank records included). */
  record: number;
  /** 0-based field index within the record. */
  field: number;
  /** A short excerpt of the offending text. */
  excerpt: string;
}

/** Result of {@link scanRecords}. */
export interface RecordScan {
  /** The text with every line break outside quoted fields normalised to `\n`. */
  text: string;
  /** 1-based line on which each record starts (blank records included). */
  startLines: number[];
  /** Number of fields per record; 0 for a blank record (no characters at all). */
  fieldCounts: number[];
  /** The first structural problem, if any; scanning stops there. */
  problem?: ScanProblem;
  /** True when scanning stopped early because `maxRecords` complete records were read. */
  truncated: boolean;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  AfterQuote,
}

/**
 * Scans `text` into records without unescaping fields.
 * @param text the file content, BOM already stripped
 * @param delimiter a one-character delimiter
 * @param maxRecords stop after this many complete records (for delimiter detection)
 * @returns line numbers and field counts per record, the normalised text and the first problem
 * @throws never; problems are returned in `problem`
 * @example
 * scanRecords('a,b\r\n1,"x\r\ny"\r\n', ',').fieldCounts // [2, 2, 0]
 * scanRecords('a,b\r\n1,"x\r\ny"\r\n', ',').startLines  // [1, 2, 4]
 */
export function scanRecords(text: string, delimiter: string, maxRecords = Infinity): RecordScan {
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  const startLines: number[] = [1];
  const fieldCounts: number[] = [];
  const pieces: string[] = [];
  let copiedUpTo = 0;
  let line = 1;
  let state = State.FieldStart;
  let fields = 1;
  let empty = true;
  let quoteLine = 1;
  let quoteAt = 0;
  let problem: ScanProblem | undefined;
  let truncated = false;

  const endRecord = (): void => {
    fieldCounts.push(empty ? 0 : fields);
    line++;
    startLines.push(line);
    state = State.FieldStart;
    fields = 1;
    empty = true;
  };

  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (state === State.Quoted) {
      if (c === QUOTE) {
        if (text.charCodeAt(i + 1) === QUOTE) i += 2;
        else {
          state = State.AfterQuote;
          i++;
        }
        continue;
      }
      if (c === CR) {
        line++;
        i += text.charCodeAt(i + 1) === LF ? 2 : 1;
        continue;
      }
      if (c === LF) line++;
      i++;
      continue;
    }
    if (c === CR || c === LF) {
      if (c === CR) {
        // Outside quotes every break becomes '\n' so papaparse sees one line-break style.
        pieces.push(text.slice(copiedUpTo, i), '\n');
        i += text.charCodeAt(i + 1) === LF ? 2 : 1;
        copiedUpTo = i;
      } else i++;
      endRecord();
      if (fieldCounts.length >= maxRecords) {
        truncated = i < n;
        break;
      }
      continue;
    }
    empty = false;
    if (c === d) {
      fields++;
      state = State.FieldStart;
    } else if (state === State.FieldStart) {
      if (c === QUOTE) {
        state = State.Quoted;
        quoteLine = line;
        quoteAt = i;
      } else state = State.Unquoted;
    } else if (state === State.AfterQuote && text[i]!.trim() !== '') {
      problem = {
        kind: 'text-after-quote',
        line,
        record: fieldCounts.length,
        field: fields - 1,
        excerpt: text.slice(quoteAt, Math.min(i + 10, n)),
      };
      break;
    }
    i++;
  }

  if (!problem && !truncated && i >= n) {
    if (state === State.Quoted) {
      problem = {
        kind: 'unterminated-quote',
        line: quoteLine,
        record: fieldCounts.length,
        field: fields - 1,
        excerpt: text.slice(quoteAt, quoteAt + 30),
      };
    } else {
      // The last record has no line break after it (or is the blank one after a final break).
      fieldCounts.push(empty ? 0 : fields);
    }
  }
  if (startLines.length > fieldCounts.length) startLines.length = fieldCounts.length;
  const normalised = pieces.length === 0 ? text : pieces.join('') + text.slice(copiedUpTo);
  const scan: RecordScan = { text: normalised, startLines, fieldCounts, truncated };
  if (problem) scan.problem = problem;
  return scan;
}
