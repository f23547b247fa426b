/**
 * The ROI sheet. Top: the yearly discount rate as an input cell (defined name DiscountRate)
 * and its monthly equivalent (1 + r)^(1/12) − 1 as a formula. Then one row per month along the
 * median path — value P50, cost P50 (median of the monthly total), net and cumulative net as
 * formulas — with ROI, NPV (end-of-month flows) and the payback month as formulas over it.
 * Those are the figures of one deterministic path; below them sit the engine's statistics over
 * all trials (NPV P10/P50/P90, probability of payback), which generally differ and say so.
 */
import type * as XLSX from 'xlsx';
import { SHEET_NAMES, STATS_HEADERS, monthLabel, writeHeader, writeStats, writeTitle, type BuiltSheet, type WorkbookContext } from './workbook-layout.ts';
import { SheetBuilder, cellRef, rangeRef, sheetRef } from './workbook-sheet.ts';

/** Text of the payback formula when cumulative net never reaches 0 within the horizon. */
export const NO_PAYBACK = 'not within the horizon';

/** Where the ROI sheet's key cells are (0-based), for tests and cross-sheet references. */
export interface RoiLayout {
  discountRateCell: { row: number; col: number };
  firstMonthRow: number;
  totalRow: number;
  roiCell: { row: number; col: number };
  npvCell: { row: number; col: number };
  paybackCell: { row: number; col: number };
}

const COL = { index: 0, month: 1, value: 2, cost: 3, net: 4, cumulative: 5, paidBack: 6 } as const;

/** Builds the ROI sheet; without a `value` in the scenario it explains how to get one. */
export function buildRoiSheet(context: WorkbookContext): BuiltSheet & { layout: RoiLayout | undefined } {
  const { scenario, result, formats } = context;
  const sheet = new SheetBuilder(SHEET_NAMES.roi);
  const roi = result.roi;
  const row0 = writeTitle(sheet, `Return on investment — ${scenario.name}`, `In ${result.currency}. Inputs: the discount rate. Everything in the monthly table is a live formula except value and cost.`, COL.paidBack);
  if (!roi || !scenario.value || !roi.monthlyValue?.length) {
    sheet.text(row0, 0, roi ? 'The forecast carries no monthly value path, so there is no ROI table.' : 'The scenario has no `value` (value created per month), so there is no ROI. Add one to see ROI, NPV and payback.');
    return { sheet, names: [], layout: undefined };
  }
  const months = result.months.length;

  let row = row0;
  const discountRateCell = { row, col: 1 };
  sheet.text(row, 0, 'Discount rate per year (input)');
  sheet.number(row, 1, scenario.value.discountRate ?? 0.1, formats.percent);
  row++;
  const monthlyRateCell = { row, col: 1 };
  sheet.text(row, 0, 'Discount rate per month');
  sheet.formula(row, 1, '(1+DiscountRate)^(1/12)-1', formats.ratePercent);
  sheet.text(row, 2, 'cash flows at the end of each month');
  row += 2;

  const headerRow = row;
  writeHeader(sheet, headerRow, 0, ['Month #', 'Month', 'Value P50', 'Cost P50', 'Net', 'Cumulative net', 'Paid back (month #)']);
  const firstMonthRow = headerRow + 1;
  const lastMonthRow = firstMonthRow + months - 1;
  for (let m = 0; m < months; m++) {
    const r = firstMonthRow + m;
    sheet.number(r, COL.index, m + 1, '0');
    sheet.text(r, COL.month, result.months[m]!);
    sheet.number(r, COL.value, roi.monthlyValue[m]?.p50, formats.money);
    sheet.number(r, COL.cost, result.monthly[m]?.p50, formats.money);
    sheet.formula(r, COL.net, `${cellRef(r, COL.value)}-${cellRef(r, COL.cost)}`, formats.money);
    sheet.formula(r, COL.cumulative, m === 0 ? cellRef(r, COL.net) : `${cellRef(r - 1, COL.cumulative)}+${cellRef(r, COL.net)}`, formats.money);
    sheet.formula(r, COL.paidBack, `IF(${cellRef(r, COL.cumulative)}>=0,${cellRef(r, COL.index)},"")`, '0');
  }
  const totalRow = lastMonthRow + 1;
  sheet.text(totalRow, COL.month, 'Total');
  for (const col of [COL.value, COL.cost, COL.net]) sheet.formula(totalRow, col, `SUM(${rangeRef(firstMonthRow, col, lastMonthRow, col)})`, formats.money);
  sheet.autofilter(headerRow, 0, lastMonthRow, COL.paidBack);

  row = totalRow + 2;
  sheet.text(row++, 0, 'Along the median path (live formulas over the table above)');
  const totalValue = cellRef(totalRow, COL.value);
  const totalCost = cellRef(totalRow, COL.cost);
  const roiCell = { row, col: 1 };
  sheet.text(row, 0, 'ROI = (value − cost) / cost');
  sheet.formula(row++, 1, `IF(${totalCost}=0,"n/a",(${totalValue}-${totalCost})/${totalCost})`, formats.percent);
  const npvCell = { row, col: 1 };
  sheet.text(row, 0, 'NPV of net at the monthly rate');
  sheet.formula(row++, 1, `NPV(MonthlyDiscountRate,${rangeRef(firstMonthRow, COL.net, lastMonthRow, COL.net)})`, formats.money2);
  const paybackCell = { row, col: 1 };
  const paidBack = rangeRef(firstMonthRow, COL.paidBack, lastMonthRow, COL.paidBack);
  sheet.text(row, 0, 'Payback month (first with cumulative net ≥ 0)');
  sheet.formula(row++, 1, `IF(COUNT(${paidBack})=0,"${NO_PAYBACK}",MIN(${paidBack}))`, '0');

  row++;
  sheet.text(row++, 0, `From the simulation (${result.trials.toLocaleString('en-US')} trials): the distribution of each figure`);
  writeHeader(sheet, row++, 1, STATS_HEADERS);
  const statsRows: [string, Parameters<typeof writeStats>[3], string][] = [
    ['ROI', roi.roi, formats.percent],
    ['NPV', roi.npv, formats.money],
    ['Value over the horizon', roi.value, formats.money],
    ['Net (value − cost)', roi.net, formats.money],
    ['Payback month (trials that pay back)', roi.paybackMonth, formats.decimal1],
  ];
  for (const [label, stats, format] of statsRows) {
    sheet.text(row, 0, label);
    if (stats) writeStats(sheet, row, 1, stats, format);
    else sheet.text(row, 1, 'no trial pays back within the horizon');
    row++;
  }
  sheet.text(row, 0, 'Probability that ROI > 0');
  sheet.number(row++, 1, roi.probabilityPositive, formats.percent);
  sheet.text(row, 0, 'Probability of payback within the horizon');
  sheet.number(row++, 1, roi.probabilityOfPayback, formats.percent);
  const likely = roi.paybackMonth ? monthLabel(result, roi.paybackMonth.p50) : undefined;
  if (likely) sheet.text(row++, 0, `Median payback month among trials that pay back: ${likely}`);

  row++;
  for (const note of [
    'The formulas above follow one path: the median value and the median cost of each month. The simulation figures are statistics over all trials; the median NPV is not the NPV of the median months, so the two differ unless the forecast has no uncertainty.',
    'Change the discount rate (defined name DiscountRate) and the path NPV follows; the simulated NPV distribution used the scenario’s rate.',
  ]) sheet.text(row++, 0, note);

  sheet.width(0, 44);
  const names: XLSX.DefinedName[] = [
    { Name: 'DiscountRate', Ref: sheetRef(SHEET_NAMES.roi, cellRef(discountRateCell.row, discountRateCell.col, true)) },
    { Name: 'MonthlyDiscountRate', Ref: sheetRef(SHEET_NAMES.roi, cellRef(monthlyRateCell.row, monthlyRateCell.col, true)) },
  ];
  return { sheet, names, layout: { discountRateCell, firstMonthRow, totalRow, roiCell, npvCell, paybackCell } };
}
