/**
 * The Data view's worker work on the real fixture files: what importData returns must be what
 * models/io gives for the same file, and an unusable file must come back as the importer's error.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importFocus } from '../../models/io/focus-import.ts';
import { readTable } from '../../models/io/table-read.ts';
import { isImportError, type ImportedTable } from '../../models/io/table-types.ts';
import { toMonthlySeries } from '../../models/io/usage-series.ts';
import { fitAndProject, importData, type DataFile } from './data-import.ts';

let token = 0;
function fixture(name: string): DataFile {
  return { token: ++token, name, bytes: new Uint8Array(readFileSync(new URL(`../../test/fixtures/import/${name}`, import.meta.url))) };
}
function table(file: DataFile): ImportedTable {
  const read = readTable(file.bytes, file.name);
  if (isImportError(read)) throw new Error(read.message);
  return read;
}

describe('importData', () => {
  it('reads a FOCUS export as one: every series as importFocus gives it', () => {
    const file = fixture('focus-1.2-export.csv');
    const outcome = importData(file, {}, 'auto');
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.table.focus).toBe(true);
    expect(outcome.mapping).toEqual({ kind: 'focus', options: {} });
    const bill = importFocus(table(file));
    if (isImportError(bill)) throw new Error(bill.message);
    expect(outcome.series!.series.map((s) => s.name)).toEqual(bill.series.map((s) => s.name));
    for (const s of outcome.series!.series) expect(s.values).toEqual(bill.history[s.name]);
    expect(outcome.series!.months).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(outcome.series!.focus?.currency).toBe('USD');
    // BilledCost on request: the purchase lands in its month, so the total changes.
    const billed = importData(file, {}, { kind: 'focus', options: { costColumn: 'BilledCost' } });
    if (!billed.ok) throw new Error(billed.error.message);
    expect(billed.series!.series.find((s) => s.name === 'cost_total')!.values).not.toEqual(outcome.series!.series.find((s) => s.name === 'cost_total')!.values);
  });

  it('maps a European semicolon file with the guessed columns, reporting its gap and its duplicate row', () => {
    const file = fixture('european-semicolon.csv');
    const outcome = importData(file, {}, 'auto');
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.table.delimiter).toBe(';');
    expect(outcome.table.preview[0]).toEqual(['01.01.2025', '1.234,56 €', '1.050']);
    expect(outcome.mapping).toMatchObject({ kind: 'usage', mapping: { date: 'Monat', value: 'Kosten (EUR)' } });
    const expected = toMonthlySeries(table(file), { date: 'Monat', value: 'Kosten (EUR)', aggregate: 'sum' });
    if (isImportError(expected)) throw new Error(expected.message);
    expect(outcome.series!.series).toHaveLength(1);
    expect(outcome.series!.series[0]!.values).toEqual(expected.series['Kosten (EUR)']);
    expect(outcome.series!.series[0]!.name).toBe('kosten_eur');
    expect(outcome.series!.gaps).toEqual(['2025-05']);
    expect(outcome.series!.duplicates).toHaveLength(1);
    // Another column, averaged.
    const users = importData(file, {}, { kind: 'usage', mapping: { date: 'Monat', value: 'Aktive Nutzer', aggregate: 'mean' } });
    if (!users.ok) throw new Error(users.error.message);
    expect(users.series!.series[0]!.values['2025-08']).toBe(1540);
  });

  it('returns the importer’s message for a binary file, an empty file and a table without dates', () => {
    const binary = importData(fixture('binary-renamed.csv'), {}, 'auto');
    expect(binary.ok).toBe(false);
    if (!binary.ok) expect(binary.error.error).toBe('binary-file');
    const empty = importData(fixture('empty.csv'), {}, 'auto');
    expect(empty).toMatchObject({ ok: false, error: { error: 'empty-file', message: 'The file is empty.' } });
    const noDates = importData(fixture('no-date-column.csv'), {}, 'auto');
    expect(noDates).toMatchObject({ ok: true, mapping: null, series: null, mappingError: { error: 'no-date-column' } });
  });

  it('reports a mapping that names a column the table lacks', () => {
    const outcome = importData(fixture('clean-iso-monthly.csv'), {}, { kind: 'usage', mapping: { date: 'month', value: 'nope' } });
    expect(outcome).toMatchObject({ ok: true, series: null, mappingError: { error: 'unknown-column' } });
  });
});

describe('fitAndProject', () => {
  const months = Array.from({ length: 12 }, (_, m) => `2025-${String(m + 1).padStart(2, '0')}`);
  const values = months.map((_, t) => 1200 + 150 * t + (t % 3 === 0 ? 20 : -10));

  it('fits, draws the curve over the history and projects ordered bands after it, the same for the same seed', () => {
    const request = { series: 'users', months, values, model: 'linear' as const, projectMonths: 6, trials: 2000, seed: 3 };
    const outcome = fitAndProject(request);
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.fit.model).toBe('linear');
    expect(outcome.fitted).toHaveLength(12);
    expect(outcome.fitted[11]).toBeCloseTo(outcome.fit.params.a! + 11 * outcome.fit.params.b!, 9);
    expect(outcome.projection.map((m) => m.month)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
    for (const m of outcome.projection) expect(m.p10 < m.p25 && m.p25 < m.p50 && m.p50 < m.p75 && m.p75 < m.p90).toBe(true);
    // About 150 a month more, so month 6 after the last (t = 17) is near 1200 + 150·17.
    expect(outcome.projection[5]!.p50).toBeGreaterThan(3500);
    expect(outcome.projection[5]!.p50).toBeLessThan(4200);
    expect(fitAndProject(request)).toEqual(outcome);
  });

  it('says why a short history cannot be fitted', () => {
    const outcome = fitAndProject({ series: 'cost_total', months: months.slice(0, 3), values: values.slice(0, 3), model: 'auto', projectMonths: 6, trials: 500, seed: 1 });
    expect(outcome).toMatchObject({ ok: false, error: { error: 'too-short' } });
    if (!outcome.ok) expect(outcome.error.message).toContain("'cost_total' has 3");
  });
});
