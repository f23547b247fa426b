/**
 * Mapped table → monthly series for a scenario's `history`. Rows are first added up per
 * series and date (several rows of one day are parts of that day), then dates become months:
 * summed for flows (cost, requests, tokens), averaged for levels (active users), or the last
 * date's value. A weekly row is spread over the days it covers, so a week that straddles two
 * months is shared between them rather than landing whole in one.
 */

import type { ImportError, ImportedTable, TableCell } from './table-types.ts';
import { listInWords } from './table-types.ts';
import { parseDateColumn, type DateOrder } from './usage-dates.ts';
import { parseNumberColumn, type DecimalMark } from './usage-numbers.ts';
import { daysInMonth, dateLabel, dayNumber, monthLabel, monthOfKey, monthRange, nextMonth } from './usage-calendar.ts';
import { monthCoverage } from './usage-coverage.ts';
import { suggestAggregate, type Aggregate } from './usage-mapping.ts';
import {
  badDateError,
  badNumberError,
  missingDateError,
  notDatesError,
  notNumbersError,
  skippedRowsWarning,
  unknownColumnError,
} from './usage-row-errors.ts';

export type Granularity = 'daily' | 'weekly' | 'monthly';

export interface SeriesMapping {
  /** Column of dates or months. */
  readonly date: string;
  /** Column of values. */
  readonly value: string;
  /** Column whose values split the rows into one series each (team, model, service…). */
  readonly groupBy?: string;
  /** How dates combine into a month; default guessed from the value column's name (see suggestAggregate). */
  readonly aggregate?: Aggregate;
  /** Day–month order of numeric dates; default 'auto'. */
  readonly dateOrder?: 'auto' | DateOrder;
  /** Decimal mark of text numbers; default 'auto' (column majority). */
  readonly decimalMark?: 'auto' | DecimalMark;
  /** Leave out rows with a bad date or value (with a warning) instead of failing; default false. */
  readonly skipBadRows?: boolean;
  /** Exact duplicate rows: 'drop' (default; reported) or 'keep' (added like any row). */
  readonly duplicates?: 'drop' | 'keep';
  /** First/last months covered only in part: 'keep' (default; reported) or 'drop'. */
  readonly partialMonths?: 'keep' | 'drop';
}

/** Identical rows found more than once: the date, how many times the row occurs, and the rows dropped. */
export interface DuplicateRows {
  readonly date: string;
  readonly count: number;
  readonly rows: number[];
}

export interface MonthlyImport {
  /** Per series (the group value, or the value column's name), "YYYY-MM" → value, months ascending. */
  readonly series: Record<string, Record<string, number>>;
  readonly granularity: Granularity;
  readonly aggregate: Aggregate;
  /** Every month from the first to the last with data, "YYYY-MM". */
  readonly months: string[];
  /** Months inside that range with no data in any series. */
  readonly gaps: string[];
  readonly duplicates: DuplicateRows[];
  /** First/last months that the dates cover only in part (daily and weekly data). */
  readonly partialMonths: string[];
  /** Rows that contributed a value. */
  readonly rowsUsed: number;
  readonly warnings: string[];
}

const TOTAL_LABEL = /^(grand\s+)?(total|totals|sum|summe|gesamt|gesamtsumme|totaal|somme)\b/i;
/** Median days between dates: up to this → daily; up to WEEKLY_MAX → weekly; from MONTHLY_MIN → monthly. */
const DAILY_MAX = 3;
const WEEKLY_MAX = 10;
const MONTHLY_MIN = 27;
/** Series named in per-series warnings before "and N more". */
const WARN_SERIES = 5;

interface Accumulator {
  sum: number;
  weight: number;
  lastKey: number;
  lastValue: number;
}

/** Turns the mapped columns of a table into monthly series (sum, mean or last per month), or an ImportError naming the row. */
export function toMonthlySeries(table: ImportedTable, mapping: SeriesMapping): MonthlyImport | ImportError {
  const dateIndex = table.columns.indexOf(mapping.date);
  if (dateIndex < 0) return unknownColumnError(mapping.date, table.columns);
  const valueIndex = table.columns.indexOf(mapping.value);
  if (valueIndex < 0) return unknownColumnError(mapping.value, table.columns);
  if (valueIndex === dateIndex) {
    return {
      error: 'no-value-column',
      message: `Column "${mapping.value}" cannot be both the dates and the values.`,
      column: mapping.value,
      fix: 'Choose a column of numbers for the values.',
    };
  }
  let groupIndex = -1;
  if (mapping.groupBy !== undefined) {
    groupIndex = table.columns.indexOf(mapping.groupBy);
    if (groupIndex < 0) return unknownColumnError(mapping.groupBy, table.columns);
  }
  const aggregate = mapping.aggregate ?? suggestAggregate(mapping.value);
  const warnings: string[] = [];
  const { rows, rowNumbers } = table;
  const n = rows.length;
  const rowNumber = (i: number): number => rowNumbers[i] ?? i + 1;

  const dateCells: TableCell[] = new Array<TableCell>(n);
  const valueCells: TableCell[] = new Array<TableCell>(n);
  const totalRows: number[] = [];
  for (let i = 0; i < n; i++) {
    const row = rows[i] ?? [];
    let dateCell = row[dateIndex] ?? '';
    if (typeof dateCell === 'string' && startsWithLetter(dateCell) && TOTAL_LABEL.test(dateCell.trim())) {
      totalRows.push(i);
      dateCell = '';
    }
    dateCells[i] = dateCell;
    valueCells[i] = row[valueIndex] ?? '';
  }
  const dates = parseDateColumn(dateCells, mapping.date, rowNumbers, mapping.dateOrder ?? 'auto');
  const values = parseNumberColumn(valueCells, mapping.value, {
    decimalMark: mapping.decimalMark ?? 'auto',
    // Semicolon-separated files come from locales that write decimal commas.
    fallbackMark: table.delimiter === ';' ? 'comma' : 'point',
  });
  warnings.push(...dates.warnings, ...values.warnings);
  for (const i of totalRows) {
    // A "Total" row is a sum of the rows above: counting it would double the history.
    valueCells[i] = '';
  }
  if (totalRows.length > 0) {
    warnings.push(`Left out ${totalRows.length} total row(s) (row ${listInWords(totalRows.map(rowNumber))}): they repeat the sum of other rows.`);
  }

  // Classify every row: usable, blank, value missing, or bad.
  const usable: number[] = [];
  const bad: { index: number; error: ImportError }[] = [];
  let anyDate = false;
  let anyNumber = false;
  let firstNonDate = -1;
  let firstNonNumber = -1;
  const missingValueRows: number[] = [];
  const totalSet = new Set(totalRows);
  for (let i = 0; i < n; i++) {
    if (totalSet.has(i)) continue;
    const key = dates.keys[i] as number;
    const valueCell = valueCells[i] ?? '';
    const valueMissing = values.missing[i] === 1;
    const value = values.values[i] as number;
    if (!Number.isNaN(key) && key !== 0) anyDate = true;
    else if (Number.isNaN(key) && firstNonDate < 0) firstNonDate = i;
    if (!valueMissing) {
      if (!Number.isNaN(value)) anyNumber = true;
      else if (firstNonNumber < 0) firstNonNumber = i;
    }
    if (key === 0) {
      if (!valueMissing) bad.push({ index: i, error: missingDateError(rowNumber(i), mapping.date, mapping.value) });
      continue;
    }
    if (Number.isNaN(key)) {
      bad.push({ index: i, error: badDateError(rowNumber(i), mapping.date, dateCells[i] ?? '', dates.reasons.get(i)) });
      continue;
    }
    if (valueMissing) {
      missingValueRows.push(rowNumber(i));
      continue;
    }
    if (Number.isNaN(value)) {
      bad.push({ index: i, error: badNumberError(rowNumber(i), mapping.value, valueCell) });
      continue;
    }
    usable.push(i);
  }
  if (!anyDate && firstNonDate >= 0) return notDatesError(mapping.date, rowNumber(firstNonDate), dateCells[firstNonDate] ?? '');
  if (!anyNumber && firstNonNumber >= 0) return notNumbersError(mapping.value, rowNumber(firstNonNumber), valueCells[firstNonNumber] ?? '');
  if (bad.length > 0) {
    const first = bad[0] as { index: number; error: ImportError };
    if (mapping.skipBadRows !== true) return first.error;
    warnings.push(skippedRowsWarning(bad.map((b) => rowNumber(b.index)), first.error.message));
  }
  if (missingValueRows.length > 0) {
    warnings.push(
      `${missingValueRows.length} row(s) have a date but no value in "${mapping.value}" (blank, "-" or "n/a"): row ${listInWords(missingValueRows)}. They were left out, not counted as zero.`,
    );
  }

  // Exact duplicate rows: the same export pasted twice, or overlapping exports.
  const duplicates: DuplicateRows[] = [];
  let kept = usable;
  if ((mapping.duplicates ?? 'drop') === 'drop') {
    // Duplicates share a date and a value, so only rows in the same (date, value) bucket are compared.
    const buckets = new Map<number, Map<number, number[]>>();
    const repeated = new Map<number, DuplicateRows>();
    kept = [];
    for (const i of usable) {
      const key = dates.keys[i] as number;
      const value = values.values[i] as number;
      let byValue = buckets.get(key);
      if (byValue === undefined) {
        byValue = new Map<number, number[]>();
        buckets.set(key, byValue);
      }
      const earlier = byValue.get(value);
      const original = earlier?.find((j) => sameCells(rows[j] ?? [], rows[i] ?? []));
      if (original === undefined) {
        if (earlier === undefined) byValue.set(value, [i]);
        else earlier.push(i);
        kept.push(i);
        continue;
      }
      const entry = repeated.get(original) ?? { date: dateLabel(key), count: 1, rows: [] };
      entry.rows.push(rowNumber(i));
      repeated.set(original, { ...entry, count: entry.count + 1 });
    }
    duplicates.push(...[...repeated.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)));
    if (duplicates.length > 0) {
      const dropped = duplicates.reduce((s, d) => s + d.rows.length, 0);
      warnings.push(
        `Dropped ${dropped} exact duplicate row(s) (same cells as an earlier row), dated ${listInWords(duplicates.map((d) => d.date))}. Choose "keep duplicates" if they are real repeats.`,
      );
    }
  }
  if (kept.length === 0) {
    return {
      error: 'no-usable-rows',
      message: `No row has both a date in "${mapping.date}" and a number in "${mapping.value}".`,
      fix: 'Check that the right columns are chosen.',
    };
  }

  // Sum rows per series and date: several rows of one date are parts of that date's total.
  const perDate = new Map<string, Map<number, number>>();
  let sharedDates = 0;
  for (const i of kept) {
    const group = groupIndex < 0 ? mapping.value : groupLabel((rows[i] ?? [])[groupIndex] ?? '');
    let byKey = perDate.get(group);
    if (byKey === undefined) {
      byKey = new Map<number, number>();
      perDate.set(group, byKey);
    }
    const key = dates.keys[i] as number;
    const previous = byKey.get(key);
    if (previous !== undefined) sharedDates++;
    byKey.set(key, (previous ?? 0) + (values.values[i] as number));
  }
  if (sharedDates > 0) {
    warnings.push(
      `${sharedDates} row(s) share a date with another row of the same series; their values were added before combining into months.${groupIndex < 0 ? ' Choose a group column to keep them apart.' : ''}`,
    );
  }

  const granularity = detectGranularity(perDate, warnings);
  const periodDays = granularity === 'weekly' ? 7 : 1;
  if (granularity !== 'monthly' && mapping.aggregate === undefined && aggregate === 'mean') {
    warnings.push(`"${mapping.value}" reads as a level, so ${granularity} values were averaged per month. Choose sum if it is a flow.`);
  }

  const monthly = new Map<string, Map<number, Accumulator>>();
  for (const [group, byKey] of perDate) {
    const months = new Map<number, Accumulator>();
    monthly.set(group, months);
    for (const [key, value] of byKey) addPeriod(months, key, value, granularity, aggregate);
  }

  const dayKeys: number[] = [];
  for (const byKey of perDate.values()) for (const key of byKey.keys()) if (key % 100 !== 0) dayKeys.push(key);
  const coverage = granularity === 'monthly' ? null : monthCoverage(dayKeys, periodDays);
  const partialMonths = coverage?.partialMonths ?? [];
  if (partialMonths.length > 0) {
    const one = partialMonths.length === 1;
    const consequence =
      mapping.partialMonths === 'drop'
        ? `${one ? 'it was' : 'they were'} left out`
        : `${one ? 'its' : 'their'} ${aggregate === 'sum' ? (one ? 'total is' : 'totals are') + ' low' : (one ? 'value rests' : 'values rest') + ' on fewer days'}`;
    warnings.push(`The dates cover ${listInWords(partialMonths)} only in part, so ${consequence}.`);
  }
  if (coverage !== null && coverage.thinMonths.length > 0) {
    warnings.push(
      `Some months have dates missing: ${listInWords(coverage.thinMonths.map((t) => `${t.month} (${t.seen} of ${t.expected} days)`))}.`,
    );
  }
  const dropped = new Set(mapping.partialMonths === 'drop' ? partialMonths : []);

  const series: Record<string, Record<string, number>> = {};
  let firstMonth = Infinity;
  let lastMonth = -Infinity;
  const withData = new Set<number>();
  const seriesGaps: string[] = [];
  for (const [group, months] of [...monthly].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    const out: Record<string, number> = {};
    const ordered = [...months.keys()].filter((m) => !dropped.has(monthLabel(m))).sort((a, b) => a - b);
    for (const m of ordered) {
      const acc = months.get(m) as Accumulator;
      out[monthLabel(m)] = aggregate === 'sum' ? acc.sum : aggregate === 'mean' ? acc.sum / acc.weight : acc.lastValue;
      withData.add(m);
    }
    if (ordered.length === 0) continue;
    series[group] = out;
    const own = monthRange(ordered[0] as number, ordered[ordered.length - 1] as number);
    if (own.length > ordered.length) seriesGaps.push(group);
    firstMonth = Math.min(firstMonth, ordered[0] as number);
    lastMonth = Math.max(lastMonth, ordered[ordered.length - 1] as number);
  }
  const months = Number.isFinite(firstMonth) ? monthRange(firstMonth, lastMonth) : [];
  const gaps = months.filter((m) => !withData.has(m)).map(monthLabel);
  if (gaps.length > 0) warnings.push(`No data for ${listInWords(gaps)}, inside the imported range.`);
  if (groupIndex >= 0 && seriesGaps.length > 0) {
    warnings.push(`Some series miss months inside their own range: ${listInWords(seriesGaps, WARN_SERIES)}.`);
  }
  return {
    series,
    granularity,
    aggregate,
    months: months.map(monthLabel),
    gaps,
    duplicates,
    partialMonths,
    rowsUsed: kept.length,
    warnings,
  };
}

function startsWithLetter(text: string): boolean {
  const c = text.trimStart().charCodeAt(0) | 0x20;
  return c >= 0x61 && c <= 0x7a;
}

/** True when two rows hold the same cells (text compared without surrounding spaces). */
function sameCells(a: readonly TableCell[], b: readonly TableCell[]): boolean {
  if (a.length !== b.length) return false;
  for (let c = 0; c < a.length; c++) {
    const x = a[c] ?? '';
    const y = b[c] ?? '';
    if (x === y) continue;
    if (typeof x !== 'string' || typeof y !== 'string' || x.trim() !== y.trim()) return false;
  }
  return true;
}

function groupLabel(cell: TableCell): string {
  const text = String(cell).trim();
  return text === '' ? '(blank)' : text;
}

/** Daily, weekly or monthly from the median distance between consecutive dates. */
function detectGranularity(perDate: ReadonlyMap<string, ReadonlyMap<number, number>>, warnings: string[]): Granularity {
  const days = new Set<number>();
  let monthOnly = 0;
  for (const byKey of perDate.values()) {
    for (const key of byKey.keys()) {
      if (key % 100 === 0) monthOnly++;
      else days.add(dayNumber(key));
    }
  }
  if (days.size > 0 && monthOnly > 0) {
    warnings.push(`The dates mix whole months (like 2026-01) with days; each whole month counts as one value for that month.`);
  }
  if (days.size < 2) return 'monthly';
  const sorted = [...days].sort((a, b) => a - b);
  const steps: number[] = [];
  for (let k = 1; k < sorted.length; k++) steps.push((sorted[k] as number) - (sorted[k - 1] as number));
  steps.sort((a, b) => a - b);
  const median = steps[Math.floor((steps.length - 1) / 2)] as number;
  if (median <= DAILY_MAX) return 'daily';
  if (median <= WEEKLY_MAX) return 'weekly';
  if (median < MONTHLY_MIN) {
    warnings.push(`Dates are about ${median} days apart (neither daily, weekly nor monthly); each value was counted in the month of its date.`);
    return 'daily';
  }
  if (median > 35) warnings.push(`Dates are about ${median} days apart, more than a month: the months between them show as gaps.`);
  return 'monthly';
}

/** Adds one dated value to its month(s): a weekly value is shared by the days of its week. */
function addPeriod(months: Map<number, Accumulator>, key: number, value: number, granularity: Granularity, aggregate: Aggregate): void {
  const month = monthOfKey(key);
  const day = key % 100;
  if (granularity !== 'weekly' || day === 0 || aggregate === 'last') {
    accumulate(months, month, key, value, 1, 1, aggregate);
    return;
  }
  const inFirst = Math.min(7, daysInMonth(Math.floor(month / 100), month % 100) - day + 1);
  accumulate(months, month, key, value, inFirst / 7, inFirst, aggregate);
  if (inFirst < 7) accumulate(months, nextMonth(month), key, value, (7 - inFirst) / 7, 7 - inFirst, aggregate);
}

/**
 * A flow adds `share` of its value to the month; a level adds its value weighted by the
 * `days` it covers there, so the month's mean is a mean over days.
 */
function accumulate(
  months: Map<number, Accumulator>,
  month: number,
  key: number,
  value: number,
  share: number,
  days: number,
  aggregate: Aggregate,
): void {
  let acc = months.get(month);
  if (acc === undefined) {
    acc = { sum: 0, weight: 0, lastKey: -1, lastValue: 0 };
    months.set(month, acc);
  }
  if (aggregate === 'sum') acc.sum += share === 1 ? value : value * share;
  else {
    acc.sum += value * days;
    acc.weight += days;
  }
  if (key > acc.lastKey) {
    acc.lastKey = key;
    acc.lastValue = value;
  }
}
