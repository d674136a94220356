/**
 * A streaming, quote-aware scanner for delimited text that accepts chunks of any size.
 *
 * It follows exactly the rules of {@link scanRecords} + papaparse that `parseDelimited` applies
 * to a whole file (TYPING.md §1): a field is quoted only if its first character is `"`; `""`
 * inside quotes is one `"`; only whitespace may follow a closing quote; a `"` elsewhere is a
 * literal; `\r\n`, `\r` and `\n` each end a record (a `\r\n` split between two chunks is one
 * break); completely empty records are skipped but counted as lines. Because its state (inside
 * quotes, after a `\r`, the partial field) is carried from chunk to chunk, any split of the same
 * text gives the same records (RELIABILITY.md P6).
 *
 * For speed it does not allocate a string per field: each chunk yields a {@link RecordBatch} of
 * complete records whose fields are ranges into the chunk text. Only fields that span a chunk
 * boundary or contain `""` become strings. A batch is valid until the next call.
 */
import { POW10, decimalValue } from './fast-number';

/**
 * Complete records scanned from one chunk. Field `f` is `text.slice(fieldStart[f],
 * fieldEnd[f])`, or `strings[-fieldStart[f] - 1]` when `fieldStart[f] < 0`. Record `r` owns
 * fields `recordEnd[r - 1]` (0 for the first) up to `recordEnd[r]`, and starts on source line
 * `recordLine[r]`.
 */
export interface RecordBatch {
  text: string;
  fieldStart: Int32Array;
  fieldEnd: Int32Array;
  /**
   * The field's value when it is a plain decimal (`[+-]digits[.digits]`, nothing else, not
   * quoted, inside this chunk, finite), computed exactly while scanning; NaN otherwise.
   */
  fieldNumber: Float64Array;
  /** For fields with a `fieldNumber`: {@link NUM_MINUS} | {@link NUM_PLUS} | ... bits. */
  fieldFlags: Uint8Array;
  strings: string[];
  recordEnd: Int32Array;
  recordLine: Int32Array;
  /** Number of records in the batch. */
  records: number;
  /** Number of fields in the batch. */
  fields: number;
}

/** A structural problem found by {@link DelimitedScanner}. */
export interface StreamProblem {
  kind: 'unterminated-quote' | 'text-after-quote' | 'field-too-long';
  /** 1-based source line (for an unclosed quote: where it opened). */
  line: number;
  /** 0-based index among the non-blank records (the header included). */
  record: number;
  /** 0-based field index within the record. */
  field: number;
  /** A short excerpt of the offending text. */
  excerpt: string;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const AFTER_QUOTE = 3;
/** Inside quotes, a `"` was the last character of a chunk: `""` or a closing quote? */
const QUOTE_PENDING = 4;

/** `fieldFlags` bit: the number has a leading `-`. */
export const NUM_MINUS = 1;
/** `fieldFlags` bit: the number has a leading `+`. */
export const NUM_PLUS = 2;
/** `fieldFlags` bit: the number has a `.`. */
export const NUM_DOT = 4;
/** `fieldFlags` bit: the integer part has more than one digit and starts with `0`. */
export const NUM_LEADING_ZERO = 8;
/** `fieldFlags` bit: more than 15 digits (read with `Number`, may not be a safe integer). */
export const NUM_LONG = 16;

/** Characters of raw text kept from an opening quote, for messages. */
const EXCERPT = 40;

/** Longest single value accepted (chars): beyond this an unclosed quote is the likely cause. */
export const MAX_FIELD_CHARS = 256 * 1024 * 1024;

/**
 * Read the value of field `f` of a batch as a string.
 * @param b the batch
 * @param f the field index
 * @returns the field text (quotes removed, not trimmed)
 * @throws never
 * @example
 * const s = new DelimitedScanner(',');
 * const b = s.push('a,b\n1,2\n');
 * fieldText(b, 3) // '2'
 */
export function fieldText(b: RecordBatch, f: number): string {
  const s = b.fieldStart[f]!;
  return s < 0 ? b.strings[-s - 1]! : b.text.slice(s, b.fieldEnd[f]!);
}

/**
 * Incremental scanner: `push` chunks, then `finish`. Each returns the records completed by it.
 * Problems (unclosed quote, text after a closing quote, a value over {@link MAX_FIELD_CHARS})
 * are reported in {@link DelimitedScanner.problem}; scanning stops there.
 * @example
 * const s = new DelimitedScanner(',');
 * s.push('a,"x\r').records        // 0 (the quoted field is still open)
 * const b = s.push('\ny"\r\n1,2');
 * b.records                       // 1: ['a', 'x\r\ny'], starting on line 1
 * s.finish().records              // 1: ['1', '2'] on line 3
 */
export class DelimitedScanner {
  /** The first structural problem; set by `push`/`finish`, after which they return nothing. */
  problem: StreamProblem | undefined;

  private readonly d: number;
  private state = FIELD_START;
  private line = 1;
  private recordLine = 1;
  /** Non-blank records completed so far. */
  private recordIndex = 0;
  /** Fields completed in the current record (its earlier fields are in `pending`). */
  private pending: string[] = [];
  /** Whether the current record has any character (blank records are skipped). */
  private nonBlank = false;
  /** The last character consumed was a `\r` (so a following `\n` belongs to it). */
  private afterCR = false;
  /** Text of the current field carried over from earlier chunks. */
  private carry: string[] = [];
  private carryChars = 0;
  private quoteLine = 1;
  private quoteExcerpt = '';
  /** Absolute offsets (in characters) of the opening quote and of the current chunk. */
  private quoteAt = 0;
  private chunkAt = 0;
  /**
   * The current chunk's bytes when they are ASCII-compatible and one byte per character of
   * `text` (then the hot loop reads bytes, which is about twice as fast as `charCodeAt`).
   */
  private bytes: Uint8Array | null = null;
  /** A closed quoted field that lies inside the current chunk: its range (start -1 = none). */
  private qs = -1;
  private qe = 0;

  private batch: RecordBatch = {
    text: '',
    fieldStart: new Int32Array(1024),
    fieldEnd: new Int32Array(1024),
    fieldNumber: new Float64Array(1024),
    fieldFlags: new Uint8Array(1024),
    strings: [],
    recordEnd: new Int32Array(256),
    recordLine: new Int32Array(256),
    records: 0,
    fields: 0,
  };

  /** @param delimiter a one-character delimiter */
  constructor(delimiter: string) {
    this.d = delimiter.charCodeAt(0);
  }

  /**
   * Scans one chunk.
   * @param text the next piece of the source (any length, any split)
   * @param bytes optionally, the same chunk as bytes with exactly one byte per character of
   *   `text` (ASCII, or a single-byte encoding); the result is the same, only faster
   * @returns the records completed in this chunk (reused by the next call)
   */
  push(text: string, bytes?: Uint8Array): RecordBatch {
    const b = this.reset(text);
    if (this.problem) return b;
    this.bytes = bytes && bytes.length === text.length ? bytes : null;
    this.scan(text);
    this.bytes = null;
    this.chunkAt += text.length;
    this.suspend(text);
    return b;
  }

  /** Whether the text so far ends exactly at a record boundary, outside quotes, nothing open. */
  get atRecordStart(): boolean {
    return (
      !this.problem &&
      this.state === FIELD_START &&
      this.carry.length === 0 &&
      this.pending.length === 0 &&
      !this.nonBlank &&
      !this.afterCR &&
      this.qs < 0
    );
  }

  /**
   * Ends the input: completes the last record, or reports an unclosed quote.
   * @returns the last record, if any
   */
  finish(): RecordBatch {
    const b = this.reset('');
    if (this.problem) return b;
    const st = this.state;
    if (st === QUOTED) {
      this.problem = {
        kind: 'unterminated-quote',
        line: this.quoteLine,
        record: this.recordIndex,
        field: this.currentFields(),
        excerpt: this.quoteExcerpt,
      };
      return b;
    }
    if (this.nonBlank || this.pending.length > 0) {
      // QUOTE_PENDING at the end means the `"` closed the field.
      if (st === UNQUOTED || st === AFTER_QUOTE || st === QUOTE_PENDING) this.emitValue();
      else this.emitString('');
      this.endRecord();
    }
    return b;
  }

  private reset(text: string): RecordBatch {
    const b = this.batch;
    b.text = text;
    b.records = 0;
    b.fields = 0;
    b.strings.length = 0;
    for (const s of this.pending) this.emitString(s);
    this.pending.length = 0;
    return b;
  }

  /** Moves the fields of the unfinished record out of the batch (their text is the chunk's). */
  private suspend(text: string): void {
    const b = this.batch;
    const first = b.records === 0 ? 0 : b.recordEnd[b.records - 1]!;
    for (let f = first; f < b.fields; f++) {
      const s = b.fieldStart[f]!;
      this.pending.push(s < 0 ? b.strings[-s - 1]! : text.slice(s, b.fieldEnd[f]!));
    }
    b.fields = first;
  }

  private emitRange(s: number, e: number): void {
    this.emitNumber(s, e, NaN, 0);
  }

  private emitNumber(s: number, e: number, x: number, flags: number): void {
    const b = this.batch;
    const f = b.fields;
    if (f === b.fieldStart.length) this.growFields();
    b.fieldStart[f] = s;
    b.fieldEnd[f] = e;
    b.fieldNumber[f] = x;
    b.fieldFlags[f] = flags;
    b.fields = f + 1;
  }

  private emitString(value: string): void {
    const b = this.batch;
    b.strings.push(value);
    this.emitRange(-b.strings.length, 0);
  }

  /** Emits the field just completed: the closed quoted range, or the carried text. */
  private emitValue(): void {
    if (this.qs >= 0) {
      this.emitRange(this.qs, this.qe);
      this.qs = -1;
    } else this.emitCarry();
  }

  private emitCarry(): void {
    const v = this.carry.length === 1 ? this.carry[0]! : this.carry.join('');
    this.carry.length = 0;
    this.carryChars = 0;
    this.emitString(v);
  }

  private addCarry(piece: string): boolean {
    this.carry.push(piece);
    this.carryChars += piece.length;
    if (this.carryChars > MAX_FIELD_CHARS) {
      this.problem = {
        kind: 'field-too-long',
        line: this.recordLine,
        record: this.recordIndex,
        field: this.currentFields(),
        excerpt: (this.carry[0] ?? '').slice(0, 30),
      };
      return false;
    }
    return true;
  }

  private endRecord(): void {
    const b = this.batch;
    const r = b.records;
    if (r === b.recordEnd.length) {
      b.recordEnd = grow(b.recordEnd);
      b.recordLine = grow(b.recordLine);
    }
    b.recordEnd[r] = b.fields;
    b.recordLine[r] = this.recordLine;
    b.records = r + 1;
    this.recordIndex++;
    this.nonBlank = false;
    this.state = FIELD_START;
  }

  private growFields(): void {
    const b = this.batch;
    b.fieldStart = grow(b.fieldStart);
    b.fieldEnd = grow(b.fieldEnd);
    const x = new Float64Array(b.fieldNumber.length * 2);
    x.set(b.fieldNumber);
    b.fieldNumber = x;
    const g = new Uint8Array(b.fieldFlags.length * 2);
    g.set(b.fieldFlags);
    b.fieldFlags = g;
  }

  /** The state machine over one chunk; see the class comment for the rules. */
  private scan(t: string): void {
    const n = t.length;
    const d = this.d;
    if (n === 0) return;
    let i = 0;
    let state = this.state;
    let segStart = 0;
    // A `\r\n` split across chunks: the `\n` belongs to the `\r` already counted (inside
    // quotes it stays part of the value, so the segment still starts at 0).
    if (state !== FIELD_START && state !== UNQUOTED && this.quoteExcerpt.length < EXCERPT) {
      // The excerpt is the raw text from the opening quote, whatever the chunking.
      this.quoteExcerpt += t.slice(0, EXCERPT - this.quoteExcerpt.length);
    }
    if (this.afterCR && t.charCodeAt(0) === LF) {
      i = 1;
      if (state !== QUOTED) segStart = 1;
    }
    this.afterCR = false;

    while (i < n) {
      if (state === FIELD_START) {
        const c = t.charCodeAt(i);
        if (c !== QUOTE && this.carry.length === 0) {
          i = this.bytes ? this.fastFieldsBytes(this.bytes, t, i) : this.fastFields(t, i);
          state = this.state;
          segStart = i;
          continue;
        }
        if (c === QUOTE) {
          this.nonBlank = true;
          state = QUOTED;
          this.quoteLine = this.line;
          this.quoteExcerpt = t.slice(i, i + EXCERPT);
          this.quoteAt = this.chunkAt + i;
          i++;
          segStart = i;
          continue;
        }
        segStart = i;
        state = UNQUOTED;
      }
      if (state === UNQUOTED) {
        // The hot loop: only three characters matter outside quotes. A field that starts here
        // is first read as a plain decimal (Clinger's fast path: at most 15 digits, so the
        // mantissa and 10^frac are exact and one division rounds correctly, giving exactly
        // Number(text)); anything else falls through to the plain scan.
        let j = i;
        let c = 0;
        let x = NaN;
        let flags = 0;
        if (j === segStart && this.carry.length === 0) {
          c = t.charCodeAt(j);
          if (c === 45 || c === 43) {
            flags = c === 45 ? NUM_MINUS : NUM_PLUS;
            c = ++j < n ? t.charCodeAt(j) : -1;
          }
          const first = j;
          let m = 0;
          let digits = 0;
          while (c >= 48 && c <= 57) {
            m = m * 10 + (c - 48);
            digits++;
            c = ++j < n ? t.charCodeAt(j) : -1;
          }
          if (digits > 1 && t.charCodeAt(first) === 48) flags |= NUM_LEADING_ZERO;
          let frac = 0;
          if (c === 46) {
            flags |= NUM_DOT;
            c = ++j < n ? t.charCodeAt(j) : -1;
            while (c >= 48 && c <= 57) {
              m = m * 10 + (c - 48);
              frac++;
              c = ++j < n ? t.charCodeAt(j) : -1;
            }
          }
          digits += frac;
          if ((c === d || c === LF || c === CR) && digits > 0 && digits <= 15) {
            x = frac === 0 ? m : m / POW10[frac]!;
            if (flags & NUM_MINUS) x = -x;
          }
        }
        while (j < n) {
          c = t.charCodeAt(j);
          if (c === d || c === LF || c === CR) break;
          j++;
        }
        if (j === n) {
          i = j;
          if (j > segStart) this.nonBlank = true;
          break;
        }
        if (j > segStart) this.nonBlank = true;
        if (this.carry.length > 0) {
          if (!this.carryPiece(t, segStart, j)) return;
          this.emitCarry();
        } else this.emitNumber(segStart, j, x, flags);
        if (c === d) {
          this.nonBlank = true;
          state = FIELD_START;
          i = j + 1;
          // A delimiter at the very end of a chunk still opens a (possibly empty) field.
          segStart = i;
          continue;
        }
        i = this.lineBreak(t, j, c);
        state = FIELD_START;
        if (this.nonBlank) this.endRecord();
        else this.batch.fields--;
        this.recordLine = this.line;
        segStart = i;
        continue;
      }
      if (state === QUOTED) {
        const c = t.charCodeAt(i);
        if (c === QUOTE) {
          if (i + 1 === n) {
            if (!this.carryPiece(t, segStart, i)) return;
            state = QUOTE_PENDING;
            i++;
            break;
          }
          if (t.charCodeAt(i + 1) === QUOTE) {
            if (!this.carryPiece(t, segStart, i + 1)) return;
            i += 2;
            segStart = i;
            continue;
          }
          if (this.carry.length === 0) {
            this.qs = segStart;
            this.qe = i;
          } else if (!this.carryPiece(t, segStart, i)) return;
          state = AFTER_QUOTE;
          i++;
          continue;
        }
        if (c === CR) {
          this.line++;
          if (i + 1 < n && t.charCodeAt(i + 1) === LF) i += 2;
          else {
            i++;
            if (i === n) this.afterCR = true;
          }
          continue;
        }
        if (c === LF) this.line++;
        i++;
        continue;
      }
      if (state === QUOTE_PENDING) {
        // The `"` that ended the previous chunk: doubled (a literal quote) or closing.
        if (t.charCodeAt(i) === QUOTE) {
          if (!this.addCarry('"')) return;
          state = QUOTED;
          i++;
          segStart = i;
        } else state = AFTER_QUOTE;
        continue;
      }
      // AFTER_QUOTE
      const c = t.charCodeAt(i);
      if (c === d) {
        this.emitValue();
        state = FIELD_START;
        i++;
        segStart = i;
        continue;
      }
      if (c === LF || c === CR) {
        this.emitValue();
        i = this.lineBreak(t, i, c);
        this.endRecord();
        state = FIELD_START;
        this.recordLine = this.line;
        segStart = i;
        continue;
      }
      if (t[i]!.trim() !== '') {
        this.problem = {
          kind: 'text-after-quote',
          line: this.line,
          record: this.recordIndex,
          field: this.currentFields(),
          // Up to the offending character, so the excerpt does not depend on the chunking.
          excerpt: this.quoteExcerpt.slice(0, this.chunkAt + i + 1 - this.quoteAt),
        };
        this.state = state;
        return;
      }
      i++;
    }
    this.state = state;
    if ((state === UNQUOTED || state === QUOTED) && segStart < n) this.carryPiece(t, segStart, n);
    else if (state === AFTER_QUOTE && this.qs >= 0) {
      // The closed quoted value refers to this chunk's text: keep a copy for the next one.
      this.carry.push(t.slice(this.qs, this.qe));
      this.carryChars = this.qe - this.qs;
      this.qs = -1;
    }
  }

  /**
   * The common case, kept small and allocation-free so it compiles tight: consecutive unquoted
   * fields from `i` (a field start, nothing carried). Stops at a `"` that opens a field (returns
   * its index, state FIELD_START) or at the end of the chunk (the partial field is carried, state
   * UNQUOTED; returns `t.length`).
   */
  private fastFields(t: string, i: number): number {
    const n = t.length;
    const d = this.d;
    const b = this.batch;
    let fs = b.fieldStart;
    let fe = b.fieldEnd;
    let fnum = b.fieldNumber;
    let ff = b.fieldFlags;
    let nf = b.fields;
    let nonBlank = this.nonBlank;
    let line = this.line;
    while (i < n) {
      let j = i;
      let c = t.charCodeAt(j);
      if (c === QUOTE) break;
      // A field is first read as a plain decimal (Clinger's fast path: at most 15 digits, so
      // the mantissa and 10^frac are exact and one division rounds correctly, giving exactly
      // Number(text)); anything else falls through to the plain scan.
      let flags = 0;
      let x = NaN;
      if (c === 45 || c === 43) {
        flags = c === 45 ? NUM_MINUS : NUM_PLUS;
        c = ++j < n ? t.charCodeAt(j) : -1;
      }
      const first = j;
      // The first 15 significant digits in `hi` (exact), up to 4 more in `lo` (see fast-number.ts).
      let hi = 0;
      let lo = 0;
      let sig = 0;
      let loDigits = 0;
      while (c >= 48 && c <= 57) {
        if (sig < 15) {
          hi = hi * 10 + (c - 48);
          if (hi !== 0) sig++;
        } else {
          lo = lo * 10 + (c - 48);
          loDigits++;
        }
        c = ++j < n ? t.charCodeAt(j) : -1;
      }
      let digits = j - first;
      if (digits > 1 && t.charCodeAt(first) === 48) flags |= NUM_LEADING_ZERO;
      let frac = 0;
      if (c === 46) {
        flags |= NUM_DOT;
        const dot = j;
        c = ++j < n ? t.charCodeAt(j) : -1;
        while (c >= 48 && c <= 57) {
          if (sig < 15) {
            hi = hi * 10 + (c - 48);
            if (hi !== 0) sig++;
          } else {
            lo = lo * 10 + (c - 48);
            loDigits++;
          }
          c = ++j < n ? t.charCodeAt(j) : -1;
        }
        frac = j - dot - 1;
      }
      digits += frac;
      if (c === d || c === LF || c === CR) {
        if (digits > 0) {
          x = loDigits <= 4 ? decimalValue(hi, lo, loDigits, frac) : NaN;
          // Beyond the exact paths: the grammar is already checked, so Number() of the slice
          // is exactly parseNumber's value.
          if (x !== x) x = +t.slice(i, j);
          else if (flags & NUM_MINUS) x = -x;
          if (digits > 15) {
            if (x - x === 0) flags |= NUM_LONG;
            else x = NaN;
          }
        }
      } else {
        // Outside quotes only three characters matter.
        while (j < n) {
          c = t.charCodeAt(j);
          if (c === d || c === LF || c === CR) break;
          j++;
        }
      }
      if (j > i) nonBlank = true;
      if (j >= n) {
        // The field goes on in the next chunk.
        this.carryPiece(t, i, n);
        this.state = UNQUOTED;
        b.fields = nf;
        this.nonBlank = nonBlank;
        this.line = line;
        return n;
      }
      if (nf === fs.length) {
        b.fields = nf;
        this.growFields();
        fs = b.fieldStart;
        fe = b.fieldEnd;
        fnum = b.fieldNumber;
        ff = b.fieldFlags;
      }
      fs[nf] = i;
      fe[nf] = j;
      fnum[nf] = x;
      ff[nf] = flags;
      nf++;
      if (c === d) {
        nonBlank = true;
        i = j + 1;
        continue;
      }
      line++;
      i = j + 1;
      if (c === CR) {
        if (i < n) {
          if (t.charCodeAt(i) === LF) i++;
        } else this.afterCR = true;
      }
      if (nonBlank) {
        b.fields = nf;
        this.endRecord();
        nonBlank = false;
      } else nf--;
      this.recordLine = line;
    }
    b.fields = nf;
    this.nonBlank = nonBlank;
    this.line = line;
    this.state = FIELD_START;
    return i;
  }

  /** {@link fastFields} reading the chunk's bytes (one per character of `t`) instead of `t`. */
  private fastFieldsBytes(u: Uint8Array, t: string, i: number): number {
    const n = t.length;
    const d = this.d;
    const b = this.batch;
    let fs = b.fieldStart;
    let fe = b.fieldEnd;
    let fnum = b.fieldNumber;
    let ff = b.fieldFlags;
    let nf = b.fields;
    let nonBlank = this.nonBlank;
    let line = this.line;
    while (i < n) {
      let j = i;
      let c = u[j]!;
      if (c === QUOTE) break;
      // A field is first read as a plain decimal (Clinger's fast path: at most 15 digits, so
      // the mantissa and 10^frac are exact and one division rounds correctly, giving exactly
      // Number(text)); anything else falls through to the plain scan.
      let flags = 0;
      let x = NaN;
      if (c === 45 || c === 43) {
        flags = c === 45 ? NUM_MINUS : NUM_PLUS;
        c = ++j < n ? u[j]! : -1;
      }
      const first = j;
      // The first 15 significant digits in `hi` (exact), up to 4 more in `lo` (see fast-number.ts).
      let hi = 0;
      let lo = 0;
      let sig = 0;
      let loDigits = 0;
      while (c >= 48 && c <= 57) {
        if (sig < 15) {
          hi = hi * 10 + (c - 48);
          if (hi !== 0) sig++;
        } else {
          lo = lo * 10 + (c - 48);
          loDigits++;
        }
        c = ++j < n ? u[j]! : -1;
      }
      let digits = j - first;
      if (digits > 1 && u[first]! === 48) flags |= NUM_LEADING_ZERO;
      let frac = 0;
      if (c === 46) {
        flags |= NUM_DOT;
        const dot = j;
        c = ++j < n ? u[j]! : -1;
        while (c >= 48 && c <= 57) {
          if (sig < 15) {
            hi = hi * 10 + (c - 48);
            if (hi !== 0) sig++;
          } else {
            lo = lo * 10 + (c - 48);
            loDigits++;
          }
          c = ++j < n ? u[j]! : -1;
        }
        frac = j - dot - 1;
      }
      digits += frac;
      if (c === d || c === LF || c === CR) {
        if (digits > 0) {
          x = loDigits <= 4 ? decimalValue(hi, lo, loDigits, frac) : NaN;
          // Beyond the exact paths: the grammar is already checked, so Number() of the slice
          // is exactly parseNumber's value.
          if (x !== x) x = +t.slice(i, j);
          else if (flags & NUM_MINUS) x = -x;
          if (digits > 15) {
            if (x - x === 0) flags |= NUM_LONG;
            else x = NaN;
          }
        }
      } else {
        // Outside quotes only three characters matter.
        while (j < n) {
          c = u[j]!;
          if (c === d || c === LF || c === CR) break;
          j++;
        }
      }
      if (j > i) nonBlank = true;
      if (j >= n) {
        // The field goes on in the next chunk.
        this.carryPiece(t, i, n);
        this.state = UNQUOTED;
        b.fields = nf;
        this.nonBlank = nonBlank;
        this.line = line;
        return n;
      }
      if (nf === fs.length) {
        b.fields = nf;
        this.growFields();
        fs = b.fieldStart;
        fe = b.fieldEnd;
        fnum = b.fieldNumber;
        ff = b.fieldFlags;
      }
      fs[nf] = i;
      fe[nf] = j;
      fnum[nf] = x;
      ff[nf] = flags;
      nf++;
      if (c === d) {
        nonBlank = true;
        i = j + 1;
        continue;
      }
      line++;
      i = j + 1;
      if (c === CR) {
        if (i < n) {
          if (u[i]! === LF) i++;
        } else this.afterCR = true;
      }
      if (nonBlank) {
        b.fields = nf;
        this.endRecord();
        nonBlank = false;
      } else nf--;
      this.recordLine = line;
    }
    b.fields = nf;
    this.nonBlank = nonBlank;
    this.line = line;
    this.state = FIELD_START;
    return i;
  }

  private currentFields(): number {
    const b = this.batch;
    return b.fields - (b.records === 0 ? 0 : b.recordEnd[b.records - 1]!);
  }

  private carryPiece(t: string, s: number, e: number): boolean {
    if (e > s) return this.addCarry(t.slice(s, e));
    return true;
  }

  /** Consumes a line break at `i` (char `c`); returns the index after it. */
  private lineBreak(t: string, i: number, c: number): number {
    this.line++;
    if (c === CR) {
      if (i + 1 < t.length) return t.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
      this.afterCR = true;
      return i + 1;
    }
    return i + 1;
  }
}

function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
