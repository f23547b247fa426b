import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundledReference } from '../pricing/reference.ts';
import type { Scenario } from '../scenario/schema.ts';
import { validateDocument } from '../scenario/validate.ts';
import type { ForecastResult } from '../simulate/result.ts';
import { runForecast } from '../simulate/run.ts';
import { buildWorkbook } from './workbook.ts';
import { WorkbookEvaluator, evaluateFormulas, tokenize } from './workbook-evaluate.ts';
import { NO_PAYBACK } from './workbook-roi.ts';

const fixture = new URL('../../test/fixtures/workbook/workbook-scenario.json', import.meta.url);

let scenario: Scenario;
let result: ForecastResult;
let workbook: XLSX.WorkBook;
let bytes: Uint8Array;

beforeAll(async () => {
  const validated = validateDocument(JSON.parse(readFileSync(fixture, 'utf8')));
  if (!validated.ok) throw new Error(validated.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  scenario = validated.scenario;
  result = await runForecast(scenario, { reference: bundledReference, trials: 2000, seed: 1 });
  bytes = buildWorkbook(scenario, result, { catalogAsOf: '2026-11-23', generatedAt: '2027-06-01T10:00:00Z' });
  workbook = XLSX.read(bytes, { type: 'array', cellFormula: true, cellNF: true });
});

const sheetOf = (name: string): XLSX.WorkSheet => {
  const sheet = workbook.Sheets[name];
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
};
const cellAt = (sheet: XLSX.WorkSheet, row: number, col: number) => sheet[XLSX.utils.encode_cell({ r: row, c: col })] as XLSX.CellObject | undefined;

/** Row (0-based) of the first cell in `col` holding exactly `text`. */
function rowOf(sheet: XLSX.WorkSheet, col: number, text: string): number {
  const range = XLSX.utils.decode_range(sheet['!ref']!);
  for (let r = range.s.r; r <= range.e.r; r++) if (cellAt(sheet, r, col)?.v === text) return r;
  throw new Error(`no "${text}" in column ${col}`);
}

/** Column (0-based) of the cell in `row` holding exactly `text`. */
function colOf(sheet: XLSX.WorkSheet, row: number, text: string): number {
  const range = XLSX.utils.decode_range(sheet['!ref']!);
  for (let c = range.s.c; c <= range.e.c; c++) if (cellAt(sheet, row, c)?.v === text) return c;
  throw new Error(`no "${text}" in row ${row}`);
}

const numberAt = (sheet: XLSX.WorkSheet, row: number, col: number): number => {
  const cell = cellAt(sheet, row, col);
  if (cell?.t !== 'n' || typeof cell.v !== 'number') throw new Error(`cell ${XLSX.utils.encode_cell({ r: row, c: col })} is not a number: ${JSON.stringify(cell)}`);
  return cell.v;
};

/** Float sums in a different order differ in the last bits; money is compared to 1e-9 relative. */
const expectMoney = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));

/** Resolves a defined name to its sheet and 0-based range. */
function nameRange(name: string): { sheet: string; range: XLSX.Range } {
  const ref = workbook.Workbook?.Names?.find((n) => n.Name === name && n.Sheet === undefined)?.Ref;
  if (!ref) throw new Error(`no defined name ${name}`);
  const match = /^(?:'((?:[^']|'')+)'|([A-Za-z_][A-Za-z0-9_]*))!(.+)$/.exec(ref)!;
  return { sheet: (match[1] ?? match[2])!.replace(/''/g, "'"), range: XLSX.utils.decode_range(match[3]!.replace(/\$/g, '')) };
}

describe('buildWorkbook round trip', () => {
  it('has every sheet, Variants included, in reading order', () => {
    expect(workbook.SheetNames).toEqual(['Summary', 'Budget plan', 'ROI', 'Pricing', 'Chargeback', 'Assumptions', 'Percentiles', 'Variants']);
  });

  it('Summary: the engine’s headline numbers, as values with their formats', () => {
    const summary = sheetOf('Summary');
    const total = rowOf(summary, 0, 'Total');
    expect([1, 2, 3, 4].map((c) => numberAt(summary, total, c))).toEqual([result.total.p10, result.total.p50, result.total.p90, result.total.mean]);
    const budget = result.budget!;
    const valueOf = (label: string) => numberAt(summary, rowOf(summary, 0, label), 1);
    expect(valueOf('Budget for the horizon')).toBe(budget.amount);
    expect(valueOf('Probability of overrun (total > budget)')).toBe(budget.probabilityOfExceeding);
    expect(valueOf('Expected overrun (averaged over all trials)')).toBe(budget.expectedOverrun);
    expect(valueOf('Probability that cumulative spend crosses the cumulative budget')).toBe(budget.probabilityOfBreach);
    expect(budget.thresholds!.length).toBeGreaterThan(0);
    for (const threshold of budget.thresholds!) {
      const row = rowOf(summary, 0, `Probability of reaching ${Math.round(threshold.level * 100)} % of the budget`);
      expect(numberAt(summary, row, 1)).toBe(threshold.probability);
      expect(cellAt(summary, row, 1)?.z).toBe('0.0%');
    }
    const drivers = rowOf(summary, 0, 'Driver');
    result.sensitivity.slice(0, 5).forEach((entry, i) => {
      expect(cellAt(summary, drivers + 1 + i, 0)?.v).toBe(entry.driver);
      expect(numberAt(summary, drivers + 1 + i, 1)).toBe(entry.rankCorrelation);
    });
    const cheapest = [...result.pricing!.strategies].sort((a, b) => a.total.mean - b.total.mean)[0]!;
    expect(valueOf(`Cheapest strategy (mean): ${cheapest.name}`)).toBe(cheapest.total.mean);
    for (const commitment of result.pricing!.recommendedCommitments) {
      expect(valueOf(`Recommended commitment: ${commitment.gpu} ${commitment.term} (GPU-hours per month)`)).toBe(commitment.gpuHoursPerMonth);
    }
    const roi = rowOf(summary, 0, 'ROI');
    expect([1, 2, 3, 4].map((c) => numberAt(summary, roi, c))).toEqual([result.roi!.roi.p10, result.roi!.roi.p50, result.roi!.roi.p90, result.roi!.roi.mean]);
    expect(cellAt(summary, roi, 2)?.z).toBe('0.0%');
    expect(valueOf('Probability of payback within the horizon')).toBe(result.roi!.probabilityOfPayback);
    const variants = rowOf(summary, 0, 'Variant');
    result.variants!.forEach((variant, i) => expect([numberAt(summary, variants + 1 + i, 1), numberAt(summary, variants + 1 + i, 2)]).toEqual([variant.deltaP50, variant.deltaP90]));
  });

  it('Budget plan: planned = workload P50s, totals and variances are SUM / difference formulas with matching cached values', () => {
    const sheet = sheetOf('Budget plan');
    const header = rowOf(sheet, 0, 'Month');
    const plannedCol = colOf(sheet, header, 'Total planned');
    const contingencyCol = colOf(sheet, header, 'Contingency (P90 − P50)');
    const budgetCol = colOf(sheet, header, 'Budget (input)');
    const varianceCol = colOf(sheet, header, 'Variance (budget − planned)');
    expect(plannedCol).toBe(scenario.workloads.length + 1);
    const sums = new Array<number>(varianceCol + 1).fill(0);
    result.months.forEach((month, m) => {
      const row = header + 1 + m;
      expect(cellAt(sheet, row, 0)?.v).toBe(month);
      let planned = 0;
      scenario.workloads.forEach((workload, w) => {
        const p50 = result.workloads[workload.id]!.monthly[m]!.p50;
        expect(numberAt(sheet, row, 1 + w)).toBe(p50);
        planned += p50;
        sums[1 + w]! += p50;
      });
      expect(cellAt(sheet, row, plannedCol)?.f).toMatch(/^SUM\(B\d+:[A-Z]+\d+\)$/);
      expectMoney(numberAt(sheet, row, plannedCol), planned);
      expect(numberAt(sheet, row, contingencyCol)).toBe(result.monthly[m]!.p90 - result.monthly[m]!.p50);
      expect(numberAt(sheet, row, budgetCol)).toBe(6400);
      expect(cellAt(sheet, row, budgetCol)?.f).toBeUndefined();
      expectMoney(numberAt(sheet, row, varianceCol), 6400 - planned);
      sums[plannedCol]! += planned;
      sums[budgetCol]! += 6400;
      sums[varianceCol]! += 6400 - planned;
    });
    const total = header + 1 + result.months.length;
    expect(cellAt(sheet, total, 0)?.v).toBe('Total');
    for (const col of [...scenario.workloads.map((_, w) => 1 + w), plannedCol, budgetCol, varianceCol]) {
      expect(cellAt(sheet, total, col)?.f).toMatch(/^SUM\(/);
      expectMoney(numberAt(sheet, total, col), sums[col]!);
    }
    expect(numberAt(sheet, total, contingencyCol)).toBe(result.total.p90 - result.total.p50);
  });

  it('every formula cell caches the value its formula computes from the workbook as read back', () => {
    const formulas = evaluateFormulas(workbook);
    expect(formulas.length).toBeGreaterThan(60);
    for (const { sheet, address, formula, value } of formulas) {
      const cached = sheetOf(sheet)[address] as XLSX.CellObject;
      const where = `${sheet}!${address} ${formula}`;
      if (typeof value === 'number') {
        expect(cached.t, where).toBe('n');
        expect(Math.abs((cached.v as number) - value), where).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(value)));
      } else expect(cached.v ?? '', where).toBe(value ?? '');
    }
  });

  it('never writes an error, NaN or Infinity', () => {
    for (const name of workbook.SheetNames) {
      for (const [address, cell] of Object.entries(sheetOf(name))) {
        if (address.startsWith('!')) continue;
        const c = cell as XLSX.CellObject;
        expect(c.t, `${name}!${address}`).not.toBe('e');
        if (c.t === 'n') expect(Number.isFinite(c.v), `${name}!${address}`).toBe(true);
      }
    }
  });

  it('puts currency formats on money and percent formats on probabilities', () => {
    const summary = sheetOf('Summary');
    const totalRow = rowOf(summary, 0, 'Total');
    for (let col = 1; col <= 4; col++) expect(cellAt(summary, totalRow, col)?.z).toBe('"$"#,##0');
    expect(cellAt(summary, rowOf(summary, 0, 'Probability of overrun (total > budget)'), 1)?.z).toBe('0.0%');
    const plan = sheetOf('Budget plan');
    const header = rowOf(plan, 0, 'Month');
    expect(cellAt(plan, header + 1, colOf(plan, header, 'Variance (budget − planned)'))?.z).toBe('"$"#,##0');
    const roi = sheetOf('ROI');
    expect(cellAt(roi, rowOf(roi, 0, 'Discount rate per year (input)'), 1)?.z).toBe('0.0%');
    expect(cellAt(roi, rowOf(roi, 0, 'NPV of net at the monthly rate'), 1)?.z).toBe('"$"#,##0.00');
    const pricing = sheetOf('Pricing');
    const strategies = rowOf(pricing, 0, 'Strategy');
    expect(cellAt(pricing, strategies + 1, colOf(pricing, strategies, 'Saving %'))?.z).toBe('0.0%');
  });

  it('gives columns widths and merges the titles', () => {
    // Column widths are only parsed when styles are read.
    const styled = XLSX.read(bytes, { type: 'array', cellStyles: true });
    for (const name of styled.SheetNames) {
      const sheet = styled.Sheets[name]!;
      expect(sheet['!cols']?.length, name).toBeGreaterThan(1);
      expect(sheet['!cols']!.every((col) => (col.wch ?? col.wpx ?? 0) > 0), name).toBe(true);
      expect(sheet['!merges']?.some((m) => m.s.r === 0 && m.s.c === 0 && m.e.c > 0), name).toBe(true);
    }
  });

  it('defined names point at the input cells and the totals', () => {
    const monthly = nameRange('BudgetMonthly');
    expect(monthly.sheet).toBe('Budget plan');
    expect(monthly.range.e.r - monthly.range.s.r + 1).toBe(result.months.length);
    for (let r = monthly.range.s.r; r <= monthly.range.e.r; r++) {
      const cell = cellAt(sheetOf(monthly.sheet), r, monthly.range.s.c);
      expect(cell?.v).toBe(6400);
      expect(cell?.f).toBeUndefined();
    }
    const total = nameRange('BudgetTotal');
    expect(cellAt(sheetOf(total.sheet), total.range.s.r, total.range.s.c)?.v).toBe(6400 * result.months.length);
    const rate = nameRange('DiscountRate');
    const rateCell = cellAt(sheetOf(rate.sheet), rate.range.s.r, rate.range.s.c);
    expect(rate.sheet).toBe('ROI');
    expect(rateCell?.v).toBe(0.12);
    expect(rateCell?.f).toBeUndefined();
    const monthlyRate = nameRange('MonthlyDiscountRate');
    expect(cellAt(sheetOf(monthlyRate.sheet), monthlyRate.range.s.r, monthlyRate.range.s.c)?.v).toBeCloseTo(Math.pow(1.12, 1 / 12) - 1, 15);
    const planned = nameRange('PlannedTotal');
    const plannedCell = cellAt(sheetOf(planned.sheet), planned.range.s.r, planned.range.s.c);
    expect(plannedCell?.f).toMatch(/^SUM\(/);
  });

  it('a changed budget cell flows through the variances and totals (live formulas)', () => {
    const monthly = nameRange('BudgetMonthly');
    const plan = sheetOf('Budget plan');
    const edited: XLSX.WorkBook = { ...workbook, Sheets: { ...workbook.Sheets, 'Budget plan': { ...plan } } };
    const first = XLSX.utils.encode_cell({ r: monthly.range.s.r, c: monthly.range.s.c });
    edited.Sheets['Budget plan']![first] = { t: 'n', v: 1000 };
    const evaluator = new WorkbookEvaluator(edited);
    const header = rowOf(plan, 0, 'Month');
    const varianceCol = colOf(plan, header, 'Variance (budget − planned)');
    const plannedCol = colOf(plan, header, 'Total planned');
    const planned = numberAt(plan, header + 1, plannedCol);
    expect(evaluator.cell('Budget plan', XLSX.utils.encode_cell({ r: header + 1, c: varianceCol }))).toBeCloseTo(1000 - planned, 6);
    const totalBudget = nameRange('BudgetTotal');
    expect(evaluator.cell('Budget plan', XLSX.utils.encode_cell({ r: totalBudget.range.s.r, c: totalBudget.range.s.c }))).toBe(6400 * (result.months.length - 1) + 1000);
  });

  it('ROI sheet: path formulas over the P50 months, engine statistics as values', () => {
    const roi = sheetOf('ROI');
    const header = rowOf(roi, 0, 'Month #');
    let cumulative = 0;
    let payback: number | undefined;
    let npv = 0;
    const rate = Math.pow(1.12, 1 / 12) - 1;
    result.months.forEach((_, m) => {
      const row = header + 1 + m;
      const value = result.roi!.monthlyValue![m]!.p50;
      const cost = result.monthly[m]!.p50;
      expect(numberAt(roi, row, 2)).toBe(value);
      expect(numberAt(roi, row, 3)).toBe(cost);
      expectMoney(numberAt(roi, row, 4), value - cost);
      cumulative += value - cost;
      npv += (value - cost) / Math.pow(1 + rate, m + 1);
      expectMoney(numberAt(roi, row, 5), cumulative);
      if (payback === undefined && cumulative >= 0) payback = m + 1;
    });
    expectMoney(numberAt(roi, rowOf(roi, 0, 'NPV of net at the monthly rate'), 1), npv);
    const paybackCell = cellAt(roi, rowOf(roi, 0, 'Payback month (first with cumulative net ≥ 0)'), 1);
    expect(paybackCell?.v).toBe(payback ?? NO_PAYBACK);
    const npvStats = rowOf(roi, 0, 'NPV');
    expect([1, 2, 3, 4].map((c) => numberAt(roi, npvStats, c))).toEqual([result.roi!.npv.p10, result.roi!.npv.p50, result.roi!.npv.p90, result.roi!.npv.mean]);
    expect(cellAt(roi, npvStats, 2)?.f).toBeUndefined();
    expect(numberAt(roi, rowOf(roi, 0, 'Probability of payback within the horizon'), 1)).toBe(result.roi!.probabilityOfPayback);
  });

  it('Pricing: the saving formula agrees with the engine’s saving vs on-demand', () => {
    const pricing = sheetOf('Pricing');
    const header = rowOf(pricing, 0, 'Strategy');
    const savingCol = colOf(pricing, header, 'Saving vs on-demand (mean)');
    expect(result.pricing!.strategies.length).toBeGreaterThan(0);
    result.pricing!.strategies.forEach((strategy, i) => {
      expect(cellAt(pricing, header + 1 + i, 0)?.v).toBe(strategy.name);
      expect(cellAt(pricing, header + 1 + i, savingCol)?.f).toBeDefined();
      expectMoney(numberAt(pricing, header + 1 + i, savingCol), strategy.savingVsOnDemand!);
    });
    const providers = rowOf(pricing, 0, 'Provider');
    const co2Col = colOf(pricing, providers, 'CO2e (tonnes)');
    result.pricing!.providers.forEach((provider, i) => expect(numberAt(pricing, providers + 1 + i, co2Col)).toBe(provider.co2eTonnes));
  });

  it('Variants: Δ P50 / Δ P90 formulas reproduce the engine’s deltas', () => {
    const variants = sheetOf('Variants');
    const header = rowOf(variants, 0, 'Variant');
    const p50Col = colOf(variants, header, 'Δ P50');
    const p90Col = colOf(variants, header, 'Δ P90');
    result.variants!.forEach((variant, i) => {
      const row = header + 2 + i;
      expect(cellAt(variants, row, 0)?.v).toBe(variant.name);
      expect(cellAt(variants, row, p50Col)?.f).toBeDefined();
      expectMoney(numberAt(variants, row, p50Col), variant.deltaP50);
      expectMoney(numberAt(variants, row, p90Col), variant.deltaP90);
    });
  });

  it('Chargeback: one row per tag value with the engine’s P50/P90 over the horizon and in every month', () => {
    const sheet = sheetOf('Chargeback');
    const header = rowOf(sheet, 0, 'Tag');
    let row = header + 1;
    for (const key of Object.keys(result.chargeback!).sort()) {
      for (const value of Object.keys(result.chargeback![key]!).sort()) {
        const group = result.chargeback![key]![value]!;
        expect([cellAt(sheet, row, 0)?.v, cellAt(sheet, row, 1)?.v]).toEqual([key, value]);
        expect([numberAt(sheet, row, 2), numberAt(sheet, row, 3)]).toEqual([group.total.p50, group.total.p90]);
        result.months.forEach((month, m) => {
          expect(cellAt(sheet, header, 5 + m)?.v).toBe(`${month} P50`);
          expect(cellAt(sheet, header, 5 + result.months.length + m)?.v).toBe(`${month} P90`);
          expect(numberAt(sheet, row, 5 + m)).toBe(group.monthly[m]!.p50);
          expect(numberAt(sheet, row, 5 + result.months.length + m)).toBe(group.monthly[m]!.p90);
        });
        row++;
      }
    }
  });

  it('Percentiles: P5…P95 of the monthly total', () => {
    const sheet = sheetOf('Percentiles');
    const header = rowOf(sheet, 0, 'Month');
    result.monthly.forEach((stats, m) => {
      expect([1, 2, 3, 4, 5, 6, 7].map((c) => numberAt(sheet, header + 1 + m, c))).toEqual([stats.p5, stats.p10, stats.p25, stats.p50, stats.p75, stats.p90, stats.p95]);
    });
  });

  it('Assumptions: every driver in words, every workload, the run settings', () => {
    const sheet = sheetOf('Assumptions');
    const header = rowOf(sheet, 0, 'Driver');
    const drivers = Object.keys(scenario.drivers!);
    drivers.forEach((name, i) => expect(cellAt(sheet, header + 1 + i, 0)?.v).toBe(name));
    expect(cellAt(sheet, header + 1 + drivers.indexOf('prompt_tokens'), 2)?.v).toBe('80 % range 800 to 2,000 (lognormal)');
    expect(cellAt(sheet, header + 1 + drivers.indexOf('requests'), 2)?.v).toBe('users * requests_per_user');
    expect(numberAt(sheet, rowOf(sheet, 0, 'Seed'), 1)).toBe(1);
    expect(numberAt(sheet, rowOf(sheet, 0, 'Trials'), 1)).toBe(2000);
    expect(cellAt(sheet, rowOf(sheet, 0, 'Price catalog as of'), 1)?.v).toBe('2026-11-23');
    const workloadIds = new Set<string>();
    const range = XLSX.utils.decode_range(sheet['!ref']!);
    const workloadHeader = rowOf(sheet, 0, 'Workload');
    for (let r = workloadHeader + 1; r <= range.e.r && cellAt(sheet, r, 1); r++) workloadIds.add(String(cellAt(sheet, r, 1)!.v));
    expect([...workloadIds]).toEqual(scenario.workloads.map((w) => w.id));
  });
});

describe('injection guard', () => {
  it('user text that looks like a formula stays text', () => {
    const summary = sheetOf('Summary');
    const name = cellAt(summary, rowOf(summary, 0, 'Scenario'), 1)!;
    expect(name).toMatchObject({ t: 's', v: '=HYPERLINK("http://x","y")' });
    expect(name.f).toBeUndefined();
    const plan = sheetOf('Budget plan');
    const header = rowOf(plan, 0, 'Month');
    for (const text of ['+cmd', '-finetune']) {
      const cell = cellAt(plan, header, colOf(plan, header, text))!;
      expect(cell.t).toBe('s');
      expect(cell.f).toBeUndefined();
    }
    const chargeback = sheetOf('Chargeback');
    expect(cellAt(chargeback, rowOf(chargeback, 1, '=1+1'), 1)?.f).toBeUndefined();
    const variants = sheetOf('Variants');
    expect(cellAt(variants, rowOf(variants, 0, '=bigger model'), 0)).toMatchObject({ t: 's' });
  });

  it('formulas use only generated references, the workbook’s own names and a fixed set of functions and texts', () => {
    const allowedNames = new Set(['SUM', 'MIN', 'COUNT', 'IF', 'NPV', 'DiscountRate', 'MonthlyDiscountRate']);
    const allowedStrings = new Set(['', 'n/a', NO_PAYBACK]);
    const sheets = new Set(workbook.SheetNames);
    for (const { formula, sheet, address } of evaluateFormulas(workbook)) {
      for (const token of tokenize(formula)) {
        if (token.kind === 'name') expect(allowedNames.has(token.value), `${sheet}!${address}: ${formula}`).toBe(true);
        if (token.kind === 'string') expect(allowedStrings.has(token.value), `${sheet}!${address}: ${formula}`).toBe(true);
        if (token.kind === 'reference' && token.sheet !== undefined) expect(sheets.has(token.sheet)).toBe(true);
      }
    }
  });
});
