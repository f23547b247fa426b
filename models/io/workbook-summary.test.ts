import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { bundledReference } from '../pricing/reference.ts';
import { validateDocument } from '../scenario/validate.ts';
import { runForecast } from '../simulate/run.ts';
import { buildWorkbook } from './workbook.ts';
import { monthsBetween } from './workbook-summary.ts';

describe('monthsBetween', () => {
  it('counts whole months between ISO dates', () => {
    expect(monthsBetween('2026-11-23', '2027-05-23')).toBe(6);
    expect(monthsBetween('2026-11-23', '2027-05-22')).toBe(5);
    expect(monthsBetween('2026-11-23', '2027-06-01T10:00:00Z')).toBe(6);
    expect(monthsBetween('soon', '2027-06-01')).toBeUndefined();
  });
});

describe('Summary sheet', () => {
  it('warns when the price catalog is more than 6 months older than the export', async () => {
    const validated = validateDocument({
      format: 'costcast/scenario',
      version: 1,
      name: 'catalog age',
      currency: 'USD',
      start: '2027-01',
      months: 2,
      workloads: [{ id: 'a', type: 'fixed', monthly: 100 }],
    });
    if (!validated.ok) throw new Error('invalid test scenario');
    const result = await runForecast(validated.scenario, { reference: bundledReference, trials: 200, seed: 1 });
    const warningOf = (generatedAt: string) => {
      const book = XLSX.read(buildWorkbook(validated.scenario, result, { catalogAsOf: '2026-11-23', generatedAt }), { type: 'array' });
      return XLSX.utils.sheet_to_json<string[]>(book.Sheets['Summary']!, { header: 1 }).find((row) => row[0] === 'Warning')?.[1];
    };
    expect(warningOf('2027-06-01')).toBeUndefined();
    expect(warningOf('2027-06-23')).toBe('The price catalog is 7 months old: check prices before relying on them.');
  });
});
