/**
 * Dates as exports and people write them: ISO (2026-01-15, 2026-01, 2026/01/15, with a time
 * and zone), US (01/15/2026, 1/15/26), European (15.01.2026, 15/01/2026), month names
 * ("Jan 2026", "2026-Jan", "15 Jan 2026"), ISO weeks (2026-W03), compact (20260115, 202601)
 * and spreadsheet serial day numbers. Whether 03/04/2026 is March or April is decided for the
 * whole column: one day above 12 settles it.
 */

import type { TableCell } from './table-types.ts';
import { dateKey, dateLabel, dayNumber, keyOfDayNumber, keyOfSerial } from './usage-calendar.ts';

/** How to read numeric dates such as 03/04/2026. */
export type DateOrder = 'month-first' | 'day-first';

/**
 * A date read from one cell: 'exact' (the text says which day or month it is), 'pair' (a/b/year
 * with the day–month order unknown until the column is seen) or 'serial' (a spreadsheet day
 * number). `compact` marks digit-only forms (20260115) that a plain number could also be.
 */
export type DateToken =
  | { readonly kind: 'exact'; readonly key: number; readonly compact: boolean }
  | { readonly kind: 'pair'; readonly a: number; readonly b: number; readonly year: number; readonly separator: string }
  | { readonly kind: 'serial'; readonly key: number };

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};
const WEEKDAYS = new Set(['mon', 'monday', 'tue', 'tues', 'tuesday', 'wed', 'wednesday', 'thu', 'thur', 'thurs', 'thursday', 'fri', 'friday', 'sat', 'saturday', 'sun', 'sunday']);

const TIME = String.raw`(?:[T\s]+\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:[ap]\.?m\.?)?\s*(?:z|utc|gmt|[+-]\d{2}(?::?\d{2})?)?)?`;
// "2026.05" would also be a decimal number, so a month without a day needs "-" or "/".
const ISO = new RegExp(String.raw`^(\d{4})(?:([-/])(\d{1,2})(?:\2(\d{1,2}))?|(\.)(\d{1,2})\.(\d{1,2}))${TIME}$`, 'i');
const ISO_WEEK = /^(\d{4})-?w(\d{2})(?:-?([1-7]))?$/i;
const PAIR = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})${TIME}$`, 'i');
// "01.2026" is a month; "12.2026" could be a decimal number, so with a dot the month needs its zero.
const MONTH_YEAR = /^(\d{1,2})[-/](\d{4})$|^(0\d)\.(\d{4})$/;
const COMPACT_DAY = /^(\d{4})(\d{2})(\d{2})$/;
const COMPACT_MONTH = /^(\d{4})(\d{2})$/;
const SERIAL_TEXT = /^\d{5}(?:\.\d+)?$/;
const TRAILING_TIME = /[\sT]+\d{1,2}:\d{2}.*$/i;
const MAX_DATE_LENGTH = 64;
/** Spreadsheet serials accepted as dates: 1950-01-01 … 2100-12-31; other numbers are not dates. */
const MIN_SERIAL = 18264;
const MAX_SERIAL = 73415;

/** Two-digit years as spreadsheets read them: 00–29 → 2000s, 30–99 → 1900s. */
function fullYear(digits: string): number {
  const y = Number(digits);
  if (digits.length === 4) return y;
  return y < 30 ? 2000 + y : 1900 + y;
}

/** Reads one cell as a date token, or null when it is not a date in any accepted form. */
export function readDateToken(cell: TableCell): DateToken | null {
  if (typeof cell === 'number') return numberDate(cell);
  // No date is this long; the bound also keeps the patterns below linear on hostile input.
  if (cell.length > MAX_DATE_LENGTH) return null;
  const text = cell.trim();
  if (text === '') return null;
  const first = text.charCodeAt(0);
  if (first >= 48 && first <= 57) {
    let m = ISO.exec(text);
    if (m !== null) {
      const monthText = m[3] ?? m[6];
      const dayText = m[4] ?? m[7];
      const key = dateKey(Number(m[1]), Number(monthText), dayText === undefined ? 0 : Number(dayText));
      // "2026-01" is a month; "2026-01-00" is nothing.
      if (key === null || (dayText !== undefined && key % 100 === 0)) return null;
      return { kind: 'exact', key, compact: false };
    }
    m = PAIR.exec(text);
    if (m !== null) {
      const a = Number(m[1]);
      const b = Number(m[3]);
      const year = fullYear(m[4] ?? '');
      return { kind: 'pair', a, b, year, separator: m[2] ?? '/' };
    }
    m = MONTH_YEAR.exec(text);
    if (m !== null) {
      const key = dateKey(Number(m[2] ?? m[4]), Number(m[1] ?? m[3]), 0);
      return key === null ? null : { kind: 'exact', key, compact: false };
    }
    m = ISO_WEEK.exec(text);
    if (m !== null) return isoWeek(Number(m[1]), Number(m[2]), m[3] === undefined ? 1 : Number(m[3]));
    if (/^\d+(?:\.\d+)?$/.test(text)) return digitsDate(text);
  }
  return namedMonthDate(text);
}

function numberDate(value: number): DateToken | null {
  if (!Number.isFinite(value)) return null;
  if (Number.isInteger(value) && value >= 100_000) return digitsDate(String(value));
  if (value >= MIN_SERIAL && value <= MAX_SERIAL) {
    const key = keyOfSerial(value);
    return key === null ? null : { kind: 'serial', key };
  }
  return null;
}

function digitsDate(text: string): DateToken | null {
  let m = COMPACT_DAY.exec(text);
  if (m !== null) {
    const key = dateKey(Number(m[1]), Number(m[2]), Number(m[3]));
    return key === null || key % 100 === 0 ? null : { kind: 'exact', key, compact: true };
  }
  m = COMPACT_MONTH.exec(text);
  if (m !== null) {
    const key = dateKey(Number(m[1]), Number(m[2]), 0);
    return key === null ? null : { kind: 'exact', key, compact: true };
  }
  if (SERIAL_TEXT.test(text)) {
    const serial = Number(text);
    if (serial < MIN_SERIAL || serial > MAX_SERIAL) return null;
    const key = keyOfSerial(serial);
    return key === null ? null : { kind: 'serial', key };
  }
  return null;
}

/** The day of ISO week `week` of `year` (Monday = 1), as an exact token. */
function isoWeek(year: number, week: number, day: number): DateToken | null {
  if (week < 1 || week > 53) return null;
  const jan4 = dateKey(year, 1, 4);
  if (jan4 === null) return null;
  const jan4Days = dayNumber(jan4);
  // Monday of week 1 is the Monday on or before 4 January; 1970-01-01 was a Thursday.
  const jan4Weekday = (((jan4Days + 3) % 7) + 7) % 7;
  const mondayWeek1 = jan4Days - jan4Weekday;
  const key = keyOfDayNumber(mondayWeek1 + (week - 1) * 7 + (day - 1));
  // Week 53 exists only in some years: it must still belong to `year`'s ISO calendar.
  if (week === 53 && Math.floor(keyOfDayNumber(mondayWeek1 + 52 * 7 + 3) / 10000) !== year) return null;
  return { kind: 'exact', key, compact: false };
}

/** "Jan 2026", "January 2026", "2026-Jan", "Jan-26", "15 Jan 2026", "Jan 15, 2026", "Mon, 15-Jan-2026". */
function namedMonthDate(text: string): DateToken | null {
  if (text.length > 40) return null;
  const words = text.replace(TRAILING_TIME, '').toLowerCase().split(/[\s\-/.,]+/).filter((w) => w !== '');
  let month = 0;
  let monthAt = -1;
  const numbers: { digits: string; at: number }[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    if (/^\d+$/.test(word)) {
      numbers.push({ digits: word, at: i });
      continue;
    }
    const ordinal = /^(\d{1,2})(?:st|nd|rd|th)$/.exec(word);
    if (ordinal !== null) {
      numbers.push({ digits: ordinal[1] ?? '', at: i });
      continue;
    }
    const named = MONTHS[word];
    if (named !== undefined && month === 0) {
      month = named;
      monthAt = i;
      continue;
    }
    if (WEEKDAYS.has(word)) continue;
    return null;
  }
  if (month === 0) return null;
  if (numbers.length === 1) {
    const only = numbers[0];
    if (only === undefined || (only.digits.length !== 4 && only.digits.length !== 2)) return null;
    // "Jan 2026" or Excel's mmm-yy ("Jan-26"): a month, not the 26th of January.
    const key = dateKey(fullYear(only.digits), month, 0);
    return key === null ? null : { kind: 'exact', key, compact: false };
  }
  if (numbers.length === 2) {
    const [x, y] = numbers as [{ digits: string; at: number }, { digits: string; at: number }];
    let dayDigits: string;
    let yearDigits: string;
    if (x.digits.length === 4) [yearDigits, dayDigits] = [x.digits, y.digits];
    else if (y.digits.length === 4) [dayDigits, yearDigits] = [x.digits, y.digits];
    else if (x.at < monthAt || y.at > monthAt) [dayDigits, yearDigits] = [x.digits, y.digits];
    else return null;
    if (dayDigits.length > 2 || (yearDigits.length !== 4 && yearDigits.length !== 2)) return null;
    const key = dateKey(fullYear(yearDigits), month, Number(dayDigits));
    return key === null || key % 100 === 0 ? null : { kind: 'exact', key, compact: false };
  }
  return null;
}

/**
 * Key of a plain "YYYY-MM-DD" cell (optionally followed by a time), read without a regular
 * expression because it is by far the most common form; null for anything else.
 */
function isoDayKey(text: string): number | null {
  if (text.length < 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return null;
  if (text.length > 10) {
    const next = text.charCodeAt(10);
    if (next !== 84 && next !== 32) return null;
    // The time part is checked by the full reader; this path accepts only a well-formed one.
    if (!/^[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/.test(text.slice(10))) return null;
  }
  let year = 0;
  let month = 0;
  let day = 0;
  for (let k = 0; k < 10; k++) {
    if (k === 4 || k === 7) continue;
    const d = text.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return null;
    if (k < 4) year = year * 10 + d;
    else if (k < 7) month = month * 10 + d;
    else day = day * 10 + d;
  }
  const key = dateKey(year, month, day);
  return key === null || day === 0 ? null : key;
}

/** True when a cell reads as a date on its own (no serial numbers: a plain number is not a date). */
export function looksLikeDate(cell: TableCell): boolean {
  if (typeof cell === 'number') return false;
  const token = readDateToken(cell);
  return token !== null && token.kind !== 'serial';
}

/** Date key of a pair token under `order`, or null when that order makes no valid date. */
export function pairKey(token: { a: number; b: number; year: number }, order: DateOrder): number | null {
  const [month, day] = order === 'month-first' ? [token.a, token.b] : [token.b, token.a];
  const key = dateKey(token.year, month, day);
  return key === null || key % 100 === 0 ? null : key;
}

export interface DateColumn {
  /** Per row: yyyymmdd key (dd = 00 for a month-only date), 0 when blank, NaN when not a date. */
  readonly keys: Float64Array;
  /** Per row, for a NaN key: why (e.g. it contradicts the column's day–month order). */
  readonly reasons: Map<number, string>;
  readonly order: DateOrder;
  readonly warnings: string[];
}

/**
 * Reads a column of cells as dates. The day–month order of numeric dates comes from `order`,
 * else from the column (a first field above 12 means day-first; a second one, month-first),
 * else from the separator ("." is day-first), else month-first with a warning.
 */
export function parseDateColumn(
  cells: readonly TableCell[],
  columnName: string,
  rowNumbers: readonly number[],
  order: 'auto' | DateOrder = 'auto',
): DateColumn {
  const n = cells.length;
  const keys = new Float64Array(n);
  const reasons = new Map<number, string>();
  // Only a/b/year dates wait for the column's verdict on their order.
  const pairs: number[] = [];
  const tokens = new Map<number, DateToken & { kind: 'pair' }>();
  let firstOver12: number | null = null;
  let secondOver12: number | null = null;
  let dotted = 0;
  let serialsFromText = 0;
  let serialsFromNumbers = 0;
  for (let i = 0; i < n; i++) {
    const cell = cells[i] ?? '';
    if (typeof cell === 'string') {
      const fast = isoDayKey(cell);
      if (fast !== null) {
        keys[i] = fast;
        continue;
      }
      if (cell.trim() === '') {
        keys[i] = 0;
        continue;
      }
    }
    const token = readDateToken(cell);
    if (token === null) {
      keys[i] = NaN;
      continue;
    }
    if (token.kind === 'exact') keys[i] = token.key;
    else if (token.kind === 'serial') {
      keys[i] = token.key;
      if (typeof cell === 'number') serialsFromNumbers++;
      else serialsFromText++;
    } else {
      pairs.push(i);
      tokens.set(i, token);
      if (token.a > 12 && firstOver12 === null) firstOver12 = i;
      if (token.b > 12 && secondOver12 === null) secondOver12 = i;
      if (token.separator === '.') dotted++;
    }
  }
  const warnings: string[] = [];
  let chosen: DateOrder;
  if (order !== 'auto') chosen = order;
  else if (firstOver12 !== null && secondOver12 === null) chosen = 'day-first';
  else if (secondOver12 !== null && firstOver12 === null) chosen = 'month-first';
  else if (firstOver12 !== null && secondOver12 !== null) {
    let dayFirstVotes = 0;
    let monthFirstVotes = 0;
    for (const t of tokens.values()) {
      if (t.a > 12) dayFirstVotes++;
      if (t.b > 12) monthFirstVotes++;
    }
    chosen = dayFirstVotes >= monthFirstVotes ? 'day-first' : 'month-first';
  } else if (pairs.length > 0 && dotted === pairs.length) chosen = 'day-first';
  else {
    chosen = 'month-first';
    if (pairs.length > 0) {
      const example = cells[pairs[0] ?? 0];
      warnings.push(
        `Column "${columnName}": dates such as "${String(example)}" could be month/day or day/month; no day above 12 settles it, so they were read as month/day/year (US). Choose day/month/year if that is wrong.`,
      );
    }
  }
  const witness = chosen === 'day-first' ? firstOver12 : secondOver12;
  for (const [i, t] of tokens) {
    const key = pairKey(t, chosen);
    if (key !== null) {
      keys[i] = key;
      continue;
    }
    keys[i] = NaN;
    const readOther = pairKey(t, chosen === 'day-first' ? 'month-first' : 'day-first');
    if (readOther !== null && order === 'auto' && witness !== null) {
      reasons.set(
        i,
        `it is ${chosen === 'day-first' ? 'month' : 'day'}-first, but row ${rowNumbers[witness] ?? witness + 1} ("${String(cells[witness])}") is ${chosen}; dates in one column must share one order`,
      );
    } else if (readOther !== null) {
      reasons.set(i, `it is not a valid date when read ${chosen === 'day-first' ? 'day/month/year' : 'month/day/year'}`);
    }
  }
  if (serialsFromText > 0) {
    warnings.push(
      `Column "${columnName}": ${serialsFromText} value(s) such as 45658 were read as spreadsheet day numbers (45658 = 2025-01-01).`,
    );
  }
  if (serialsFromNumbers > 0) {
    warnings.push(
      `Column "${columnName}": ${serialsFromNumbers} number(s) were read as spreadsheet day numbers (the cells are not formatted as dates).`,
    );
  }
  return { keys, reasons, order: chosen, warnings };
}

/** "YYYY-MM-DD" or "YYYY-MM" of a parsed key (re-exported so callers need one import). */
export const formatDateKey = dateLabel;
