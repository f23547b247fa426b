import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readTable } from './table-read.ts';
import { suggestAggregate, suggestMapping } from './usage-mapping.ts';
import { isImportError, type ImportedTable } from './table-types.ts';

const fixture = (name: string): ImportedTable => {
  const bytes = new Uint8Array(readFileSync(fileURLToPath(new URL(`../../test/fixtures/import/${name}`, import.meta.url))));
  const table = readTable(bytes, name);
  if (isImportError(table)) throw new Error(table.message);
  return table;
};

describe('suggestMapping', () => {
  it.each([
    ['clean-iso-monthly.csv', 'month', 'cost_usd', 'sum'],
    ['european-semicolon.csv', 'Monat', 'Kosten (EUR)', 'sum'],
    ['daily-three-months.csv', 'date', 'requests', 'sum'],
    ['weekly-tokens.csv', 'week_start', 'tokens', 'sum'],
    ['us-dates.csv', 'Date', 'Spend', 'sum'],
    ['unicode-text-utf16.txt', 'Mois', 'Coût (€)', 'sum'],
  ])('guesses the columns of %s', (name, date, value, aggregate) => {
    expect(suggestMapping(fixture(name))).toMatchObject({ date, value, aggregate, focus: false });
  });

  it('lists the other numeric columns and the text columns fit for grouping', () => {
    const clean = suggestMapping(fixture('clean-iso-monthly.csv'));
    expect(clean).toMatchObject({ valueCandidates: ['cost_usd', 'active_users', 'requests'], groupCandidates: [] });
    expect(suggestMapping(fixture('us-dates.csv'))).toMatchObject({ groupCandidates: ['Notes'] });
  });

  it('recognises a FOCUS export and prefers its charge period and cost', () => {
    expect(suggestMapping(fixture('focus-1.2-export.csv'))).toMatchObject({ focus: true, date: 'ChargePeriodStart', value: 'BilledCost' });
  });

  it('says when no column holds dates', () => {
    expect(suggestMapping(fixture('no-date-column.csv'))).toEqual({
      error: 'no-date-column',
      message: 'No column holds dates. The columns are "service", "team", "cost".',
      fix: expect.stringContaining('2026-01-15') as string,
    });
  });

  it('says when the dates have no numbers beside them', () => {
    const table = readTable(new TextEncoder().encode('month,note\n2026-01,ok\n2026-02,late\n'), 'x.csv');
    if (isImportError(table)) throw new Error(table.message);
    expect(suggestMapping(table)).toMatchObject({ error: 'no-value-column' });
  });

  it('does not take a column of IDs or years as the value', () => {
    const table = readTable(new TextEncoder().encode('AccountId,date,year,amount\n1111,2026-01-01,2026,5\n2222,2026-01-02,2026,6\n'), 'x.csv');
    if (isImportError(table)) throw new Error(table.message);
    expect(suggestMapping(table)).toMatchObject({ date: 'date', value: 'amount' });
  });
});

describe('suggestAggregate', () => {
  it.each([
    ['Monthly active users', 'mean'],
    ['Aktive Nutzer', 'mean'],
    ['GPUs in service', 'mean'],
    ['Storage TB', 'mean'],
    ['Cost (USD)', 'sum'],
    ['GPU hours', 'sum'],
    ['requests', 'sum'],
    ['input tokens', 'sum'],
    ['whatever', 'sum'],
  ] as const)('%s → %s', (name, expected) => {
    expect(suggestAggregate(name)).toBe(expected);
  });
});
