/**
 * Parsing of single cell values. These are the only rules for what counts as missing, a number,
 * a boolean or a date: type inference, column building and serving all call them, so a value
 * means the same thing at import, at training and in the serving form. Table in TYPING.md.
 */

/**
 * Missing-value markers, compared after trimming and case-insensitively. `.` is included
 * because SAS and Stata write missing values that way (penguins.csv has one in `Sex`).
 */
const MISSING = new Set(['', 'na', 'n/a', 'null', 'nan', '.']);

/** Decimal number: optional sign, digits with an optional fraction, optional exponent. */
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

const TRUE = new Set(['true', 'yes']);
const FALSE = new Set(['false', 'no']);

/** ISO 8601 date or date-time: `YYYY-MM-DD`, optional `T`/space time, optional zone. */
const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Whether a cell is missing: after trimming whitespace it is empty or one of `NA`, `N/A`,
 * `null`, `NaN`, `.` (any letter case).
 * @param text the raw cell
 * @returns true when the cell is missing
 * @throws never
 * @example
 * isMissing(' n/a ') // true
 * isMissing('0')     // false
 */
export function isMissing(text: string): boolean {
  return MISSING.has(text.trim().toLowerCase());
}

/**
 * Parses a decimal number.
 *
 * After trimming: `[+-]digits[.digits][e[+-]digits]` (also `.5`, `5.`). Not numbers: `1,5`
 * (decimal comma or thousands separator), `1_000`, `0x10`, `Infinity`, `1e309` (overflows to
 * infinity), `$5`, `5%`. Leading zeros are allowed (`007` is 7); `-0` is 0.
 * @param text the raw cell
 * @returns the finite number, `null` when the cell is missing ({@link isMissing}), or `'invalid'`
 *   when it is present but not a finite decimal number (never a silent NaN)
 * @throws never
 * @example
 * parseNumber('007')   // 7
 * parseNumber('NaN')   // null (missing)
 * parseNumber('1e309') // 'invalid'
 * parseNumber('1,5')   // 'invalid'
 */
export function parseNumber(text: string): number | null | 'invalid' {
  const t = text.trim();
  if (MISSING.has(t.toLowerCase())) return null;
  if (!NUMBER.test(t)) return 'invalid';
  const x = Number(t);
  if (!Number.isFinite(x)) return 'invalid';
  return x === 0 ? 0 : x;
}

/**
 * Parses an integer: a {@link parseNumber} value that is a safe integer (`3.0` and `1e3` count,
 * `3.5` and `2^53` do not).
 * @param text the raw cell
 * @returns the integer, `null` when missing, `'invalid'` otherwise
 * @throws never
 * @example
 * parseInteger('42')  // 42
 * parseInteger('4.2') // 'invalid'
 */
export function parseInteger(text: string): number | null | 'invalid' {
  const x = parseNumber(text);
  if (x === null || x === 'invalid') return x;
  return Number.isSafeInteger(x) ? x : 'invalid';
}

/**
 * Parses a boolean: `true`/`yes` and `false`/`no`, trimmed, any letter case. `1`/`0` are numbers,
 * not booleans.
 * @param text the raw cell
 * @returns the boolean, `null` when missing, `'invalid'` otherwise
 * @throws never
 * @example
 * parseBoolean('Yes') // true
 * parseBoolean('1')   // 'invalid'
 */
export function parseBoolean(text: string): boolean | null | 'invalid' {
  const t = text.trim().toLowerCase();
  if (MISSING.has(t)) return null;
  if (TRUE.has(t)) return true;
  if (FALSE.has(t)) return false;
  return 'invalid';
}

/**
 * Parses an ISO 8601 date or date-time to milliseconds since the Unix epoch.
 *
 * Accepted: `YYYY-MM-DD`, then optionally `T` or a space, `HH:MM`, `:SS`, `.fraction` (kept to
 * the millisecond) and a zone `Z` / `+HH:MM` / `+HHMM`. A date or date-time without a zone is read
 * as UTC, so the result never depends on the machine's time zone. Calendar fields are checked
 * (`2023-02-30` and `24:00` are invalid). Other formats (`03/04/2020`, `2020-1-5`) are not dates.
 * @param text the raw cell
 * @returns ms since epoch, `null` when missing, `'invalid'` otherwise
 * @throws never
 * @example
 * parseDatetime('2020-01-02')                // 1577923200000
 * parseDatetime('2020-01-02T03:04:05+01:00') // 1577930645000
 * parseDatetime('2020-02-30')                // 'invalid'
 */
export function parseDatetime(text: string): number | null | 'invalid' {
  const t = text.trim();
  if (MISSING.has(t.toLowerCase())) return null;
  const m = ISO_DATE.exec(t);
  if (!m) return 'invalid';
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((k) =>
    m[k] === undefined ? 0 : Number(m[k]),
  ) as [number, number, number, number, number, number];
  const ms = m[7] === undefined ? 0 : Number(m[7].padEnd(3, '0').slice(0, 3));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return 'invalid';
  if (hour > 23 || minute > 59 || second > 59) return 'invalid';
  let value = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  // Date.UTC maps years 0-99 to 1900-1999; setUTCFullYear undoes that.
  if (year < 100) value = new Date(value).setUTCFullYear(year);
  const zone = m[8];
  if (zone !== undefined && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offH = Number(digits.slice(0, 2));
    const offM = Number(digits.slice(2));
    if (offH > 23 || offM > 59) return 'invalid';
    value -= sign * (offH * 60 + offM) * 60_000;
  }
  return value;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
