/**
 * Which months of an imported series a trend can be fitted to: a trend needs consecutive
 * months, so the fit takes the last unbroken stretch (or a later start within it) and the
 * months missing before it are reported, not filled in.
 */
import { addMonths, monthIndex } from '../../../models/simulate/months.ts';

export interface MonthRun {
  /** The months fitted, consecutive and ascending. */
  months: string[];
  /** Months the fit may start from: every month of the last unbroken stretch. */
  starts: string[];
  /** Months with no value between the series' first and last month. */
  missing: string[];
  /** Months with a value that the fit leaves out (before its start). */
  leftOut: number;
}

/** The fitted stretch of `values` ("YYYY-MM" → value), starting at `from` when that is a month of the last unbroken stretch. */
export function consecutiveRun(values: Readonly<Record<string, number>>, from: string | null): MonthRun {
  const keys = Object.keys(values).sort();
  if (keys.length === 0) return { months: [], starts: [], missing: [], leftOut: 0 };
  const first = keys[0]!;
  const missing: string[] = [];
  const span = monthIndex(keys[keys.length - 1]!) - monthIndex(first);
  for (let m = 0; m <= span; m++) {
    const month = addMonths(first, m);
    if (!(month in values)) missing.push(month);
  }
  let stretchStart = keys.length - 1;
  while (stretchStart > 0 && monthIndex(keys[stretchStart]!) - monthIndex(keys[stretchStart - 1]!) === 1) stretchStart--;
  const starts = keys.slice(stretchStart);
  const begin = from !== null && starts.includes(from) ? starts.indexOf(from) : 0;
  const months = starts.slice(begin);
  return { months, starts, missing, leftOut: keys.length - months.length };
}

/** The months of the series before `firstFitted` (null where it has no value), for drawing what the fit leaves out. */
export function monthsBefore(values: Readonly<Record<string, number>>, firstFitted: string | null): { month: string; value: number | null }[] {
  const keys = Object.keys(values).sort();
  if (!keys.length || firstFitted === null) return [];
  const count = monthIndex(firstFitted) - monthIndex(keys[0]!);
  return Array.from({ length: Math.max(0, count) }, (_, m) => {
    const month = addMonths(keys[0]!, m);
    return { month, value: values[month] ?? null };
  });
}
