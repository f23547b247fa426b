import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readTable } from './table-read.ts';
import { toMonthlySeries, type MonthlyImport, type SeriesMapping } from './usage-series.ts';
import { isImportError, type ImportedTable, type ImportError, type TableCell } from './table-types.ts';

const fixture = (name: string): ImportedTable => {
  const bytes = new Uint8Array(readFileSync(fileURLToPath(new URL(`../../test/fixtures/import/${name}`, import.meta.url))));
  const table = readTable(bytes, name);
  if (isImportError(table)) throw new Error(table.message);
  return table;
};

function csv(text: string): ImportedTable {
  const table = readTable(new TextEncoder().encode(text), 'inline.csv');
  if (isImportError(table)) throw new Error(table.message);
  return table;
}

function ok(result: MonthlyImport | ImportError): MonthlyImport {
  if (isImportError(result)) throw new Error(`expected series, got: ${result.message}`);
  return result;
}

/** A table as a workbook would give it, cells typed. */
function typedTable(columns: string[], rows: TableCell[][]): ImportedTable {
  return { columns, rows, rowNumbers: rows.map((_, i) => i + 2), headerRow: 1, format: 'xlsx', warnings: [] };
}

describe('toMonthlySeries on the fixtures', () => {
  it('passes monthly ISO data through unchanged', () => {
    const result = ok(toMonthlySeries(fixture('clean-iso-monthly.csv'), { date: 'month', value: 'cost_usd' }));
    expect(result.granularity).toBe('monthly');
    expect(result.months).toHaveLength(12);
    // cost = round(users · 40 · 0.0021, 2) with users = 1200 + 150·i.
    expect(result.series['cost_usd']?.['2025-01']).toBe(100.8);
    expect(result.series['cost_usd']?.['2025-12']).toBe(239.4);
    expect(result).toMatchObject({ gaps: [], duplicates: [], partialMonths: [], rowsUsed: 12, warnings: [] });
  });

  it('sums daily flows per month and flags the partial first and last months', () => {
    // requests = 1000 + 10k on day k (k = 0 on 2025-01-10): Jan k=0..21, Feb k=22..49, Mar k=50..69.
    const result = ok(toMonthlySeries(fixture('daily-three-months.csv'), { date: 'date', value: 'requests' }));
    expect(result.granularity).toBe('daily');
    expect(result.aggregate).toBe('sum');
    expect(result.series['requests']).toEqual({
      '2025-01': 22 * 1000 + 10 * 231, // Σk for k=0..21 is 231
      '2025-02': 28 * 1000 + 10 * 994, // Σk for k=22..49 is 1225 − 231
      '2025-03': 20 * 1000 + 10 * 1190, // Σk for k=50..69 is 2415 − 1225
    });
    expect(result.partialMonths).toEqual(['2025-01', '2025-03']);
    expect(result.warnings.join(' ')).toMatch(/only in part/);
  });

  it('averages a level such as active users by default, and takes the last value on request', () => {
    // active_users = 500 + k: the monthly mean is 500 + the mean k of the month.
    const mean = ok(toMonthlySeries(fixture('daily-three-months.csv'), { date: 'date', value: 'active_users' }));
    expect(mean.aggregate).toBe('mean');
    expect(mean.series['active_users']).toEqual({ '2025-01': 510.5, '2025-02': 535.5, '2025-03': 559.5 });
    expect(mean.warnings.join(' ')).toMatch(/reads as a level/);
    const last = ok(toMonthlySeries(fixture('daily-three-months.csv'), { date: 'date', value: 'active_users', aggregate: 'last' }));
    expect(last.series['active_users']).toEqual({ '2025-01': 521, '2025-02': 549, '2025-03': 569 });
  });

  it('drops partial months when asked', () => {
    const result = ok(toMonthlySeries(fixture('daily-three-months.csv'), { date: 'date', value: 'requests', partialMonths: 'drop' }));
    expect(Object.keys(result.series['requests'] ?? {})).toEqual(['2025-02']);
    expect(result.months).toEqual(['2025-02']);
  });

  it('shares a weekly value between the months its seven days fall in', () => {
    // T_k = 7,000,000 + 70,000·k for weeks starting Mondays from 2025-01-06. Week 3 (Jan 27) has
    // 5 days in January and 2 in February; week 7 (Feb 24) has 5 in February and 2 in March.
    const t = (k: number): number => 7_000_000 + 70_000 * k;
    const result = ok(toMonthlySeries(fixture('weekly-tokens.csv'), { date: 'week_start', value: 'tokens' }));
    expect(result.granularity).toBe('weekly');
    const series = result.series['tokens'] ?? {};
    expect(series['2025-01']).toBeCloseTo(t(0) + t(1) + t(2) + (5 / 7) * t(3), 4);
    expect(series['2025-02']).toBeCloseTo((2 / 7) * t(3) + t(4) + t(5) + t(6) + (5 / 7) * t(7), 4);
    expect(series['2025-03']).toBeCloseTo((2 / 7) * t(7) + t(8) + t(9) + t(10) + t(11), 4);
    // Nothing is lost in the split: the months add up to the twelve weeks.
    const weeks = Array.from({ length: 12 }, (_, k) => t(k)).reduce((a, b) => a + b, 0);
    expect(Object.values(series).reduce((a, b) => a + b, 0)).toBeCloseTo(weeks, 4);
    // The first week starts on 6 January and the last ends on 30 March.
    expect(result.partialMonths).toEqual(['2025-01', '2025-03']);
  });

  it('reads the European semicolon file: decimal commas, one dropped duplicate, one gap', () => {
    const result = ok(toMonthlySeries(fixture('european-semicolon.csv'), { date: 'Monat', value: 'Kosten (EUR)' }));
    expect(result.series['Kosten (EUR)']).toEqual({
      '2025-01': 1234.56,
      '2025-02': 1310.2,
      '2025-03': 1402.75,
      '2025-04': 1515,
      '2025-06': 1760.4,
      '2025-07': 1893.1,
      '2025-08': 2010.95,
    });
    expect(result.duplicates).toEqual([{ date: '2025-03-01', count: 2, rows: [5] }]);
    expect(result.gaps).toEqual(['2025-05']);
    expect(result.warnings.join(' ')).toMatch(/Dropped 1 exact duplicate/);
    // "1.050" users: ambiguous alone, read with the decimal comma of a ";" file.
    const users = ok(toMonthlySeries(fixture('european-semicolon.csv'), { date: 'Monat', value: 'Aktive Nutzer' }));
    expect(users.series['Aktive Nutzer']?.['2025-01']).toBe(1050);
  });

  it('keeps duplicates when asked, so they add up', () => {
    const result = ok(toMonthlySeries(fixture('european-semicolon.csv'), { date: 'Monat', value: 'Kosten (EUR)', duplicates: 'keep' }));
    expect(result.series['Kosten (EUR)']?.['2025-03']).toBeCloseTo(2 * 1402.75, 10);
    expect(result.duplicates).toEqual([]);
  });

  it('reads US dates and dollar amounts, nets a credit in parentheses and leaves out the Total row', () => {
    const result = ok(toMonthlySeries(fixture('us-dates.csv'), { date: 'Date', value: 'Spend' }));
    expect(result.granularity).toBe('monthly');
    expect(result.series['Spend']?.['2025-03']).toBeCloseTo(1402.75 - 250, 10);
    expect(result.series['Spend']?.['2025-01']).toBe(1234.56);
    expect(result.warnings.join(' ')).toMatch(/Left out 1 total row\(s\) \(row 8\)/);
  });

  it('names the row, column and text of a bad number', () => {
    expect(toMonthlySeries(fixture('text-in-number.csv'), { date: 'month', value: 'cost' })).toEqual({
      error: 'bad-number',
      message: 'Row 5, column "cost": "pending" is not a number.',
      row: 5,
      column: 'cost',
      fix: expect.stringContaining('skip bad rows') as string,
    });
  });

  it('skips bad rows with a warning when asked', () => {
    const result = ok(toMonthlySeries(fixture('text-in-number.csv'), { date: 'month', value: 'cost', skipBadRows: true }));
    expect(Object.keys(result.series['cost'] ?? {})).toEqual(['2025-01', '2025-02', '2025-03', '2025-05']);
    expect(result.gaps).toEqual(['2025-04']);
    expect(result.warnings.join(' ')).toMatch(/Skipped 1 row\(s\) with a bad date or value: row 5/);
  });
});

describe('toMonthlySeries rules', () => {
  it('splits by a group column; the groups add up to the ungrouped series', () => {
    const table = csv('date,model,tokens\n2026-01-05,small,100\n2026-01-05,large,40\n2026-01-20,small,50\n2026-02-03,large,60\n');
    const grouped = ok(toMonthlySeries(table, { date: 'date', value: 'tokens', groupBy: 'model' }));
    expect(grouped.series).toEqual({ large: { '2026-01': 40, '2026-02': 60 }, small: { '2026-01': 150 } });
    const whole = ok(toMonthlySeries(table, { date: 'date', value: 'tokens' }));
    expect(whole.series['tokens']).toEqual({ '2026-01': 190, '2026-02': 60 });
    expect(whole.warnings.join(' ')).toMatch(/share a date.*Choose a group column/);
  });

  it('adds rows of one date before averaging a level', () => {
    // Two regions per day: the daily totals are 30 and 50, so the month's mean is 40, not 20.
    const table = csv('date,region,active users\n2026-01-01,eu,10\n2026-01-01,us,20\n2026-01-02,eu,20\n2026-01-02,us,30\n');
    const result = ok(toMonthlySeries(table, { date: 'date', value: 'active users' }));
    expect(result.series['active users']).toEqual({ '2026-01': 40 });
  });

  it('does not call business-day data partial at a weekend month end', () => {
    const days: string[] = [];
    for (let d = new Date(Date.UTC(2025, 1, 3)); d <= new Date(Date.UTC(2025, 2, 14)); d = new Date(d.getTime() + 86_400_000)) {
      if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) days.push(`${d.toISOString().slice(0, 10)},1`);
    }
    const result = ok(toMonthlySeries(csv(`date,requests\n${days.join('\n')}\n`), { date: 'date', value: 'requests' }));
    // February 2025 begins on a Saturday and ends on a Friday: whole. March stops on the 14th.
    expect(result.partialMonths).toEqual(['2025-03']);
    expect(result.series['requests']?.['2025-02']).toBe(20);
  });

  it('reads spreadsheet serial numbers in the date column', () => {
    const table = typedTable(['day', 'cost'], [
      [45658, 10],
      [45689, 12],
    ]);
    const result = ok(toMonthlySeries(table, { date: 'day', value: 'cost' }));
    expect(result.series['cost']).toEqual({ '2025-01': 10, '2025-02': 12 });
    expect(result.warnings.join(' ')).toMatch(/spreadsheet day numbers/);
  });

  it('leaves out rows with a date but no value, and says so', () => {
    const result = ok(toMonthlySeries(csv('month,cost\n2026-01,5\n2026-02,\n2026-03,n/a\n2026-04,7\n'), { date: 'month', value: 'cost' }));
    expect(result.series['cost']).toEqual({ '2026-01': 5, '2026-04': 7 });
    expect(result.gaps).toEqual(['2026-02', '2026-03']);
    expect(result.warnings.join(' ')).toMatch(/2 row\(s\) have a date but no value.*not counted as zero/);
  });

  it('gives each mapping mistake its own error', () => {
    const table = csv('month,service,cost\n2026-01,a,5\n,b,6\n2026-03,c,7\n');
    expect(toMonthlySeries(table, { date: 'Month', value: 'cost' })).toMatchObject({
      error: 'unknown-column',
      message: 'The table has no column "Month"; its columns are "month", "service", "cost".',
    });
    expect(toMonthlySeries(table, { date: 'month', value: 'month' })).toMatchObject({ error: 'no-value-column' });
    expect(toMonthlySeries(table, { date: 'service', value: 'cost' })).toMatchObject({
      error: 'bad-date',
      message: 'Column "service" does not hold dates: row 2 has "a".',
    });
    expect(toMonthlySeries(table, { date: 'month', value: 'service' })).toMatchObject({
      error: 'bad-number',
      message: 'Column "service" does not hold numbers: row 2 has "a".',
    });
    expect(toMonthlySeries(table, { date: 'month', value: 'cost' })).toMatchObject({
      error: 'missing-date',
      row: 3,
      message: 'Row 3 has a value in "cost" but no date in "month".',
    });
  });

  it('names the row of a date that breaks the column order', () => {
    const table = csv('date,cost\n15/01/2026,1\n16/01/2026,2\n01/17/2026,3\n');
    const mapping: SeriesMapping = { date: 'date', value: 'cost' };
    expect(toMonthlySeries(table, mapping)).toMatchObject({
      error: 'bad-date',
      row: 4,
      message: 'Row 4, column "date": "01/17/2026" is not a date (it is month-first, but row 2 ("15/01/2026") is day-first; dates in one column must share one order).',
    });
  });
});
