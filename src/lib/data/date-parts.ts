/**
 * Calendar parts of datetimes stored as ms since the Unix epoch (entities.ts `DatePart`), in UTC,
 * computed with integer arithmetic (no `Date` objects, so a million rows cost no allocations).
 */
import type { DatePart } from '../contracts/entities';
import { InvalidArgumentError } from '../contracts/errors';

/** Every date part, in the order {@link fitPreprocessing} emits them when asked for all. */
export const DATE_PARTS: readonly DatePart[] = ['year', 'month', 'day', 'weekday', 'hour'];

const MS_PER_DAY = 86_400_000;
const MS_PER_HOUR = 3_600_000;

/**
 * One calendar part of a time, in UTC (proleptic Gregorian calendar, also before 1970).
 *
 * The civil date follows Howard Hinnant's `civil_from_days` ("chrono-Compatible Low-Level Date
 * Algorithms"); the weekday counts from Monday = 0 like Python's `datetime.weekday()` (1970-01-01
 * was a Thursday = 3).
 * @param ms ms since 1970-01-01T00:00:00Z; NaN or ±Infinity means missing
 * @param part which part
 * @returns year; month 1–12; day 1–31; weekday 0–6 (Monday = 0); hour 0–23; NaN when missing
 * @throws never
 * @example
 * datePart(Date.UTC(2024, 1, 29, 13), 'month')   // 2
 * datePart(Date.UTC(2024, 1, 29, 13), 'weekday') // 3 (a Thursday)
 * datePart(-1, 'hour')                           // 23 (1969-12-31T23:59:59.999Z)
 */
export function datePart(ms: number, part: DatePart): number {
  if (!Number.isFinite(ms)) return NaN;
  const days = Math.floor(ms / MS_PER_DAY);
  switch (part) {
    case 'hour':
      return Math.floor((ms - days * MS_PER_DAY) / MS_PER_HOUR);
    case 'weekday':
      return (((days + 3) % 7) + 7) % 7;
    default: {
      const { year, month, day } = civilFromDays(days);
      return part === 'year' ? year : part === 'month' ? month : day;
    }
  }
}

/**
 * Checks a list of date parts: non-empty, known names, no repeats.
 * @param parts the requested parts
 * @param column the column, for the message
 * @returns a copy of the list
 * @throws InvalidArgumentError naming the bad entry
 * @example
 * checkDateParts(['year', 'weekday'], 'signup') // ['year', 'weekday']
 */
export function checkDateParts(parts: readonly unknown[], column: string): DatePart[] {
  if (parts.length === 0) {
    throw new InvalidArgumentError(`dateParts of \`${column}\``, parts, 'list at least one part');
  }
  const seen = new Set<DatePart>();
  for (const p of parts) {
    if (!DATE_PARTS.includes(p as DatePart) || seen.has(p as DatePart)) {
      throw new InvalidArgumentError(
        `dateParts of \`${column}\``,
        p,
        `use each of ${DATE_PARTS.join(', ')} at most once`,
      );
    }
    seen.add(p as DatePart);
  }
  return [...seen];
}

function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097; // [0, 146096]
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100)); // [0, 365]
  const mp = Math.floor((5 * doy + 2) / 153); // [0, 11], March = 0
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}
