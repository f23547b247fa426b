/**
 * What every sheet of the workbook shares: the sheet names, the inputs a sheet is built from,
 * and the few layout moves they all make (a merged title, a header row, a row of statistics).
 */
import type * as XLSX from 'xlsx';
import type { Scenario } from '../scenario/schema.ts';
import type { ForecastResult, Stats } from '../simulate/result.ts';
import type { NumberFormats } from './workbook-formats.ts';
import type { SheetBuilder } from './workbook-sheet.ts';

/** Sheet names, in workbook order (Variants only when the scenario has variants). */
export const SHEET_NAMES = {
  summary: 'Summary',
  budget: 'Budget plan',
  roi: 'ROI',
  pricing: 'Pricing',
  chargeback: 'Chargeback',
  assumptions: 'Assumptions',
  percentiles: 'Percentiles',
  variants: 'Variants',
} as const;

/** Everything a sheet is built from. */
export interface WorkbookContext {
  scenario: Scenario;
  result: ForecastResult;
  formats: NumberFormats;
  /** As-of date of the price catalog the forecast used, if any. */
  catalogAsOf: string | undefined;
  /** When the workbook was made (ISO text), if the caller says. */
  generatedAt: string | undefined;
}

/** A sheet and the defined names that point into it. */
export interface BuiltSheet {
  sheet: SheetBuilder;
  names: XLSX.DefinedName[];
}

/** Writes a merged title (row 0) and an optional merged subtitle (row 1); returns the first free row. */
export function writeTitle(sheet: SheetBuilder, title: string, subtitle: string | undefined, lastCol: number): number {
  sheet.text(0, 0, title);
  sheet.merge(0, 0, 0, Math.max(lastCol, 1));
  if (subtitle === undefined) return 2;
  sheet.text(1, 0, subtitle);
  sheet.merge(1, 0, 1, Math.max(lastCol, 1));
  return 3;
}

/** Writes a row of header texts starting at `col`. */
export function writeHeader(sheet: SheetBuilder, row: number, col: number, headers: readonly string[]): void {
  headers.forEach((header, i) => sheet.text(row, col + i, header));
}

export const STATS_HEADERS = ['P10', 'P50', 'P90', 'Mean'] as const;

/** Writes P10, P50, P90 and mean of `stats` from `col` on (n/a when the stats are missing). */
export function writeStats(sheet: SheetBuilder, row: number, col: number, stats: Stats | null | undefined, format: string): void {
  sheet.number(row, col, stats?.p10, format);
  sheet.number(row, col + 1, stats?.p50, format);
  sheet.number(row, col + 2, stats?.p90, format);
  sheet.number(row, col + 3, stats?.mean, format);
}

/** A number the result promises but may not carry (older results, sparse sections). */
export function finiteOrUndefined(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** The month label of a 1-based month of the horizon ("2027-07"), or undefined outside it. */
export function monthLabel(result: ForecastResult, month: number): string | undefined {
  const index = Math.round(month) - 1;
  return index >= 0 && index < result.months.length ? result.months[index] : undefined;
}

/** How the trials were drawn, in words. */
export function samplingWords(sampling: ForecastResult['sampling']): string {
  return sampling === 'lhs' ? 'Latin hypercube sampling' : 'plain random sampling';
}

/** A workload's display name: its name, else its id. */
export function workloadLabel(workload: { id: string; name?: string | undefined }): string {
  return workload.name !== undefined && workload.name.trim() !== '' ? workload.name : workload.id;
}
