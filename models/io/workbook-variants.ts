/**
 * The Variants sheet: the baseline and each what-if with its P10/P50/P90/mean, the change in P50
 * and P90 against the baseline (live formulas), the mean change and the probability of being
 * cheaper — both paired per trial, because variants reuse the baseline's random numbers.
 */
import { SHEET_NAMES, STATS_HEADERS, finiteOrUndefined, writeHeader, writeStats, writeTitle, type BuiltSheet, type WorkbookContext } from './workbook-layout.ts';
import { SheetBuilder, cellRef } from './workbook-sheet.ts';

/** Builds the Variants sheet, or undefined when the forecast has no variants. */
export function buildVariantsSheet(context: WorkbookContext): BuiltSheet | undefined {
  const { scenario, result, formats } = context;
  const variants = result.variants;
  if (!variants?.length) return undefined;
  const sheet = new SheetBuilder(SHEET_NAMES.variants);
  let row = writeTitle(sheet, `What-if variants — ${scenario.name}`, `Horizon totals in ${result.currency}. Δ = variant − baseline; negative is cheaper.`, 11);
  const headerRow = row;
  writeHeader(sheet, row++, 0, ['Variant', 'Description', ...STATS_HEADERS, 'Δ P50', 'Δ P90', 'Δ mean (paired)', 'Probability cheaper', 'Std. error of Δ mean']);
  const baseRow = row;
  sheet.text(row, 0, 'Baseline');
  sheet.text(row, 1, 'the scenario as written');
  writeStats(sheet, row, 2, result.total, formats.money);
  row++;
  const p50Col = 3;
  const p90Col = 4;
  for (const variant of variants) {
    const spec = scenario.variants?.find((v) => v.name === variant.name);
    sheet.text(row, 0, variant.name);
    sheet.text(row, 1, spec?.description ?? '');
    writeStats(sheet, row, 2, variant.total, formats.money);
    sheet.formula(row, 6, `${cellRef(row, p50Col)}-${cellRef(baseRow, p50Col, true)}`, formats.money);
    sheet.formula(row, 7, `${cellRef(row, p90Col)}-${cellRef(baseRow, p90Col, true)}`, formats.money);
    sheet.number(row, 8, finiteOrUndefined(variant.deltaMean), formats.money);
    sheet.number(row, 9, finiteOrUndefined(variant.probabilityCheaper), formats.percent);
    sheet.number(row, 10, finiteOrUndefined(variant.deltaStdError), formats.money);
    row++;
  }
  sheet.autofilter(headerRow, 0, row - 1, 10);

  row++;
  sheet.text(row++, 0, 'Δ P50 and Δ P90 are live formulas over the columns to their left. Δ mean and the probability of being cheaper are paired per trial: every variant reuses the baseline’s random draws for what it does not change, so they measure the change itself, not sampling noise.');

  const withMonthly = variants.filter((v) => v.monthly?.length);
  if (withMonthly.length) {
    row++;
    sheet.text(row++, 0, 'Monthly P50 of the total');
    writeHeader(sheet, row++, 0, ['Month', 'Baseline', ...withMonthly.map((v) => v.name)]);
    result.months.forEach((month, m) => {
      sheet.text(row, 0, month);
      sheet.number(row, 1, result.monthly[m]?.p50, formats.money);
      withMonthly.forEach((variant, i) => sheet.number(row, 2 + i, variant.monthly?.[m]?.p50, formats.money));
      row++;
    });
  }
  sheet.width(0, 28);
  return { sheet, names: [] };
}
