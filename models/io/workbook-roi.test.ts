import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundledReference } from '../pricing/reference.ts';
import type { Scenario } from '../scenario/schema.ts';
import { validateDocument } from '../scenario/validate.ts';
import type { ForecastResult } from '../simulate/result.ts';
import { runForecast } from '../simulate/run.ts';
import { buildWorkbook } from './workbook.ts';
import { WorkbookEvaluator } from './workbook-evaluate.ts';

// The issue's acceptance example: cost 20,000 in month 1 then 1,000 a month, value 4,000 a month,
// 12 months, 12 % a year. ROI = (48,000 − 31,000) / 31,000 = 0.5484; NPV 15,053.14 at
// (1.12)^(1/12) − 1 a month with end-of-month flows; cumulative net −16,000, −13,000, …, −1,000
// in month 6 and +2,000 in month 7, so payback is month 7.
const fixture = new URL('../../test/fixtures/workbook/roi-acceptance-scenario.json', import.meta.url);

function scenarioOf(document: unknown): Scenario {
  const validated = validateDocument(document);
  if (!validated.ok) throw new Error(validated.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return validated.scenario;
}

let result: ForecastResult;
let workbook: XLSX.WorkBook;

beforeAll(async () => {
  const scenario = scenarioOf(JSON.parse(readFileSync(fixture, 'utf8')));
  result = await runForecast(scenario, { reference: bundledReference, trials: 2000, seed: 1 });
  workbook = XLSX.read(buildWorkbook(scenario, result), { type: 'array', cellFormula: true, cellNF: true });
});

function valueRightOf(label: string): XLSX.CellObject {
  const sheet = workbook.Sheets['ROI']!;
  const range = XLSX.utils.decode_range(sheet['!ref']!);
  for (let r = 0; r <= range.e.r; r++) {
    if ((sheet[XLSX.utils.encode_cell({ r, c: 0 })] as XLSX.CellObject | undefined)?.v === label) return sheet[XLSX.utils.encode_cell({ r, c: 1 })] as XLSX.CellObject;
  }
  throw new Error(`no row "${label}" on ROI`);
}

describe('ROI sheet on the acceptance example', () => {
  it('the engine gives ROI 0.5484, NPV 15,053.14 and payback in month 7', () => {
    expect(result.roi!.roi.p50).toBeCloseTo(17_000 / 31_000, 12);
    expect(result.roi!.npv.p50).toBeCloseTo(15_053.14, 2);
    expect(result.roi!.paybackMonth!.p50).toBe(7);
  });

  it('the workbook’s path formulas give the same ROI, NPV and payback month', () => {
    const roi = valueRightOf('ROI = (value − cost) / cost');
    expect(roi.f).toMatch(/^IF\(/);
    expect(roi.v as number).toBeCloseTo(0.5484, 4);
    expect(Math.abs((roi.v as number) - result.roi!.roi.p50)).toBeLessThan(1e-12);
    const npv = valueRightOf('NPV of net at the monthly rate');
    expect(npv.f).toMatch(/^NPV\(MonthlyDiscountRate,E\d+:E\d+\)$/);
    expect(npv.v as number).toBeCloseTo(15_053.14, 2);
    expect(Math.abs((npv.v as number) - result.roi!.npv.p50)).toBeLessThan(1e-8);
    const payback = valueRightOf('Payback month (first with cumulative net ≥ 0)');
    expect(payback.f).toMatch(/^IF\(COUNT\(/);
    expect(payback.v).toBe(7);
  });

  it('the NPV formula follows the discount-rate input cell', () => {
    const edited: XLSX.WorkBook = { ...workbook, Sheets: { ...workbook.Sheets, ROI: { ...workbook.Sheets['ROI']! } } };
    const rate = workbook.Workbook!.Names!.find((n) => n.Name === 'DiscountRate')!.Ref.split('!')[1]!.replace(/\$/g, '');
    edited.Sheets['ROI']![rate] = { t: 'n', v: 0 };
    const evaluator = new WorkbookEvaluator(edited);
    const sheet = workbook.Sheets['ROI']!;
    const npvAddress = Object.keys(sheet).find((a) => (sheet[a] as XLSX.CellObject).f?.startsWith('NPV('))!;
    // At a 0 % rate the NPV is the plain sum of net: 48,000 − 31,000.
    expect(evaluator.cell('ROI', npvAddress)).toBeCloseTo(17_000, 9);
  });

  it('writes the euro after the amount', () => {
    expect(valueRightOf('NPV of net at the monthly rate').z).toBe('#,##0.00 "€"');
  });
});

describe('ROI sheet without value', () => {
  it('explains how to get an ROI and defines no discount-rate name', async () => {
    const scenario = scenarioOf({
      format: 'costcast/scenario',
      version: 1,
      name: 'no value',
      currency: 'USD',
      start: '2027-01',
      months: 3,
      workloads: [{ id: 'a', type: 'fixed', monthly: 100 }],
    });
    const forecast = await runForecast(scenario, { reference: bundledReference, trials: 200, seed: 1 });
    const book = XLSX.read(buildWorkbook(scenario, forecast), { type: 'array', cellFormula: true });
    expect(book.SheetNames).toEqual(['Summary', 'Budget plan', 'ROI', 'Pricing', 'Chargeback', 'Assumptions', 'Percentiles']);
    const texts = Object.values(book.Sheets['ROI']!).map((cell) => String((cell as XLSX.CellObject).v ?? ''));
    expect(texts.some((text) => text.includes('has no `value`'))).toBe(true);
    expect((book.Workbook?.Names ?? []).map((n) => n.Name)).not.toContain('DiscountRate');
    // No budget: the plan has no budget or variance columns and no budget names.
    expect((book.Workbook?.Names ?? []).map((n) => n.Name)).not.toContain('BudgetMonthly');
  });
});
