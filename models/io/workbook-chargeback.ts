/**
 * The Chargeback sheet: cost by every tag key and value (team, product, environment, …), with
 * the horizon P50/P90/mean, the P50 of each month and then the P90 of each month, in one
 * filterable table; then the budgets set per tag value and how likely each is to be exceeded.
 */
import { SHEET_NAMES, finiteOrUndefined, monthLabel, writeHeader, writeTitle, type BuiltSheet, type WorkbookContext } from './workbook-layout.ts';
import { SheetBuilder } from './workbook-sheet.ts';

/** Builds the Chargeback sheet (a note when no workload carries tags). */
export function buildChargebackSheet(context: WorkbookContext): BuiltSheet {
  const { scenario, result, formats } = context;
  const sheet = new SheetBuilder(SHEET_NAMES.chargeback);
  const months = result.months;
  const firstP90Col = 5 + months.length;
  const lastCol = firstP90Col + months.length - 1;
  let row = writeTitle(
    sheet,
    `Chargeback — ${scenario.name}`,
    `Cost by tag, in ${result.currency}. Medians of groups do not add up to the median of the whole; each row is its own distribution.`,
    Math.min(lastCol, 8),
  );

  const chargeback = result.chargeback ?? {};
  const keys = Object.keys(chargeback).sort();
  const headerRow = row;
  writeHeader(sheet, row++, 0, ['Tag', 'Value', 'Total P50', 'Total P90', 'Total mean', ...months.map((m) => `${m} P50`), ...months.map((m) => `${m} P90`)]);
  for (const key of keys) {
    const groups = chargeback[key]!;
    for (const value of Object.keys(groups).sort()) {
      const group = groups[value]!;
      sheet.text(row, 0, key);
      sheet.text(row, 1, value);
      sheet.number(row, 2, group.total.p50, formats.money);
      sheet.number(row, 3, group.total.p90, formats.money);
      sheet.number(row, 4, group.total.mean, formats.money);
      months.forEach((_, m) => {
        sheet.number(row, 5 + m, group.monthly[m]?.p50, formats.money);
        sheet.number(row, firstP90Col + m, group.monthly[m]?.p90, formats.money);
      });
      row++;
    }
  }
  if (row === headerRow + 1) sheet.text(row++, 0, 'No workload carries tags: add `tags` (team, product, environment, …) to see cost by tag.');
  else sheet.autofilter(headerRow, 0, row - 1, lastCol);

  const byTag = result.budget?.byTag ?? [];
  if (byTag.length) {
    row++;
    sheet.text(row++, 0, 'Budgets by tag');
    writeHeader(sheet, row++, 0, ['Tag', 'Value', 'Budget', 'Probability of overrun', 'Expected overrun', 'Probability of a breach', 'First breach month (P50)']);
    for (const budget of byTag) {
      sheet.text(row, 0, budget.tag);
      sheet.text(row, 1, budget.value);
      sheet.number(row, 2, budget.amount, formats.money);
      sheet.number(row, 3, budget.probabilityOfExceeding, formats.percent);
      sheet.number(row, 4, budget.expectedOverrun, formats.money);
      sheet.number(row, 5, budget.probabilityOfBreach, formats.percent);
      const first = finiteOrUndefined(budget.firstBreachMonth?.p50);
      sheet.text(row, 6, first === undefined ? 'no breach' : `${monthLabel(result, first) ?? ''} (month ${first.toFixed(1)})`);
      row++;
    }
  }
  return { sheet, names: [] };
}
