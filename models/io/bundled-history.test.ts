/**
 * The bundled enterprise RAG scenario takes its `history` from an imported file
 * (scenarios/data/rag-gateway-daily.csv). Importing that file again with the documented
 * mapping must give exactly the scenario's history, so the two cannot drift apart.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readTable } from './table-read.ts';
import { isImportError } from './table-types.ts';
import { toMonthlySeries } from './usage-series.ts';
import { toSeriesName } from './usage-series-name.ts';

const root = new URL('../../', import.meta.url);

describe('scenarios/enterprise-rag.json history', () => {
  it('is the monthly import of scenarios/data/rag-gateway-daily.csv, grouped by team', () => {
    const bytes = new Uint8Array(readFileSync(new URL('scenarios/data/rag-gateway-daily.csv', root)));
    const table = readTable(bytes, 'rag-gateway-daily.csv');
    if (isImportError(table)) throw new Error(table.message);
    expect(table.columns).toEqual(['date', 'team', 'queries', 'prompt_tokens']);

    const monthly = toMonthlySeries(table, { date: 'date', value: 'queries', groupBy: 'team' });
    if (isImportError(monthly)) throw new Error(monthly.message);
    expect(monthly.granularity).toBe('daily');
    expect(monthly.aggregate).toBe('sum');
    expect(monthly.gaps).toEqual([]);
    expect(monthly.duplicates).toEqual([]);
    expect(monthly.partialMonths).toEqual([]);
    expect(monthly.months).toHaveLength(18);

    const imported = Object.fromEntries(Object.entries(monthly.series).map(([team, series]) => [toSeriesName(`${team} queries`), series]));
    const scenario = JSON.parse(readFileSync(new URL('scenarios/enterprise-rag.json', root), 'utf8')) as { history: Record<string, Record<string, number>> };
    expect(scenario.history).toEqual(imported);
  });

  it('averages about 6,000 prompt tokens per query, as the scenario\'s context-size ranges assume', () => {
    const bytes = new Uint8Array(readFileSync(new URL('scenarios/data/rag-gateway-daily.csv', root)));
    const table = readTable(bytes, 'rag-gateway-daily.csv');
    if (isImportError(table)) throw new Error(table.message);
    const queries = toMonthlySeries(table, { date: 'date', value: 'queries' });
    const tokens = toMonthlySeries(table, { date: 'date', value: 'prompt_tokens' });
    if (isImportError(queries) || isImportError(tokens)) throw new Error('import failed');
    const sum = (series: Record<string, number> | undefined) => Object.values(series ?? {}).reduce((a, b) => a + b, 0);
    const perQuery = sum(tokens.series['prompt_tokens']) / sum(queries.series['queries']);
    expect(perQuery).toBeGreaterThan(5800);
    expect(perQuery).toBeLessThan(6200);
  });
});
