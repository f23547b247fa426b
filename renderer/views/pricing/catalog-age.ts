/**
 * How old the price catalog is: prices move fast, so the Pricing view warns when its as-of date
 * is more than six months before today (calendar months, day included).
 */

/** Months after which prices are called stale. */
export const STALE_AFTER_MONTHS = 6;

/** Today as YYYY-MM-DD (UTC, like the catalog's dates). */
export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** `date` (YYYY-MM-DD) plus whole calendar months, clamped to the month's last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** True when `asOf` lies more than STALE_AFTER_MONTHS months before `today` (both YYYY-MM-DD). */
export function isStale(asOf: string, today: string): boolean {
  return asOf !== '' && addMonths(asOf, STALE_AFTER_MONTHS) < today;
}

/** Whole months from `asOf` to `today` (0 when under a month). */
export function monthsOld(asOf: string, today: string): number {
  let months = 0;
  while (addMonths(asOf, months + 1) <= today) months += 1;
  return months;
}
