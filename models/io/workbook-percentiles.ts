/**
 * The Percentiles sheet: P5…P95, mean and standard deviation of the total per month and over
 * the horizon, then cumulative spend (P10/P50/P90) against the cumulative budget with the
 * probability of being over it by the end of each month.
 */
import type { Stats } from '../simulate/result.ts';
import { SHEET_NAMES, writeHeader, writeTitle, type BuiltSheet, type WorkbookContext } from './workbook-layout.ts';
import { SheetBuilder } from './workbook-sheet.ts';

const QUANTILES = ['p5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95', 'mean', 'sd'] as const satisfies readonly (keyof Stats)[];
const HEADERS = ['P5', 'P10', 'P25', 'P50', 'P75', 'P90', 'P95', 'Mean', 'SD'];

/** Builds the Percentiles sheet. */
export function buildPercentilesSheet(context: WorkbookContext): BuiltSheet {
  const { scenario, result, formats } = context;
  const sheet = new SheetBuilder(SHEET_NAMES.percentiles);
  let row = writeTitle(sheet, `Percentiles of the total — ${scenario.name}`, `Spend per month in ${result.currency}: P10 means a 10 % chance of spending less.`, HEADERS.length);
  const headerRow = row;
  writeHeader(sheet, row++, 0, ['Month', ...HEADERS]);
  const writeRow = (label: string, stats: Stats | undefined) => {
    sheet.text(row, 0, label);
    QUANTILES.forEach((key, i) => sheet.number(row, 1 + i, stats?.[key], formats.money));
    row++;
  };
  result.months.forEach((month, m) => writeRow(month, result.monthly[m]));
  sheet.autofilter(headerRow, 0, row - 1, HEADERS.length);
  writeRow('Horizon total', result.total);
  sheet.text(row++, 0, 'The horizon row is the distribution of the sum over all months; its percentiles are not sums of the monthly ones.');

  const cumulative = result.cumulative ?? [];
  if (cumulative.length) {
    row++;
    sheet.text(row++, 0, 'Cumulative spend to the end of each month');
    const budget = result.budget;
    writeHeader(sheet, row++, 0, ['Month', 'P10', 'P50', 'P90', ...(budget ? ['Cumulative budget', 'Probability over budget'] : [])]);
    cumulative.forEach((stats, m) => {
      sheet.text(row, 0, stats.month);
      sheet.number(row, 1, stats.p10, formats.money);
      sheet.number(row, 2, stats.p50, formats.money);
      sheet.number(row, 3, stats.p90, formats.money);
      if (budget) {
        sheet.number(row, 4, budget.cumulativeBudget?.[m], formats.money);
        sheet.number(row, 5, budget.probabilityOverByMonth?.[m], formats.percent);
      }
      row++;
    });
  }
  sheet.width(0, 14);
  return { sheet, names: [] };
}
