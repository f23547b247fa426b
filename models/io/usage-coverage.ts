/**
 * Which months the data covers only in part. A daily export that starts on 12 March makes
 * March look like a slump; a trend fitted through it would be wrong, so such months are named.
 * Data without any Saturday or Sunday is read as business-day data: a month that ends on a
 * weekend is then still whole.
 */

import { daysInMonth, dayNumber, keyOfDayNumber, monthLabel, monthOfKey, weekday } from './usage-calendar.ts';

export interface Coverage {
  /** First and/or last month ("YYYY-MM") with expected days before the first or after the last date. */
  readonly partialMonths: string[];
  /** Inner months with fewer dated days than expected: month, days seen, days expected. */
  readonly thinMonths: { month: string; seen: number; expected: number }[];
  readonly businessDays: boolean;
}

/** Fewest distinct dates before the absence of weekends is taken as a business-day calendar. */
const MIN_DATES_FOR_BUSINESS_DAYS = 10;

/**
 * Coverage of day-level dates (yyyymmdd keys) when each date stands for `periodDays` days
 * (1 for daily rows, 7 for weekly rows starting on that date).
 */
export function monthCoverage(dayKeys: readonly number[], periodDays: number): Coverage {
  const distinct = [...new Set(dayKeys)].sort((a, b) => a - b);
  if (distinct.length === 0) return { partialMonths: [], thinMonths: [], businessDays: false };
  const businessDays =
    periodDays === 1 && distinct.length >= MIN_DATES_FOR_BUSINESS_DAYS && distinct.every((k) => weekday(k) !== 0 && weekday(k) !== 6);
  const expected = (key: number): boolean => !businessDays || (weekday(key) !== 0 && weekday(key) !== 6);
  const first = distinct[0] as number;
  const lastStart = distinct[distinct.length - 1] as number;
  const last = keyOfDayNumber(dayNumber(lastStart) + periodDays - 1);
  const partial = new Set<number>();
  // Expected days of the first month before the first date.
  for (let d = 1; d < first % 100; d++) {
    if (expected(monthOfKey(first) * 100 + d)) {
      partial.add(monthOfKey(first));
      break;
    }
  }
  const lastMonth = monthOfKey(last);
  const lastDays = daysInMonth(Math.floor(lastMonth / 100), lastMonth % 100);
  for (let d = (last % 100) + 1; d <= lastDays; d++) {
    if (expected(lastMonth * 100 + d)) {
      partial.add(lastMonth);
      break;
    }
  }
  const thinMonths: Coverage['thinMonths'] = [];
  if (periodDays === 1) {
    const seen = new Map<number, number>();
    for (const k of distinct) seen.set(monthOfKey(k), (seen.get(monthOfKey(k)) ?? 0) + 1);
    for (const [month, count] of seen) {
      if (partial.has(month) || month === monthOfKey(first) || month === lastMonth) continue;
      let want = 0;
      const days = daysInMonth(Math.floor(month / 100), month % 100);
      for (let d = 1; d <= days; d++) if (expected(month * 100 + d)) want++;
      if (count < want) thinMonths.push({ month: monthLabel(month), seen: count, expected: want });
    }
    thinMonths.sort((a, b) => (a.month < b.month ? -1 : 1));
  }
  return { partialMonths: [...partial].sort((a, b) => a - b).map(monthLabel), thinMonths, businessDays };
}
