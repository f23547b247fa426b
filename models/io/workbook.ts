/**
 * The Excel workbook executives read: Summary, Budget plan, ROI, Pricing, Chargeback,
 * Assumptions, Percentiles and (with variants) Variants, as .xlsx bytes. Pure: no file system,
 * so the app (in the browser) and the CLI (in Node) share it.
 *
 * Every formula carries its cached value, computed by `fillCachedValues` from the same cells,
 * because SheetJS never calculates and a reader that does not recalculate shows the cache.
 * User text is only ever written as text cells (see SheetBuilder.text), and formulas are built
 * only from references the sheet modules generate, so no scenario text can become a formula.
 */
import * as XLSX from 'xlsx';
import type { Scenario } from '../scenario/schema.ts';
import type { ForecastResult } from '../simulate/result.ts';
import { buildAssumptionsSheet } from './workbook-assumptions.ts';
import { buildBudgetPlanSheet } from './workbook-budget-plan.ts';
import { buildChargebackSheet } from './workbook-chargeback.ts';
import { fillCachedValues } from './workbook-evaluate.ts';
import { numberFormats } from './workbook-formats.ts';
import { SHEET_NAMES, type BuiltSheet, type WorkbookContext } from './workbook-layout.ts';
import { buildPercentilesSheet } from './workbook-percentiles.ts';
import { buildPricingSheet } from './workbook-pricing.ts';
import { buildRoiSheet } from './workbook-roi.ts';
import { buildSummarySheet } from './workbook-summary.ts';
import { buildVariantsSheet } from './workbook-variants.ts';
import { cellText } from './workbook-sheet.ts';

export interface WorkbookOptions {
  /** As-of date of the price catalog used (default: the result's pricing as-of, if any). */
  catalogAsOf?: string;
  /** When the workbook is made, as ISO text; shown on Summary and used for the catalog-age warning. */
  generatedAt?: string;
}

/** The workbook as a SheetJS object, formulas evaluated (for callers that write it themselves). */
export function createWorkbook(scenario: Scenario, result: ForecastResult, options: WorkbookOptions = {}): XLSX.WorkBook {
  const context: WorkbookContext = {
    scenario,
    result,
    formats: numberFormats(result.currency),
    catalogAsOf: options.catalogAsOf,
    generatedAt: options.generatedAt,
  };
  const rest: BuiltSheet[] = [buildBudgetPlanSheet(context), buildRoiSheet(context), buildPricingSheet(context), buildChargebackSheet(context), buildAssumptionsSheet(context), buildPercentilesSheet(context)];
  const variants = buildVariantsSheet(context);
  if (variants) rest.push(variants);
  const summary = buildSummarySheet(context, [SHEET_NAMES.summary, ...rest.map((built) => built.sheet.name)]);
  const sheets = [summary, ...rest];

  const workbook = XLSX.utils.book_new();
  for (const built of sheets) XLSX.utils.book_append_sheet(workbook, built.sheet.build(), built.sheet.name);
  workbook.Workbook = { Names: sheets.flatMap((built) => built.names) };
  workbook.Props = { Title: cellText(scenario.name), Subject: 'Costcast forecast', Author: 'Costcast' };
  fillCachedValues(workbook);
  return workbook;
}

/** The forecast as .xlsx bytes (Summary, Budget plan, ROI, Pricing, Chargeback, Assumptions, Percentiles, Variants). */
export function buildWorkbook(scenario: Scenario, result: ForecastResult, options: WorkbookOptions = {}): Uint8Array {
  const workbook = createWorkbook(scenario, result, options);
  const bytes: unknown = XLSX.write(workbook, { type: 'array', bookType: 'xlsx', compression: true, bookSST: true });
  if (bytes instanceof ArrayBuffer) return new Uint8Array(bytes);
  if (bytes instanceof Uint8Array) return bytes;
  throw new Error('workbook: SheetJS returned an unexpected type for type "array"');
}
