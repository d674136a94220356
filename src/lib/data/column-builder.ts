/**
 * Incremental, typed column building: the streaming counterpart of `inferColumn` +
 * `buildColumns` for one column, fed one cell at a time.
 *
 * The first `sampleSize` cells are kept as text; from them a storage mode is chosen:
 *
 * - `number`: every sampled value is a decimal number (and not a zero-padded code). Cells are
 *   parsed straight into a Float64Array (a char-code fast path for plain decimals, exact by
 *   Clinger's fast path, else {@link parseNumber}); what decides number vs integer vs row-number
 *   id at the end (all integers? min, max, missing, zero-padding, canonical digits) is tracked.
 * - `datetime`: every sampled value is an ISO date; cells are parsed with {@link parseDatetime}.
 * - `dict`: anything else. Cells are kept losslessly as a dictionary of trimmed texts plus codes;
 *   the final type is decided at the end by the rules of `inferColumn` over the dictionary, and
 *   the codes are re-encoded if that type is numeric or boolean.
 *
 * A later cell that contradicts a `number`/`datetime` mode (e.g. `n/a?` in a numeric column)
 * marks the column {@link ColumnBuilder.contradicted}: its earlier text is gone, so the caller
 * reads the source again with that column in `dict` mode (see IMPORT.md). Values are never
 * turned into NaN silently and never lost. With a user-chosen type, a cell that does not fit is
 * reported to the caller (which raises a `DataError` naming the cell).
 */
import type { ColumnSchema, ColumnType } from '../contracts/entities';
import { dictionaryKey, encodingOf, type Column } from './columns';
import {
  NUM_DOT,
  NUM_LEADING_ZERO,
  NUM_LONG,
  NUM_MINUS,
  NUM_PLUS,
  fieldText,
  type RecordBatch,
} from './delimited-stream';
import {
  CATEGORY_MAX_DISTINCT,
  CATEGORY_MAX_SHARE,
  ID_MIN_ROWS,
  ID_MIN_UNIQUE_SHARE,
} from './infer-type';
import { isMissing, parseBoolean, parseDatetime, parseInteger, parseNumber } from './parse-value';

/**
 * The state of a {@link ColumnBuilder} that read a later part of the rows (another worker, a
 * byte range starting at a record boundary), to be merged into the builder of the part before
 * it ({@link ColumnBuilder.mergePart}). Plain data and typed arrays: it can be posted between
 * workers (transfer the buffers of `f64`/`i32`).
 */
export interface ColumnPart {
  mode: number;
  /** For a contradicted part: the mode it was in when contradicted. */
  deadMode: number;
  rows: number;
  missing: number;
  /** SAMPLE: the raw texts, still to be typed. */
  sample: string[];
  /** The values in blocks, in order (not joined: the receiver joins them once, at its end). */
  f64: Float64Array[] | null;
  i32: Int32Array[] | null;
  allInt: boolean;
  min: number;
  max: number;
  padWidth: number;
  padCandidate: boolean;
  leadingZero: boolean;
  canonical: boolean;
  dictionary: string[];
  hasSpace: boolean;
}

/** A finished column: its schema entry and its values. */
export interface BuiltColumn {
  schema: ColumnSchema;
  values: Column;
}

/** Options of {@link ColumnBuilder}. */
export interface ColumnBuilderOptions {
  /** A user-chosen type: no inference; cells that do not fit are refused. */
  type?: ColumnType;
  /** Keep the column as text from the first cell (the second pass after a contradiction). */
  lossless?: boolean;
  /** Cells sampled before the storage mode is chosen (default 4,096). */
  sampleSize?: number;
}

const SAMPLE = 0;
const NUMBER = 1;
const DATETIME = 2;
const DICT = 3;
/** A user-chosen f64 type (number, integer, datetime). */
const TYPED_F64 = 4;
/** A user-chosen dict type (boolean, category, text, id). */
const TYPED_DICT = 5;
/** Contradicted: cells are only counted until the second pass. */
const DEAD = 6;

/**
 * Values per storage block: the first is small (10,000 one-row columns must not take 5 GB),
 * each next one twice as big up to the largest; blocks are concatenated once at the end.
 */
const FIRST_BLOCK = 256;
const BLOCK = 65_536;

const NUMERIC_PARSERS: Partial<Record<ColumnType, (t: string) => number | null | 'invalid'>> = {
  number: parseNumber,
  integer: parseInteger,
  datetime: parseDatetime,
};

const DIGITS = /^\d+$/;
const CANONICAL_INT = /^-?(?:0|[1-9]\d*)$/;
const SPACE = /\s/;

/**
 * Builds one column from a stream of cells; see the module comment for the modes.
 * @example
 * const b = new ColumnBuilder('x', { sampleSize: 2 });
 * for (const v of ['1', '2.5', 'NA']) b.add(v, 0, v.length);
 * b.finish() // { schema: { name: 'x', type: 'number', encoding: 'f64', missing: 1 },
 * //            values: Float64Array [1, 2.5, NaN] }
 */
export class ColumnBuilder {
  /** Set when a cell contradicted the sampled mode; {@link finish} then throws. */
  contradicted = false;
  /** Cells added so far. */
  rows = 0;

  private mode = SAMPLE;
  private deadMode = SAMPLE;
  private readonly name: string;
  private readonly type: ColumnType | undefined;
  private readonly sampleSize: number;
  private readonly parseTyped: ((t: string) => number | null | 'invalid') | undefined;
  private sample: string[] = [];
  /**
   * For each sampled cell, the scanner's value when it read the cell as a plain decimal (then
   * `parseNumber` would give exactly that), else NaN; and its `NUM_*` flags.
   */
  private sampleX: number[] = [];
  private sampleFlags: number[] = [];

  private f64: Float64Array[] = [];
  private i32: Int32Array[] = [];
  // Two fields rather than one union-typed field keep the element stores monomorphic.
  private f64Block = new Float64Array(0);
  private i32Block = new Int32Array(0);
  private used = 0;
  private missing = 0;

  // number mode: what decides number / integer / id at the end
  private allInt = true;
  private min = Infinity;
  private max = -Infinity;
  private padWidth = -1;
  private padCandidate = true;
  private leadingZero = false;
  private canonical = true;

  // dict modes
  private index = new Map<string, number>();
  private dictionary: string[] = [];
  private hasSpace = false;

  /**
   * @param name the column name (for the schema)
   * @param options see {@link ColumnBuilderOptions}
   */
  constructor(name: string, options: ColumnBuilderOptions = {}) {
    this.name = name;
    this.type = options.type;
    this.sampleSize = Math.max(1, options.sampleSize ?? 4096);
    if (options.type) {
      this.parseTyped = NUMERIC_PARSERS[options.type];
      this.start(this.parseTyped ? TYPED_F64 : TYPED_DICT);
    } else if (options.lossless) this.start(DICT);
  }

  /**
   * Adds `missing` cells (absent keys in JSON records).
   * @param count how many
   */
  addMissing(count: number): void {
    for (let k = 0; k < count; k++) this.add('', 0, 0);
  }

  /**
   * Adds the cell `text.slice(s, e)`.
   * @param text the text holding the cell
   * @param s start index
   * @param e end index
   * @returns false when a user-chosen type does not fit the cell (nothing is added then)
   */
  add(text: string, s: number, e: number): boolean {
    switch (this.mode) {
      case NUMBER:
        this.addNumber(text, s, e);
        return true;
      case DICT:
        this.addDict(text, s, e);
        return true;
      case SAMPLE:
        this.addSample(text.slice(s, e), NaN, 0);
        return true;
      case DATETIME:
        this.addDatetime(text.slice(s, e));
        return true;
      case TYPED_F64:
        return this.addTypedF64(text.slice(s, e));
      case TYPED_DICT:
        return this.addTypedDict(text.slice(s, e));
      default:
        this.rows++;
        return true;
    }
  }

  /**
   * Adds field `j` of `count` consecutive records of a delimited batch, each `width` fields
   * wide, the first at field `f0`.
   * @param b the batch
   * @param f0 index of field 0 of the first record
   * @param width fields per record
   * @param j the column
   * @param count number of records
   * @returns -1, or the 0-based record (of these) whose cell does not fit a user-chosen type
   */
  addFields(b: RecordBatch, f0: number, width: number, j: number, count: number): number {
    let k = 0;
    for (let f = f0 + j; k < count && this.mode === SAMPLE; k++, f += width) {
      // Sampled with the scanner's reading, so choosing the mode need not parse it again.
      this.addSample(fieldText(b, f), b.fieldNumber[f]!, b.fieldFlags[f]!);
    }
    while (k < count && this.mode === NUMBER) {
      k = this.numberRun(b, f0 + j, width, k, count);
      if (k < count) {
        // A cell the scanner did not read as a plain decimal (spaces, exponent, NA, quotes...).
        this.addNumberSlow(fieldText(b, f0 + j + k * width));
        k++;
      }
    }
    for (let f = f0 + j + k * width; k < count; k++, f += width) {
      const s = b.fieldStart[f]!;
      const ok = s >= 0 ? this.add(b.text, s, b.fieldEnd[f]!) : this.addString(b.strings[-s - 1]!);
      if (!ok) return k;
    }
    return -1;
  }

  /**
   * The hot loop of a numeric import: cells `k0`.. of column field `fj` that the scanner already
   * read as plain decimals. State lives in locals (doubles passed to calls or stored on `this`
   * per cell would be boxed). Returns the first cell it could not take.
   */
  private numberRun(b: RecordBatch, fj: number, width: number, k0: number, count: number): number {
    const nums = b.fieldNumber;
    const flags = b.fieldFlags;
    let block = this.f64Block;
    let used = this.used;
    let min = this.min;
    let max = this.max;
    let allInt = this.allInt;
    let canonical = this.canonical;
    let pad = this.padCandidate;
    let k = k0;
    for (let f = fj + k * width; k < count; k++, f += width) {
      let x = nums[f]!;
      if (x !== x) break;
      const fl = flags[f]!;
      if (x === 0) x = 0;
      if (pad) pad = this.padStep(fl, b.fieldEnd[f]! - b.fieldStart[f]!, b.text, b.fieldStart[f]!);
      if (fl !== 0 && allInt) {
        if (fl & (NUM_DOT | NUM_LONG) && !Number.isSafeInteger(x)) allInt = false;
        else if (fl & (NUM_PLUS | NUM_DOT | NUM_LEADING_ZERO) || (fl & NUM_MINUS && x === 0)) {
          canonical = false;
        }
      }
      if (x < min) min = x;
      if (x > max) max = x;
      if (used === block.length) {
        this.f64.push(block);
        block = new Float64Array(Math.min(BLOCK, 2 * block.length));
        used = 0;
      }
      block[used++] = x;
    }
    this.f64Block = block;
    this.used = used;
    this.rows += k - k0;
    this.min = min;
    this.max = max;
    this.allInt = allInt;
    this.canonical = canonical;
    this.padCandidate = pad;
    return k;
  }

  private addSample(text: string, x: number, flags: number): void {
    this.sample.push(text);
    this.sampleX.push(x);
    this.sampleFlags.push(flags);
    this.rows++;
    if (this.sample.length >= this.sampleSize) this.choose();
  }

  private addString(v: string): boolean {
    return this.add(v, 0, v.length);
  }

  /**
   * Ends the column.
   * @returns the schema entry and the values, exactly as `buildColumns` would give them
   * @throws Error when {@link contradicted} (the caller must read the column again losslessly)
   */
  finish(): BuiltColumn {
    if (this.contradicted) throw new Error(`internal: column ${this.name} needs a second pass`);
    if (this.mode === SAMPLE) this.choose();
    const rows = this.rows;
    if (this.mode === NUMBER) return this.finishNumber(rows);
    if (this.mode === DATETIME || this.mode === TYPED_F64) {
      const type = this.mode === DATETIME ? 'datetime' : this.type!;
      return this.column(type, this.concatF64(rows));
    }
    const codes = this.concatI32(rows);
    if (this.mode === TYPED_DICT) return this.column(this.type!, codes, this.dictionary);
    return this.finishDict(codes);
  }

  // ---------------------------------------------------------------- parts (two workers)

  /**
   * This builder's state as a {@link ColumnPart} (it must have read a later part of the rows,
   * with the same options as the builder it will be merged into). The builder is spent.
   * @returns the part
   */
  exportPart(): ColumnPart {
    const numeric = this.mode !== DICT && this.mode !== TYPED_DICT;
    return {
      mode: this.mode,
      deadMode: this.deadMode,
      rows: this.rows,
      missing: this.missing,
      sample: this.sample,
      f64: this.mode !== SAMPLE && this.mode !== DEAD && numeric ? this.blocksF64() : null,
      i32: this.mode !== SAMPLE && this.mode !== DEAD && !numeric ? this.blocksI32() : null,
      allInt: this.allInt,
      min: this.min,
      max: this.max,
      padWidth: this.padWidth,
      padCandidate: this.padCandidate,
      leadingZero: this.leadingZero,
      canonical: this.canonical,
      dictionary: this.dictionary,
      hasSpace: this.hasSpace,
    };
  }

  /**
   * Whether {@link mergePart} can take `p`: it is still sampling, or it is in this builder's
   * mode (a contradicted part: was in it), or this builder is contradicted anyway.
   * @param p the part
   * @returns whether it can be merged
   */
  canMerge(p: ColumnPart): boolean {
    if (p.mode === SAMPLE || this.mode === DEAD) return true;
    if (p.mode === DEAD) return p.deadMode === this.mode;
    return p.mode === this.mode && this.mode !== SAMPLE;
  }

  /**
   * Appends a part read after this builder's rows, exactly as if its cells had been added here
   * one by one (its mode was chosen from its own first cells; where that is this builder's mode
   * the one-pass result is the same, see IMPORT.md §2).
   * @param p the part ({@link exportPart} of a builder with the same options); {@link canMerge}
   * @throws Error when it cannot be merged
   */
  mergePart(p: ColumnPart): void {
    if (!this.canMerge(p)) throw new Error(`internal: column ${this.name}: parts do not match`);
    const mode = this.mode;
    if (p.mode === SAMPLE) {
      // Its cells are still text: add them here, which is exactly the one-pass behaviour.
      for (const v of p.sample) this.add(v, 0, v.length);
      return;
    }
    if (mode === DEAD) {
      this.rows += p.rows;
      return;
    }
    if (p.mode === DEAD) {
      // The same cell would have contradicted this builder's (same) mode.
      this.rows += p.rows;
      this.contradict();
      return;
    }
    if (mode === NUMBER) {
      const pad =
        this.padCandidate &&
        p.padCandidate &&
        (this.padWidth < 0 || p.padWidth < 0 || this.padWidth === p.padWidth);
      this.padCandidate = pad;
      if (this.padWidth < 0) this.padWidth = p.padWidth;
      this.leadingZero ||= p.leadingZero;
      this.allInt &&= p.allInt;
      // `canonical` only matters while every value is an integer (as in addNumberSlow).
      this.canonical &&= p.canonical;
      if (p.min < this.min) this.min = p.min;
      if (p.max > this.max) this.max = p.max;
    }
    if (mode === NUMBER || mode === DATETIME || mode === TYPED_F64) {
      this.f64.push(this.f64Block.subarray(0, this.used), ...p.f64!);
      this.f64Block = new Float64Array(FIRST_BLOCK);
    } else {
      // DICT / TYPED_DICT: p's keys join this dictionary in p's first-seen order.
      const map = new Int32Array(p.dictionary.length);
      for (let c = 0; c < map.length; c++) map[c] = this.code(p.dictionary[c]!);
      for (const codes of p.i32!) {
        for (let i = 0; i < codes.length; i++) {
          const c = codes[i]!;
          if (c >= 0) codes[i] = map[c]!;
        }
      }
      this.hasSpace ||= p.hasSpace;
      this.i32.push(this.i32Block.subarray(0, this.used), ...p.i32!);
      this.i32Block = new Int32Array(FIRST_BLOCK);
    }
    this.used = 0;
    this.rows += p.rows;
    this.missing += p.missing;
  }

  // ---------------------------------------------------------------- mode choice

  private choose(): void {
    const sample = this.sample;
    const xs = this.sampleX;
    const flags = this.sampleFlags;
    this.sample = [];
    this.sampleX = [];
    this.sampleFlags = [];
    this.rows -= sample.length;
    const present: string[] = [];
    // A cell the scanner read as a plain decimal is present (no missing marker is one), needs
    // no trimming, and is a number for parseNumber; only the other cells are parsed here.
    let numbers = true;
    for (let i = 0; i < sample.length; i++) {
      const v = sample[i]!;
      if (xs[i] === xs[i]) present.push(v);
      else if (!isMissing(v)) {
        const t = v.trim();
        present.push(t);
        if (numbers && typeof parseNumber(t) !== 'number') numbers = false;
      }
    }
    let mode = DICT;
    if (present.length > 0) {
      if (numbers && !isZeroPadded(present)) {
        mode = NUMBER;
      } else if (present.every((v) => typeof parseDatetime(v) === 'number')) mode = DATETIME;
    }
    this.start(mode);
    for (let i = 0; i < sample.length; i++) {
      const v = sample[i]!;
      const x = xs[i]!;
      if (mode === NUMBER && x === x) this.addScanned(x, flags[i]!, v);
      else this.add(v, 0, v.length);
    }
  }

  /** One plain decimal read by the scanner, in number mode: {@link numberRun} for one cell. */
  private addScanned(value: number, fl: number, text: string): void {
    const x = value === 0 ? 0 : value;
    if (this.padCandidate) this.padCandidate = this.padStep(fl, text.length, text, 0);
    if (fl !== 0 && this.allInt) {
      if (fl & (NUM_DOT | NUM_LONG) && !Number.isSafeInteger(x)) this.allInt = false;
      else if (fl & (NUM_PLUS | NUM_DOT | NUM_LEADING_ZERO) || (fl & NUM_MINUS && x === 0)) {
        this.canonical = false;
      }
    }
    if (x < this.min) this.min = x;
    if (x > this.max) this.max = x;
    this.pushF64(x);
  }

  private start(mode: number): void {
    this.mode = mode;
    if (mode === DICT || mode === TYPED_DICT) this.i32Block = new Int32Array(FIRST_BLOCK);
    else this.f64Block = new Float64Array(FIRST_BLOCK);
    this.used = 0;
  }

  private pushF64(x: number): void {
    if (this.used === this.f64Block.length) this.nextBlock();
    this.f64Block[this.used++] = x;
    this.rows++;
  }

  private pushCode(code: number): void {
    if (this.used === this.i32Block.length) this.nextBlock();
    this.i32Block[this.used++] = code;
    this.rows++;
  }

  private nextBlock(): void {
    if (this.mode === DICT || this.mode === TYPED_DICT) {
      this.i32.push(this.i32Block);
      this.i32Block = new Int32Array(Math.min(BLOCK, 2 * this.i32Block.length));
    } else {
      this.f64.push(this.f64Block);
      this.f64Block = new Float64Array(Math.min(BLOCK, 2 * this.f64Block.length));
    }
    this.used = 0;
  }

  private contradict(): void {
    this.contradicted = true;
    this.deadMode = this.mode;
    // Nothing of this pass is kept; the second pass rebuilds the column losslessly.
    this.f64 = [];
    this.i32 = [];
    this.index = new Map();
    this.dictionary = [];
    this.f64Block = new Float64Array(0);
    this.i32Block = new Int32Array(0);
    this.used = 0;
    this.mode = DEAD;
  }

  // ---------------------------------------------------------------- number mode

  private addNumber(t: string, s: number, e: number): void {
    this.addNumberSlow(t.slice(s, e));
  }

  /** Zero-padding rule for a plain decimal read by the scanner; returns the new candidate flag. */
  private padStep(flags: number, width: number, t: string, s: number): boolean {
    if (
      flags & (NUM_MINUS | NUM_PLUS | NUM_DOT) ||
      (this.padWidth >= 0 && width !== this.padWidth)
    ) {
      return false;
    }
    this.padWidth = width;
    if (t.charCodeAt(s) === 48) this.leadingZero = true;
    return true;
  }

  private addNumberSlow(raw: string): void {
    const x = parseNumber(raw);
    if (x === 'invalid') {
      this.contradict();
      return;
    }
    if (x === null) {
      this.missing++;
      this.pushF64(NaN);
      return;
    }
    const v = raw.trim();
    if (this.padCandidate) {
      if (!DIGITS.test(v) || (this.padWidth >= 0 && v.length !== this.padWidth)) {
        this.padCandidate = false;
      } else {
        this.padWidth = v.length;
        if (v.charCodeAt(0) === 48) this.leadingZero = true;
      }
    }
    if (this.allInt) {
      if (!Number.isSafeInteger(x)) this.allInt = false;
      else if (this.canonical && (!CANONICAL_INT.test(v) || v === '-0')) this.canonical = false;
    }
    if (x < this.min) this.min = x;
    if (x > this.max) this.max = x;
    this.pushF64(x);
  }

  private finishNumber(rows: number): BuiltColumn {
    const values = this.concatF64(rows);
    const n = rows - this.missing;
    if (this.padCandidate && this.padWidth >= 2 && this.leadingZero) {
      // Zero-padded codes are typed by their texts, which were not kept.
      this.contradicted = true;
      throw new Error(`internal: column ${this.name} needs a second pass`);
    }
    if (!this.allInt) return this.column('number', values);
    if (this.missing === 0 && n >= ID_MIN_ROWS && this.max - this.min + 1 === n) {
      if (!this.canonical) {
        // Distinctness of texts like `+1` / `01` cannot be told from the numbers.
        this.contradicted = true;
        throw new Error(`internal: column ${this.name} needs a second pass`);
      }
      if (allDistinct(values, this.min)) {
        // Row numbers: an `id` column, stored as the texts in first-seen (= row) order.
        const dictionary = Array.from(values, (x) => String(x));
        const codes = new Int32Array(n);
        for (let i = 0; i < n; i++) codes[i] = i;
        return this.column('id', codes, dictionary);
      }
    }
    return this.column('integer', values);
  }

  // ---------------------------------------------------------------- datetime and typed modes

  private addDatetime(raw: string): void {
    const x = parseDatetime(raw);
    if (x === 'invalid') return this.contradict();
    if (x === null) this.missing++;
    this.pushF64(x ?? NaN);
  }

  private addTypedF64(raw: string): boolean {
    const x = this.parseTyped!(raw);
    if (x === 'invalid') return false;
    if (x === null) this.missing++;
    this.pushF64(x ?? NaN);
    return true;
  }

  private addTypedDict(raw: string): boolean {
    const key = dictionaryKey(this.type!, raw);
    if (key === undefined) return false;
    this.pushCode(key === null ? this.noteMissing() : this.code(key));
    return true;
  }

  // ---------------------------------------------------------------- dict mode

  private addDict(t: string, s: number, e: number): void {
    let key = t.slice(s, e);
    const n = key.length;
    // Trim only when an end could be whitespace (all of String.prototype.trim's set is
    // either <= 32 or >= 127).
    if (n > 0) {
      const a = key.charCodeAt(0);
      const b = key.charCodeAt(n - 1);
      if (a <= 32 || a >= 127 || b <= 32 || b >= 127) key = key.trim();
    }
    if (key.length <= 4 && isMissing(key)) {
      this.pushCode(this.noteMissing());
      return;
    }
    this.pushCode(this.code(key));
  }

  private noteMissing(): number {
    this.missing++;
    return -1;
  }

  private code(key: string): number {
    let code = this.index.get(key);
    if (code === undefined) {
      code = this.dictionary.length;
      this.index.set(key, code);
      this.dictionary.push(key);
      if (!this.hasSpace && SPACE.test(key)) this.hasSpace = true;
    }
    return code;
  }

  /** The rules of `inferColumn`, applied to the distinct texts (equivalent: each rule is "every value ..."). */
  private finishDict(codes: Int32Array): BuiltColumn {
    const keys = this.dictionary;
    const distinct = keys.length;
    const n = this.rows - this.missing;
    if (n === 0) return this.column('text', codes, keys);
    if (keys.every((k) => parseBoolean(k) !== 'invalid')) {
      return this.recode('boolean', codes, (k) => String(parseBoolean(k)));
    }
    const numbers = keys.map((k) => parseNumber(k));
    if (numbers.every((x) => typeof x === 'number') && !isZeroPadded(keys)) {
      const xs = numbers as number[];
      if (xs.every((x) => Number.isSafeInteger(x))) {
        if (this.missing === 0 && n >= ID_MIN_ROWS && distinct === n && isConsecutive(xs)) {
          return this.column('id', codes, keys);
        }
        return this.column('integer', decode(codes, xs));
      }
      return this.column('number', decode(codes, xs));
    }
    const dates = keys.map((k) => parseDatetime(k));
    if (dates.every((x) => typeof x === 'number')) {
      return this.column('datetime', decode(codes, dates as number[]));
    }
    if (distinct <= CATEGORY_MAX_DISTINCT && distinct <= CATEGORY_MAX_SHARE * n) {
      return this.column('category', codes, keys);
    }
    if (this.missing === 0 && distinct >= ID_MIN_UNIQUE_SHARE * n && !this.hasSpace) {
      return this.column('id', codes, keys);
    }
    return this.column('text', codes, keys);
  }

  /** Maps dictionary entries through `key` (booleans → `true`/`false`) keeping first-seen order. */
  private recode(type: ColumnType, codes: Int32Array, key: (k: string) => string): BuiltColumn {
    const index = new Map<string, number>();
    const dictionary: string[] = [];
    const map = this.dictionary.map((k) => {
      const v = key(k);
      let c = index.get(v);
      if (c === undefined) {
        c = dictionary.length;
        index.set(v, c);
        dictionary.push(v);
      }
      return c;
    });
    for (let i = 0; i < codes.length; i++) {
      const c = codes[i]!;
      if (c >= 0) codes[i] = map[c]!;
    }
    return this.column(type, codes, dictionary);
  }

  // ---------------------------------------------------------------- output

  private column(type: ColumnType, values: Column, dictionary?: string[]): BuiltColumn {
    const encoding = encodingOf(type);
    let missing = 0;
    if (values instanceof Float64Array) {
      for (let i = 0; i < values.length; i++) if (values[i] !== values[i]) missing++;
    } else for (let i = 0; i < values.length; i++) if (values[i]! < 0) missing++;
    const schema: ColumnSchema =
      encoding === 'dict'
        ? { name: this.name, type, encoding, dictionary: dictionary ?? [], missing }
        : { name: this.name, type, encoding, missing };
    return { schema, values };
  }

  /** The f64 blocks in order, the last one cut to its values; the builder's are handed over. */
  private blocksF64(): Float64Array[] {
    const out = [...this.f64, this.f64Block.subarray(0, this.used)];
    this.f64 = [];
    this.f64Block = new Float64Array(0);
    this.used = 0;
    return out;
  }

  /** The i32 blocks in order, as {@link blocksF64}. */
  private blocksI32(): Int32Array[] {
    const out = [...this.i32, this.i32Block.subarray(0, this.used)];
    this.i32 = [];
    this.i32Block = new Int32Array(0);
    this.used = 0;
    return out;
  }

  private concatF64(rows: number): Float64Array {
    const out = new Float64Array(rows);
    let o = 0;
    for (const b of this.f64) {
      out.set(b, o);
      o += b.length;
    }
    out.set(this.f64Block.subarray(0, this.used), o);
    this.f64 = [];
    return out;
  }

  private concatI32(rows: number): Int32Array {
    const out = new Int32Array(rows);
    let o = 0;
    for (const b of this.i32) {
      out.set(b, o);
      o += b.length;
    }
    out.set(this.i32Block.subarray(0, this.used), o);
    this.i32 = [];
    return out;
  }
}

/** `inferColumn`'s zero-padded-code rule over trimmed present texts. */
function isZeroPadded(present: readonly string[]): boolean {
  const width = present[0]!.length;
  if (width < 2) return false;
  let leadingZero = false;
  for (const v of present) {
    if (v.length !== width || !DIGITS.test(v)) return false;
    if (v.charCodeAt(0) === 48) leadingZero = true;
  }
  return leadingZero;
}

function isConsecutive(xs: readonly number[]): boolean {
  let min = Infinity;
  let max = -Infinity;
  for (const x of xs) {
    if (x < min) min = x;
    if (x > max) max = x;
  }
  return max - min + 1 === xs.length;
}

/** Whether `values` (integers spanning exactly [min, min + n - 1]) are pairwise distinct. */
function allDistinct(values: Float64Array, min: number): boolean {
  const seen = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const k = values[i]! - min;
    if (seen[k]) return false;
    seen[k] = 1;
  }
  return true;
}

function decode(codes: Int32Array, xs: readonly number[]): Float64Array {
  const out = new Float64Array(codes.length);
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    out[i] = c < 0 ? NaN : xs[c]!;
  }
  return out;
}
