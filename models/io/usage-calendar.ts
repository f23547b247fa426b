/**
 * Calendar arithmetic for imported dates. A date travels as one integer, yyyymmdd (20260115),
 * with dd = 00 for a month-only date (20260100), so a 100,000-row column is a plain number
 * array and sorting, month extraction and equality are integer operations.
 */

/** Earliest and latest years accepted in an imported date; anything else is a typo or an ID. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

/** Days in `month` (1–12) of `year`, Gregorian. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** yyyymmdd key of a valid calendar date, or null (day 0 makes a month-only key). */
export function dateKey(year: number, month: number, day: number): number | null {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) return null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  if (!Number.isInteger(day) || day < 0 || day > daysInMonth(year, month)) return null;
  return year * 10000 + month * 100 + day;
}

/** yyyymm of a date key. */
export function monthOfKey(key: number): number {
  return Math.floor(key / 100);
}

/** "YYYY-MM" of a yyyymm number. */
export function monthLabel(yyyymm: number): string {
  const year = Math.floor(yyyymm / 100);
  const month = yyyymm % 100;
  return `${year}-${month < 10 ? '0' : ''}${month}`;
}

/** "YYYY-MM-DD" (or "YYYY-MM" for a month-only key) of a date key. */
export function dateLabel(key: number): string {
  const day = key % 100;
  const month = monthLabel(monthOfKey(key));
  return day === 0 ? month : `${month}-${day < 10 ? '0' : ''}${day}`;
}

/** Whole days since 1970-01-01 of a day-level key. */
export function dayNumber(key: number): number {
  const year = Math.floor(key / 10000);
  const month = Math.floor(key / 100) % 100;
  return Math.round(Date.UTC(year, month - 1, key % 100) / 86_400_000);
}

/** Day-level key of a day count since 1970-01-01. */
export function keyOfDayNumber(days: number): number {
  const date = new Date(days * 86_400_000);
  return date.getUTCFullYear() * 10000 + (date.getUTCMonth() + 1) * 100 + date.getUTCDate();
}

/** Day of the week of a day-level key: 0 = Sunday … 6 = Saturday. */
export function weekday(key: number): number {
  // 1970-01-01 was a Thursday (4).
  return (((dayNumber(key) + 4) % 7) + 7) % 7;
}

/** The month after yyyymm, as yyyymm. */
export function nextMonth(yyyymm: number): number {
  return yyyymm % 100 === 12 ? yyyymm + 89 : yyyymm + 1;
}

/** Every yyyymm from `first` to `last` inclusive (empty when last < first). */
export function monthRange(first: number, last: number): number[] {
  const months: number[] = [];
  for (let m = first; m <= last; m = nextMonth(m)) months.push(m);
  return months;
}

/**
 * Day-level key of a spreadsheet serial day number (1900 date system, the integer part; the
 * fraction is the time of day), or null outside the accepted years.
 */
export function keyOfSerial(serial: number): number | null {
  if (!Number.isFinite(serial)) return null;
  const whole = Math.floor(serial);
  // Excel counts a 29 February 1900 that never was, so serials from 61 on are one day late.
  const days = whole >= 61 ? whole - 25569 : whole - 25568;
  const key = keyOfDayNumber(days);
  const year = Math.floor(key / 10000);
  return year >= MIN_YEAR && year <= MAX_YEAR ? key : null;
}
