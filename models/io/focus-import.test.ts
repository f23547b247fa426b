import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readTable } from './table-read.ts';
import { importFocus, parseTags, type FocusImport } from './focus-import.ts';
import { isFocusTable } from './focus-columns.ts';
import { isImportError, type ImportedTable, type ImportError } from './table-types.ts';
import { identifierPattern } from '../scenario/schema.ts';

const fixture = (name: string): ImportedTable => {
  const bytes = new Uint8Array(readFileSync(fileURLToPath(new URL(`../../test/fixtures/import/${name}`, import.meta.url))));
  const table = readTable(bytes, name);
  if (isImportError(table)) throw new Error(table.message);
  return table;
};

function csv(text: string): ImportedTable {
  const table = readTable(new TextEncoder().encode(text), 'focus.csv');
  if (isImportError(table)) throw new Error(table.message);
  return table;
}

function ok(result: FocusImport | ImportError): FocusImport {
  if (isImportError(result)) throw new Error(`expected an import, got: ${result.message}`);
  return result;
}

/** Sum of the series of one kind, per month. */
function sumOfKind(result: FocusImport, kind: string, prefix = ''): Record<string, number> {
  const sums: Record<string, number> = {};
  for (const s of result.series) {
    if (s.kind !== kind || !s.name.startsWith(prefix)) continue;
    for (const [month, value] of Object.entries(result.history[s.name] ?? {})) sums[month] = (sums[month] ?? 0) + value;
  }
  return sums;
}

/*
 * The fixture, month m = 1..3 of 2025 (g = m − 1): Bedrock input 400+100g M tokens at 3.00 and
 * output 80+20g M tokens at 15.00; EC2 700+50g GPU-hours billed at 10.00, effective 6.50; S3
 * 2,000 GB-months at 0.023; tax 50+5g; a 1,200 savings-plan purchase in January (effective 0);
 * a −300 credit in February. Row 10 (S3, February) has malformed Tags.
 */
describe('importFocus on the FOCUS 1.2 fixture', () => {
  const table = fixture('focus-1.2-export.csv');
  const result = ok(importFocus(table));

  it('is recognised as FOCUS, unlike a plain usage file', () => {
    expect(isFocusTable(table)).toBe(true);
    expect(isFocusTable(fixture('clean-iso-monthly.csv'))).toBe(false);
  });

  it('totals Usage and Purchase at EffectiveCost per month', () => {
    expect(result.costColumn).toBe('EffectiveCost');
    expect(result.currency).toBe('USD');
    expect(result.history['cost_total']).toEqual({
      '2025-01': 1200 + 1200 + 4550 + 46 + 0,
      '2025-02': 1500 + 1500 + 4875 + 46,
      '2025-03': 1800 + 1800 + 5200 + 46,
    });
    expect(result.months).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(result).toMatchObject({ gaps: [], partialMonths: [], rowsUsed: 13 });
  });

  it('keeps credits and tax out of the total, in series of their own, and adds a net', () => {
    expect(result.history['cost_credits']).toEqual({ '2025-02': -300 });
    expect(result.history['cost_tax']).toEqual({ '2025-01': 50, '2025-02': 55, '2025-03': 60 });
    expect(result.history['cost_net']).toEqual({ '2025-01': 6996 + 50, '2025-02': 7921 + 55 - 300, '2025-03': 8846 + 60 });
    expect(result.chargeCategories).toEqual([
      { category: 'Usage', rows: 12, cost: 23763, counted: true },
      { category: 'Tax', rows: 3, cost: 165, counted: false },
      { category: 'Purchase', rows: 1, cost: 0, counted: true },
      { category: 'Credit', rows: 1, cost: -300, counted: false },
    ]);
  });

  it('splits the total by service, category, provider and each tag key, each adding up to the total', () => {
    expect(result.history['cost_service_amazon_bedrock']).toEqual({ '2025-01': 2400, '2025-02': 3000, '2025-03': 3600 });
    expect(result.history['cost_service_amazon_ec2']).toEqual({ '2025-01': 4550, '2025-02': 4875, '2025-03': 5200 });
    expect(result.history['cost_category_ai_and_machine_learning']).toEqual({ '2025-01': 2400, '2025-02': 3000, '2025-03': 3600 });
    expect(result.history['cost_provider_aws']).toEqual(result.history['cost_total']);
    const total = result.history['cost_total'] ?? {};
    for (const [kind, prefix] of [
      ['service', ''],
      ['category', ''],
      ['provider', ''],
      ['tag', 'cost_tag_team_'],
      ['tag', 'cost_tag_env_'],
    ] as const) {
      const sums = sumOfKind(result, kind, prefix);
      for (const month of Object.keys(total)) expect(sums[month]).toBeCloseTo(total[month] ?? NaN, 9);
    }
    expect(result.history['cost_tag_team_search']).toEqual({ '2025-01': 2446, '2025-02': 3000, '2025-03': 3646 });
    expect(result.tagKeys).toEqual(['env', 'team']);
  });

  it('sums consumed quantities by unit', () => {
    expect(result.history['usage_1m_tokens']).toEqual({ '2025-01': 480, '2025-02': 600, '2025-03': 720 });
    expect(result.history['usage_hours']).toEqual({ '2025-01': 700, '2025-02': 750, '2025-03': 800 });
    expect(result.series.find((s) => s.name === 'usage_hours')).toEqual({ name: 'usage_hours', label: 'Hours', kind: 'usage', unit: 'Hours' });
  });

  it('names every series as a scenario identifier', () => {
    expect(Object.keys(result.history)).toEqual(result.series.map((s) => s.name));
    for (const name of Object.keys(result.history)) expect(name).toMatch(identifierPattern);
  });

  it('warns about malformed Tags, naming the row', () => {
    expect(result.warnings).toEqual([
      'The Tags cell of row 10 is not a JSON object (e.g. "{team: search"); those rows count in every series, as untagged in the tag series.',
    ]);
    expect(result.history['cost_tag_team_untagged']).toEqual({ '2025-01': 0, '2025-02': 46 });
  });

  it('uses BilledCost on request: the purchase lands in January', () => {
    const billed = ok(importFocus(table, { costColumn: 'BilledCost' }));
    expect(billed.history['cost_total']).toEqual({
      '2025-01': 2400 + 7000 + 46 + 1200,
      '2025-02': 3000 + 7500 + 46,
      '2025-03': 3600 + 8000 + 46,
    });
    expect(billed.warnings.join(' ')).toMatch(/upfront fee/);
  });

  it('splits only by the tag keys asked for', () => {
    const teams = ok(importFocus(table, { tagKeys: ['team', 'owner'] }));
    expect(Object.keys(teams.history).some((n) => n.startsWith('cost_tag_env'))).toBe(false);
    expect(teams.history['cost_tag_owner_untagged']).toEqual(teams.history['cost_total']);
    expect(teams.warnings.join(' ')).toMatch(/No row has the tag key "owner"/);
  });
});

describe('importFocus errors and edge cases', () => {
  const header = 'ChargePeriodStart,ChargeCategory,BilledCost,EffectiveCost,ServiceName,BillingCurrency';

  it('has its own message for a FOCUS file without ChargePeriodStart', () => {
    expect(importFocus(fixture('focus-missing-charge-period-start.csv'))).toEqual({
      error: 'focus-missing-column',
      message: 'This FOCUS export has no ChargePeriodStart column, so its costs cannot be placed in months.',
      column: 'ChargePeriodStart',
      fix: 'Export it again with ChargePeriodStart (required since FOCUS 1.0).',
    });
  });

  it('refuses a table that is not FOCUS', () => {
    expect(importFocus(fixture('clean-iso-monthly.csv'))).toMatchObject({ error: 'not-focus' });
  });

  it('refuses to add up two billing currencies', () => {
    const table = csv(`${header}\n2025-01-01,Usage,10,10,A,USD\n2025-01-01,Usage,9,9,A,EUR\n`);
    expect(importFocus(table)).toMatchObject({ error: 'mixed-currency', message: expect.stringContaining('USD, EUR') as string });
  });

  it('names a bad charge period or cost, or skips it on request', () => {
    const table = csv(`${header}\n2025-01-01,Usage,10,10,A,USD\nsoon,Usage,5,5,A,USD\n2025-02-01,Usage,abc,abc,A,USD\n`);
    expect(importFocus(table)).toMatchObject({ error: 'bad-date', row: 3, column: 'ChargePeriodStart' });
    const skipped = ok(importFocus(table, { skipBadRows: true }));
    expect(skipped.history['cost_total']).toEqual({ '2025-01': 10 });
    expect(skipped.warnings.join(' ')).toMatch(/Skipped 2 row\(s\).*rows 3 and 4/);
    expect(importFocus(csv(`${header}\n,Usage,10,10,A,USD\n`))).toMatchObject({
      error: 'missing-date',
      message: 'Row 2 has a value in "EffectiveCost" but no date in "ChargePeriodStart".',
    });
    const badCost = csv(`${header}\n2025-01-01,Usage,10,oops,A,USD\n`);
    expect(importFocus(badCost)).toMatchObject({ error: 'bad-number', row: 2, column: 'EffectiveCost', message: 'Row 2, column "EffectiveCost": "oops" is not a number.' });
  });

  it('counts every row as usage when ChargeCategory is missing, and says so', () => {
    const table = csv('ChargePeriodStart,BilledCost,ServiceName\n2025-01-01,10,A\n2025-01-01,-2,A\n');
    const result = ok(importFocus(table));
    expect(result.costColumn).toBe('BilledCost');
    expect(result.history['cost_total']).toEqual({ '2025-01': 8 });
    expect(result.warnings.join(' ')).toMatch(/no ChargeCategory column/);
    expect(result.warnings.join(' ')).toMatch(/no EffectiveCost, so BilledCost was used/);
  });

  it('fills a month without a service\'s rows with zero, and leaves a month without any rows out', () => {
    const table = csv(`${header}\n2025-01-01,Usage,1,1,A,USD\n2025-01-01,Usage,5,5,B,USD\n2025-02-01,Usage,6,6,B,USD\n2025-03-01,Usage,2,2,A,USD\n2025-05-01,Usage,3,3,A,USD\n`);
    const result = ok(importFocus(table));
    expect(result.history['cost_service_a']).toEqual({ '2025-01': 1, '2025-02': 0, '2025-03': 2, '2025-05': 3 });
    expect(result.gaps).toEqual(['2025-04']);
    expect(result.history['cost_total']).toEqual({ '2025-01': 6, '2025-02': 6, '2025-03': 2, '2025-05': 3 });
  });

  it('flags partial first and last months of a daily export', () => {
    const rows: string[] = [];
    for (let d = Date.UTC(2025, 0, 15); d <= Date.UTC(2025, 1, 10); d += 86_400_000) {
      rows.push(`${new Date(d).toISOString().slice(0, 19)}Z,Usage,1,1,A,USD`);
    }
    const result = ok(importFocus(csv(`${header}\n${rows.join('\n')}\n`)));
    expect(result.partialMonths).toEqual(['2025-01', '2025-02']);
    expect(result.history['cost_total']).toEqual({ '2025-01': 17, '2025-02': 10 });
  });

  it('prefers ServiceProviderName (FOCUS 1.3) over ProviderName', () => {
    const table = csv('ChargePeriodStart,ChargeCategory,EffectiveCost,ProviderName,ServiceProviderName\n2025-01-01,Usage,4,Microsoft,OpenAI\n');
    expect(Object.keys(ok(importFocus(table)).history)).toContain('cost_provider_openai');
  });
});

describe('parseTags', () => {
  it('reads a JSON object and refuses anything else', () => {
    expect(parseTags('{"team":"search","cost-center":42,"empty":null}')).toEqual(
      new Map([
        ['team', 'search'],
        ['cost-center', '42'],
      ]),
    );
    expect(parseTags('')).toEqual(new Map());
    expect(parseTags('{team: search')).toBeNull();
    expect(parseTags('["a"]')).toBeNull();
    expect(parseTags('"text"')).toBeNull();
  });
});
