/**
 * The Budget plan sheet: one row per month, one column per workload (planned = P50), the total
 * planned (a SUM formula), the contingency (P90 − P50 of the monthly total), the budget as
 * input cells and the variance (budget − planned, a formula), with a SUM total row. A changed
 * budget cell flows through the variances and totals; the engine's probabilities do not move.
 */
import type * as XLSX from 'xlsx';
import { SHEET_NAMES, workloadLabel, writeHeader, writeTitle, type BuiltSheet, type WorkbookContext } from './workbook-layout.ts';
import { SheetBuilder, cellRef, rangeRef, sheetRef } from './workbook-sheet.ts';

/** Layout facts other sheets and tests rely on (0-based rows and columns). */
export interface BudgetPlanLayout {
  headerRow: number;
  firstMonthRow: number;
  totalRow: number;
  plannedCol: number;
  contingencyCol: number;
  /** Undefined when the scenario has no budget (no budget or variance columns). */
  budgetCol: number | undefined;
  varianceCol: number | undefined;
}

/** Monthly budget from the scenario: per-month values, one value repeated, or the total spread evenly. */
export function monthlyBudget(budget: WorkbookContext['scenario']['budget'], months: number): number[] | undefined {
  if (!budget) return undefined;
  if (budget.monthly !== undefined) {
    const monthly = budget.monthly;
    return Array.from({ length: months }, (_, m) => (Array.isArray(monthly) ? (monthly[m] ?? 0) : monthly));
  }
  if (budget.total !== undefined) return Array.from({ length: months }, () => budget.total! / months);
  return undefined;
}

/** Builds the Budget plan sheet and its defined names (BudgetMonthly, BudgetTotal, PlannedTotal). */
export function buildBudgetPlanSheet(context: WorkbookContext): BuiltSheet & { layout: BudgetPlanLayout } {
  const { scenario, result, formats } = context;
  const sheet = new SheetBuilder(SHEET_NAMES.budget);
  const months = result.months.length;
  const workloads = scenario.workloads;
  const budget = monthlyBudget(scenario.budget, months);

  const plannedCol = workloads.length + 1;
  const contingencyCol = plannedCol + 1;
  const budgetCol = budget ? contingencyCol + 1 : undefined;
  const varianceCol = budget ? contingencyCol + 2 : undefined;
  const lastCol = varianceCol ?? contingencyCol;

  const headerRow = writeTitle(
    sheet,
    `Budget plan — ${scenario.name}`,
    `Planned = P50 (median) per workload and month, in ${result.currency}. ${budget ? 'Budget cells are inputs: change them and the variances follow.' : 'The scenario has no budget.'}`,
    lastCol,
  );
  const firstMonthRow = headerRow + 1;
  const lastMonthRow = firstMonthRow + months - 1;
  const totalRow = lastMonthRow + 1;

  writeHeader(sheet, headerRow, 0, ['Month', ...workloads.map(workloadLabel), 'Total planned', 'Contingency (P90 − P50)']);
  if (budgetCol !== undefined && varianceCol !== undefined) writeHeader(sheet, headerRow, budgetCol, ['Budget (input)', 'Variance (budget − planned)']);

  for (let m = 0; m < months; m++) {
    const row = firstMonthRow + m;
    sheet.text(row, 0, result.months[m]!);
    workloads.forEach((workload, w) => sheet.number(row, 1 + w, result.workloads[workload.id]?.monthly[m]?.p50, formats.money));
    sheet.formula(row, plannedCol, `SUM(${rangeRef(row, 1, row, plannedCol - 1)})`, formats.money);
    const month = result.monthly[m];
    sheet.number(row, contingencyCol, month ? month.p90 - month.p50 : undefined, formats.money);
    if (budget && budgetCol !== undefined && varianceCol !== undefined) {
      sheet.number(row, budgetCol, budget[m], formats.money);
      sheet.formula(row, varianceCol, `${cellRef(row, budgetCol)}-${cellRef(row, plannedCol)}`, formats.money);
    }
  }

  sheet.text(totalRow, 0, 'Total');
  const sumColumn = (col: number) => sheet.formula(totalRow, col, `SUM(${rangeRef(firstMonthRow, col, lastMonthRow, col)})`, formats.money);
  for (let col = 1; col <= plannedCol; col++) sumColumn(col);
  // Horizon contingency is P90 − P50 of the horizon total, not the sum of monthly ones (see the note).
  sheet.number(totalRow, contingencyCol, result.total.p90 - result.total.p50, formats.money);
  if (budgetCol !== undefined && varianceCol !== undefined) {
    sumColumn(budgetCol);
    sumColumn(varianceCol);
  }
  sheet.autofilter(headerRow, 0, lastMonthRow, lastCol);

  let row = totalRow + 2;
  sheet.text(row, 0, 'Horizon total from the simulation');
  sheet.text(row, 1, 'P50');
  sheet.number(row, 2, result.total.p50, formats.money);
  sheet.text(row, 3, 'P90');
  sheet.number(row, 4, result.total.p90, formats.money);
  row += 2;
  const notes = [
    'Planned: the P50 (median) of each workload’s monthly cost. Total planned is their sum, which is not the median of the total: medians do not add. Monthly percentiles of the total are on the Percentiles sheet.',
    'Contingency: P90 − P50 of the monthly total, what to hold back for a 1-in-10 month. In the total row it is P90 − P50 of the horizon total, usually less than the sum of the monthly ones because not every month runs high together.',
  ];
  if (budget) {
    notes.push('Budget cells are inputs (defined name BudgetMonthly); totals and variances are live formulas. The probability of overrun on the Summary sheet was simulated for the scenario’s budget and does not change when these cells do.');
    if (scenario.budget?.total !== undefined) notes.push('The scenario’s budget is one total for the horizon; it is spread evenly over the months here. Edit the monthly cells to phase it.');
  }
  for (const note of notes) sheet.text(row++, 0, note);

  const names: XLSX.DefinedName[] = [{ Name: 'PlannedTotal', Ref: sheetRef(SHEET_NAMES.budget, cellRef(totalRow, plannedCol, true)) }];
  if (budgetCol !== undefined) {
    names.push(
      { Name: 'BudgetMonthly', Ref: sheetRef(SHEET_NAMES.budget, rangeRef(firstMonthRow, budgetCol, lastMonthRow, budgetCol, true)) },
      { Name: 'BudgetTotal', Ref: sheetRef(SHEET_NAMES.budget, cellRef(totalRow, budgetCol, true)) },
    );
  }
  sheet.width(0, 10);
  return { sheet, names, layout: { headerRow, firstMonthRow, totalRow, plannedCol, contingencyCol, budgetCol, varianceCol } };
}
